package io.antiphon.engine.realtime;

import java.util.Optional;
import java.util.function.Function;

import javax.sound.midi.Receiver;

import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * The real-time shell's own parts (MIDI input {@code Receiver} → input ring → performer loop → output scheduler
 * → output {@code Receiver}), wired as {@link LiveSession} wires them but without a thread: the caller's thread steps
 * them on the options' clock, usually a {@link SimulatedClock}. So a long session (the soak) runs through the same
 * code as a live one, in the time its work takes, deterministically. Program changes are ignored.
 *
 * <p>Each {@link #step} is what the real-time thread does once: the performer loop drains the input and advances the
 * performer to now (what is due leaves at once), then the scheduler hands the output what else is due by now. An
 * exception from the performer takes the live path's way out at once (the performer's all-notes-off, then the
 * scheduler's); later steps do nothing.
 */
public final class SteppedShell {

    private final ShellParts parts;
    private boolean stopped;

    public SteppedShell(Receiver output, Function<MidiOut, ? extends PerformerCore> performerFactory, ShellOptions options) {
        this.parts = new ShellParts(output, performerFactory, options, null);
    }

    /** The {@link Receiver} for human MIDI: stamps with the clock and publishes to the input ring, as live. */
    public Receiver input() {
        return parts.input;
    }

    /**
     * One round at the clock's time: the performer loop, then the parts.scheduler. Returns whether the performer had work
     * (input handled or output produced). After a failure (see {@link #failure()}) it does nothing.
     */
    public boolean step() {
        if (stopped) return false;
        long now = parts.clock.nanoTime();
        boolean busy;
        try {
            busy = parts.loop.iterate(now);
        } catch (Throwable t) {
            parts.loop.fail(t);
            stop();
            return false;
        }
        parts.scheduler.pump(now);
        return busy;
    }

    /** Asks the performer to end every machine note and stop playing, through the input ring (as the shell's stop does). */
    public boolean allNotesOff() {
        return parts.inputRing.tryPublish(RingEvent.Kind.ALL_NOTES_OFF, parts.clock.nanoTime(), 0, 0, 0, -1);
    }

    /** Copies the performer's status (the stepping thread is the performer thread). */
    public void readStatus(PerformerStatus into) {
        parts.loop.readStatusOnLoopThread(into);
    }

    /**
     * The shell's way out, as when a live session closes: the performer ends its notes, then the scheduler discards
     * what is queued and sends a note-off for every note still sounding at the output and CC 123. Idempotent.
     */
    public void stop() {
        if (stopped) return;
        stopped = true;
        parts.input.close();
        parts.loop.silence();
    }

    /** Notes sounding at the output as the scheduler counts them. */
    public int soundingAtOutput() {
        return parts.scheduler.soundingNotes();
    }

    public ShellCounters counters() {
        return parts.counters(0);
    }

    /** What the performer threw, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(parts.loop.failure());
    }

}
