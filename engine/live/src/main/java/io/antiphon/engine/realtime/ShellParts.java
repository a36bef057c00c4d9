package io.antiphon.engine.realtime;

import java.util.Objects;
import java.util.function.Function;

import javax.sound.midi.Receiver;

import com.lmax.disruptor.dsl.ProducerType;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.PerformerCore;

/**
 * The real-time shell's parts, built once and wired in one place: MIDI input {@code Receiver} → input ring →
 * performer loop → scheduler (same thread) → output {@code Receiver}. {@link LiveSession} runs them on its real-time
 * thread;
 * {@link SteppedShell} steps them on the caller's thread (as Agrona's {@code AgentRunner} and {@code AgentInvoker}
 * run one agent's duty cycle).
 */
final class ShellParts {

    final NanoClock clock;
    final LatencyMeters meters;
    final EventRing inputRing;
    final MidiInputReceiver input;
    final OutputScheduler scheduler;
    final PerformerLoop loop;

    /**
     * @param programs the Program Change loader, or null when program changes are ignored
     */
    ShellParts(Receiver output, Function<MidiOut, ? extends PerformerCore> performerFactory, ShellOptions options,
               ProgramChanges programs) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(performerFactory, "performerFactory");
        this.clock = options.clock();
        this.meters = new LatencyMeters();
        this.inputRing = new EventRing(ProducerType.MULTI, options.inputCapacity(), options.inputReserve());
        this.input = new MidiInputReceiver(inputRing, clock, meters);
        // the performer's computing waits for a message due within a step, on a clock that moves by itself
        this.scheduler = new OutputScheduler(output, clock, meters, options.outputCapacity(),
                clock == NanoClock.SYSTEM ? OutputScheduler.DUE_MARGIN_NANOS : 0);
        PerformerOutput performerOutput = new PerformerOutput(scheduler);
        PerformerCore performer = Objects.requireNonNull(performerFactory.apply(performerOutput), "the performer factory returned null");
        this.loop = new PerformerLoop(performer, inputRing, scheduler, performerOutput, clock, meters, programs,
                options.observer(), options.latencyMode().newWaitStrategy());
    }

    /** The shell's counters; {@code loaderFailures} comes from the program loader, when there is one. */
    ShellCounters counters(long loaderFailures) {
        return new ShellCounters(inputRing.dropped(), inputRing.deferredReleases(), input.ignored(),
                scheduler.sent(), scheduler.sendErrors(),
                scheduler.invalidMessages(), scheduler.strayNoteOffs(), loop.programSwitches(), loaderFailures);
    }
}
