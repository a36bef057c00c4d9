package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import org.junit.jupiter.api.Test;

/** Minutes of play on the player clock (tempo tracked from the human, taps now and then): nothing allocated once warm. */
class PerformerPlayerClockAllocationTest {

    private static final long SECOND = 1_000 * MS;

    /**
     * Four-bar phrases of the tracker test's melody, each at its own tempo (80 to 140 BPM), with jitter and chords,
     * about 8 s of rest between them, and four taps of the tap-tempo controller before every third phrase.
     */
    private static long[][] phrases(long length) {
        List<long[]> events = new ArrayList<>();
        long start = SECOND;
        for (int n = 0; start < length - 20 * SECOND; n++) {
            double bpm = 80 + (n * 37) % 60;
            if (n % 3 == 2) {
                for (int tap = 0; tap < 4; tap++) events.add(new long[] {start + Math.round(tap * 60e9 / bpm), 0xB0, 89, 127});
                start += Math.round(4 * 60e9 / bpm);
            }
            for (long[] e : PerformerPlayerClockTest.phrase(BeatTrackerTest.MELODY_BEATS, bpm, start, 12, n)) {
                events.add(e);
                if (e[1] == 0x90 && e[2] % 3 == 0) events.add(new long[] {e[0] + 15 * MS, 0x90, e[2] + 4, e[3]});
                if (e[1] == 0x80 && e[2] % 3 == 0) events.add(new long[] {e[0], 0x80, e[2] + 4, 0});
            }
            start += Math.round(16 * 60e9 / bpm) + 8 * SECOND;
        }
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }

    @Test
    void playingOnThePlayersClockAllocatesNothing() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        parameters.set(Parameter.ANSWER_START, AnswerStart.BEAT.ordinal());
        RecordingMidiOut out = new RecordingMidiOut(0, true);
        Performer performer = new Performer(TestModels.kernel(), parameters, 78L, out);
        ScriptedHumanPart session = new ScriptedHumanPart(performer, phrases(300 * SECOND));
        PerformerStatus status = new PerformerStatus();

        assertThat(performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        session.runFor(90 * SECOND);
        long noteOnsAfterWarmUp = out.noteOns();
        long[] bytesPerHalfMinute = AllocationRounds.bytesPerRound(7, () -> session.runFor(30 * SECOND));
        performer.readStatus(status);
        performer.allNotesOff(session.now);

        assertThat(session.delivered).isEqualTo(session.times.length);
        assertThat(out.noteOns() - noteOnsAfterWarmUp).as("the machine kept answering").isGreaterThan(100);
        assertThat(status.answers()).isGreaterThan(10);
        assertThat(status.clockRunning()).as("the player's beat is found").isTrue();
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("hanging notes").isZero();
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerHalfMinute);
    }
}
