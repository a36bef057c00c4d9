package io.antiphon.engine.realtime;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.sound.midi.Receiver;

import com.lmax.disruptor.dsl.ProducerType;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * The real-time shell's own parts (MIDI input {@code Receiver} → input ring → performer loop → output ring → scheduler
 * → output {@code Receiver}), wired as {@link LiveSession} wires them but without threads: the caller's thread steps
 * them on the options' clock, usually a {@link SimulatedClock}. So a long session (the soak) runs through the same
 * code as a live one, in the time its work takes, deterministically. Program changes are ignored.
 *
 * <p>Each {@link #step} is what the two threads do once: the performer loop drains the input and advances the
 * performer to now, then the scheduler hands the output what is due by now. An exception from the performer takes the
 * live path's way out at once (the performer's all-notes-off, then the scheduler's); later steps do nothing.
 */
public final class SteppedShell {

    private final NanoClock clock;
    private final EventRing inputRing;
    private final EventRing outputRing;
    private final MidiInputReceiver input;
    private final PerformerLoop loop;
    private final OutputScheduler scheduler;
    private boolean stopped;

    public SteppedShell(Receiver output, Function<MidiOut, ? extends PerformerCore> performerFactory, ShellOptions options) {
        Objects.requireNonNull(output, "output");
        this.clock = options.clock();
        LatencyMeters meters = new LatencyMeters();
        this.inputRing = new EventRing(ProducerType.MULTI, options.inputCapacity(), options.inputReserve());
        this.outputRing = new EventRing(ProducerType.SINGLE, options.outputCapacity(), options.outputReserve());
        this.input = new MidiInputReceiver(inputRing, clock, meters);
        this.scheduler = new OutputScheduler(outputRing, output, clock, meters, options.outputCapacity());
        PerformerOutput performerOutput = new PerformerOutput(outputRing);
        PerformerCore performer = Objects.requireNonNull(performerFactory.apply(performerOutput), "the performer factory returned null");
        this.loop = new PerformerLoop(performer, inputRing, outputRing, performerOutput, clock, meters, null, options.observer());
    }

    /** The {@link Receiver} for human MIDI: stamps with the clock and publishes to the input ring, as live. */
    public Receiver input() {
        return input;
    }

    /**
     * One round at the clock's time: the performer loop, then the scheduler. Returns whether the performer had work
     * (input handled or output produced). After a failure (see {@link #failure()}) it does nothing.
     */
    public boolean step() {
        if (stopped) return false;
        long now = clock.nanoTime();
        boolean busy;
        try {
            busy = loop.iterate(now);
        } catch (Throwable t) {
            loop.fail(t);
            stop();
            return false;
        }
        pump(now);
        return busy;
    }

    /** Asks the performer to end every machine note and stop playing, through the input ring (as the shell's stop does). */
    public boolean allNotesOff() {
        return inputRing.tryPublish(RingEvent.Kind.ALL_NOTES_OFF, clock.nanoTime(), 0, 0, 0, -1);
    }

    /** Copies the performer's status (the stepping thread is the performer thread). */
    public void readStatus(PerformerStatus into) {
        loop.readStatusOnLoopThread(into);
    }

    /**
     * The shell's way out, as when a live session closes: the performer ends its notes, then the scheduler discards
     * what is queued and sends a note-off for every note still sounding at the output and CC 123. Idempotent.
     */
    public void stop() {
        if (stopped) return;
        stopped = true;
        input.close();
        loop.silence();
        pump(clock.nanoTime());
        scheduler.allNotesOff();
    }

    /** Notes sounding at the output as the scheduler counts them. */
    public int soundingAtOutput() {
        return scheduler.soundingNotes();
    }

    public ShellCounters counters() {
        return new ShellCounters(inputRing.dropped(), inputRing.deferredReleases(), input.ignored(),
                outputRing.dropped(), outputRing.deferredReleases(), scheduler.sent(), scheduler.sendErrors(),
                scheduler.invalidMessages(), scheduler.strayNoteOffs(), loop.programSwitches(), 0);
    }

    /** What the performer threw, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(loop.failure());
    }

    private void pump(long now) {
        try {
            scheduler.pump(now);
        } catch (Exception e) {
            throw new IllegalStateException("the output scheduler failed: " + e, e);
        }
    }
}
