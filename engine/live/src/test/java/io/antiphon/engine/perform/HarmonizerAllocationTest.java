package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The harmonizer's hot path (onMidi, advance) allocates nothing once warm, over minutes of a melody with rests, on the
 * internal clock and on the player clock (the beat tracker hearing every note).
 */
@Tag("timing")
class HarmonizerAllocationTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @ParameterizedTest
    @EnumSource(value = ClockSource.class, names = {"INTERNAL", "PLAYER"})
    void aFiveMinuteMelodyLeavesNoHangingNoteAndAllocatesNothingOnceWarm(ClockSource clock) {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = HarmonizerTest.parameters();
        parameters.set(Parameter.CLOCK, clock.ordinal());
        RecordingMidiOut out = new RecordingMidiOut(0, true);
        Harmonizer harmonizer = new Harmonizer(TestRollModels.kernel(), 24, parameters, 2026L, out);
        ScriptedHumanPart session = new ScriptedHumanPart(harmonizer, melody(300 * SECOND, 17L));

        assertThat(harmonizer.warmUp(Harmonizer.WARM_UP_FRAMES, Harmonizer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        session.runFor(60 * SECOND);
        long noteOnsAfterWarmUp = out.noteOns();
        long[] bytesPerMinute = AllocationRounds.bytesPerRound(4, () -> session.runFor(60 * SECOND));
        harmonizer.allNotesOff(session.now);

        assertThat(session.delivered).isEqualTo(session.times.length);
        assertThat(out.noteOns() - noteOnsAfterWarmUp).as("melody and voices kept sounding").isGreaterThan(500);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("hanging notes").isZero();
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerMinute);
    }

    /** A melody at 125 BPM: quarters, halves and pairs of eighths, legato or detached, a rest now and then. */
    private static long[][] melody(long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> events = new ArrayList<>();
        long beat = 480 * MS;
        int pitch = 72;
        for (long t = 0; t < length - 4 * SECOND; ) {
            int kind = random.nextInt(8);
            if (kind == 0) {
                t += 2 * beat; // a rest: the harmonizer falls idle
                continue;
            }
            long noteLength = kind == 1 ? beat / 2 : kind == 2 ? 2 * beat : beat;
            int previous = pitch;
            pitch = Math.max(62, Math.min(81, pitch + random.nextInt(7) - 3));
            if (pitch == previous) pitch += pitch < 81 ? 2 : -2; // a key is not pressed again before it is released
            long release = t + noteLength + (random.nextBoolean() ? 15 * MS : -60 * MS); // legato overlap or detached
            events.add(new long[] {t, 0x90, pitch, 50 + random.nextInt(60)});
            events.add(new long[] {release, 0x80, pitch, 0});
            t += noteLength;
        }
        events.sort((a, b) -> Long.compare(a[0], b[0]));
        return events.toArray(long[][]::new);
    }
}
