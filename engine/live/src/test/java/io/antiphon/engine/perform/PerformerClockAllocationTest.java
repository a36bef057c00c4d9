package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Minutes of play on a followed clock and as clock master: no hanging note, and nothing allocated once warm. */
@Tag("timing")
class PerformerClockAllocationTest {

    private static final long SECOND = 1_000 * MS;

    /**
     * A host's clock at 100 BPM (±2 ms, seeded): Start at 0; every 40 s a Stop, 2 s later a Song Position Pointer and
     * Continue; every 70 s the ticks simply cease for a second. A human plays 9-second phrases with
     * about 10 s of rest between them. Rows of {time, status, data1, data2}, in time order.
     */
    private static long[][] hostAndHuman(long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> events = new ArrayList<>();
        long tick = Math.round(60e9 / (100 * 24));
        events.add(new long[] {0, 0xFA, 0, 0});
        for (long t = 10 * MS; t < length; t += tick) {
            long inCycle = t % (70 * SECOND);
            if (inCycle > 60 * SECOND && inCycle < 61 * SECOND) continue; // the ticks cease
            events.add(new long[] {t + random.nextLong(-2 * MS, 2 * MS + 1), 0xF8, 0, 0});
        }
        for (long t = 40 * SECOND; t < length; t += 40 * SECOND) {
            events.add(new long[] {t + MS, 0xFC, 0, 0});
            events.add(new long[] {t + 2 * SECOND, 0xF2, random.nextInt(128), random.nextInt(4)});
            events.add(new long[] {t + 2 * SECOND + MS, 0xFB, 0, 0});
        }
        for (long phrase = 500 * MS; phrase < length - 10 * SECOND; phrase += 19_200 * MS) {
            for (long t = phrase; t < phrase + 9_000 * MS; t += (180 + random.nextInt(300)) * MS) {
                int pitch = 55 + random.nextInt(24);
                events.add(new long[] {t, 0x90, pitch, 40 + random.nextInt(80)});
                events.add(new long[] {t + 120 * MS, 0x80, pitch, 0});
            }
        }
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }

    private static void playsWithoutAllocating(PerformerParameters parameters, long[][] part) {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        RecordingMidiOut out = new RecordingMidiOut(0, true);
        Performer performer = new Performer(TestModels.kernel(), parameters, 77L, out);
        ScriptedHumanPart session = new ScriptedHumanPart(performer, part);
        PerformerStatus status = new PerformerStatus();

        assertThat(performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        session.runFor(90 * SECOND);
        long noteOnsAfterWarmUp = out.noteOns();
        long[] bytesPerHalfMinute = AllocationRounds.bytesPerRound(7, () -> session.runFor(30 * SECOND));
        performer.readStatus(status);
        performer.parameters().set(Parameter.CLOCK, ClockSource.INTERNAL.ordinal()); // a master's clock stops
        performer.allNotesOff(session.now);

        assertThat(session.delivered).isEqualTo(session.times.length);
        assertThat(out.noteOns() - noteOnsAfterWarmUp).as("the machine kept answering").isGreaterThan(100);
        assertThat(status.answers()).isGreaterThan(10);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("hanging notes").isZero();
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerHalfMinute);
    }

    @Test
    void followingAHostThatStopsContinuesJumpsAndStallsAllocatesNothing() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        parameters.set(Parameter.ANSWER_START, AnswerStart.BAR.ordinal());
        parameters.set(Parameter.PHRASE_END_FLOOR_MS, 600);
        playsWithoutAllocating(parameters, hostAndHuman(300 * SECOND, 5L));
    }

    @Test
    void aClockMasterWithMetronomeAllocatesNothing() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.MASTER.ordinal());
        parameters.set(Parameter.METRONOME_CHANNEL, 10);
        parameters.set(Parameter.ANSWER_START, AnswerStart.BEAT.ordinal());
        parameters.set(Parameter.PHRASE_END_FLOOR_MS, 600);
        List<long[]> humanOnly = new ArrayList<>();
        for (long[] e : hostAndHuman(300 * SECOND, 6L)) {
            if (e[1] < 0xF0) humanOnly.add(e);
        }
        playsWithoutAllocating(parameters, humanOnly.toArray(new long[0][]));
    }
}
