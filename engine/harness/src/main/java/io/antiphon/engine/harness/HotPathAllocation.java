package io.antiphon.engine.harness;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;

import javax.sound.midi.ShortMessage;

/**
 * Heap bytes the performer allocates per token (fed or sampled) in steady state: a simulated jam on an injected
 * clock (a human note every 250 ms, time advanced every millisecond), measured on this thread after the performer's
 * warm-up. The bench reports it beside the kernel's bytes per step.
 */
final class HotPathAllocation {

    private static final long MILLISECOND = 1_000_000L;
    /** Sends nowhere: a non-capturing lambda, so the measurement itself allocates nothing. */
    private static final MidiOut DISCARD = (nanos, status, data1, data2) -> { };

    private HotPathAllocation() {
    }

    /** Bytes per token over {@code simulatedSeconds} of jam after warm-up, or NaN where the JVM cannot count. */
    static double performerBytesPerToken(StepModel model, int simulatedSeconds, long seed) {
        if (!AllocationMeter.isSupported()) return Double.NaN;
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.MODE, 1);
        Performer performer = new Performer(model, parameters, seed, DISCARD);
        performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS);
        PerformerStatus status = new PerformerStatus();
        long[] now = {0};
        Jam jam = new Jam(performer, now);
        AllocationMeter meter = new AllocationMeter();
        meter.measure(jam::play1ms, simulatedSeconds * 1000); // the same loop, unmeasured: the JIT settles first
        performer.readStatus(status);
        long tokensBefore = status.tokensFed() + status.tokensGenerated();
        long bytes = meter.measure(jam::play1ms, simulatedSeconds * 1000);
        performer.readStatus(status);
        long tokens = status.tokensFed() + status.tokensGenerated() - tokensBefore;
        performer.allNotesOff(now[0]);
        return tokens == 0 ? Double.NaN : (double) bytes / tokens;
    }

    /** A human playing a slow arpeggio against the performer, one simulated millisecond per call. */
    private static final class Jam {
        private static final int[] PITCHES = {60, 64, 67, 72, 67, 64};
        private final Performer performer;
        private final long[] now;
        private int millisecond;
        private int held = -1;

        Jam(Performer performer, long[] now) {
            this.performer = performer;
            this.now = now;
        }

        void play1ms(int ignored) {
            now[0] += MILLISECOND;
            if (millisecond++ % 250 == 0) {
                if (held >= 0) performer.onMidi(now[0], ShortMessage.NOTE_OFF, held, 0);
                held = PITCHES[(millisecond / 250) % PITCHES.length];
                performer.onMidi(now[0], ShortMessage.NOTE_ON, held, 80);
            }
            performer.advance(now[0]);
        }
    }
}
