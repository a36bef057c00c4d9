package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Minutes of a grooving player (swing, a pushed position, crescendos and diminuendos) answered and jammed with, the
 * dynamics and feel at their defaults: the answer's notes held back and pulled ahead by the feel, no hanging note,
 * and nothing allocated once warm.
 */
@Tag("timing")
class ExpressionAllocationTest {

    private static final long SECOND = 1_000 * MS;
    /** Swung eighths (0.3 sixteenth late) and the "a" pushed (0.2 early): notes held back, and a lead. */
    private static final double[] GROOVE = {0, 0, 0.3, -0.2};

    private static void playsWithoutAllocating(PerformerMode mode, long seed) {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.MODE, mode.ordinal());
        RecordingMidiOut out = new RecordingMidiOut(0);
        Performer performer = new Performer(TestModels.kernel(), parameters, seed, out);
        ScriptedHumanPart session = new ScriptedHumanPart(performer,
                GroovedPlayer.part(470 * SECOND, PerformanceDriver.BPM, GROOVE, 4, 1, seed));
        PerformerStatus status = new PerformerStatus();

        assertThat(performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        // two minutes to settle: on a loaded machine the JIT may still recompile the feel's paths in the first
        session.runFor(120 * SECOND);
        long noteOnsAfterWarmUp = out.noteOns();
        long[] bytesPerMinute = AllocationRounds.bytesPerRound(6, () -> session.runFor(60 * SECOND));
        performer.readStatus(status);
        performer.allNotesOff(session.now);

        assertThat(session.delivered).isEqualTo(session.times.length);
        assertThat(out.noteOns() - noteOnsAfterWarmUp).as("the machine kept playing").isGreaterThan(200);
        if (mode == PerformerMode.CALL_AND_RESPONSE) assertThat(status.answers()).isGreaterThan(10);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("hanging notes").isZero();
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerMinute);
    }

    @Test
    void answeringAGroovingPlayerAllocatesNothing() {
        playsWithoutAllocating(PerformerMode.CALL_AND_RESPONSE, 41L);
    }

    @Test
    void jammingWithAGroovingPlayerAllocatesNothing() {
        playsWithoutAllocating(PerformerMode.JAM, 42L);
    }
}
