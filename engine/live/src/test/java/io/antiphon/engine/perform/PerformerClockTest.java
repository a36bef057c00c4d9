package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static io.antiphon.engine.perform.PerformanceDriver.TICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PerformerClockTest {

    private static final int[] MELODY = {60, 62, 64, 65, 67, 69, 71, 72};
    private static final int BEAT = 24;

    /** A simulated host: Start at {@code startNanos}, then a tick every {@code tickNanos} ± 2 ms (seeded). */
    private static final class Host {
        final long firstTickNanos;
        final long tickNanos;
        final SplittableRandom random;
        long sent;

        Host(PerformanceDriver driver, long startNanos, double bpm, long seed) {
            this.firstTickNanos = startNanos + 10 * MS;
            this.tickNanos = Math.round(60e9 / (bpm * 24));
            this.random = new SplittableRandom(seed);
            driver.message(startNanos, 0xFA, 0, 0);
        }

        /** When song position {@code p} is due, without jitter. */
        long due(long p) {
            return firstTickNanos + p * tickNanos;
        }

        /** Schedules the ticks due before {@code untilNanos}. */
        void sendUntil(PerformanceDriver driver, long untilNanos) {
            while (due(sent) < untilNanos) {
                driver.message(due(sent) + random.nextLong(-2 * MS, 2 * MS + 1), 0xF8, 0, 0);
                sent++;
            }
        }
    }

    private static long phrase(PerformanceDriver driver, long startMs, int count, long spacingMs, long lengthMs) {
        for (int i = 0; i < count; i++) driver.note(startMs + i * spacingMs, lengthMs, MELODY[i % MELODY.length], 80);
        return (startMs + (count - 1) * spacingMs + lengthMs) * MS;
    }

    private static int firstNoteOn(RecordingMidiOut out, int channel) {
        for (int i = 0; i < out.size(); i++) {
            if (out.status(i) == (0x90 | channel) && out.velocity(i) > 0) return i;
        }
        throw new AssertionError("no note-on on channel " + (channel + 1));
    }

    @Test
    void theInternalClockReadsRunningBeforeAndWhileAnswering() {
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), PerformanceDriver.parameters(), 7L);
        driver.runTo(50 * MS);
        assertThat(driver.status().clock()).isEqualTo(ClockSource.INTERNAL);
        assertThat(driver.status().clockRunning()).as("listening on the internal clock").isTrue();
        long end = phrase(driver, 100, 6, 170, 120);
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.ANSWERING, end + 10_000 * MS)).isTrue();
        assertThat(driver.status().clockRunning()).as("answering on the internal clock").isTrue();
        assertThat(driver.status().bar()).isPositive();
    }

    @Test
    void answersStartOnTheNextBeatOrBarOfTheInternalClock() {
        for (AnswerStart when : new AnswerStart[]{AnswerStart.BEAT, AnswerStart.BAR}) {
            PerformerParameters parameters = PerformanceDriver.parameters();
            parameters.set(Parameter.ANSWER_START, when.ordinal());
            parameters.set(Parameter.BEATS_PER_BAR, 3);
            long unit = when == AnswerStart.BEAT ? BEAT : 3 * BEAT;
            for (long offsetMs = 0; offsetMs < 1_000; offsetMs += 130) {
                PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 1234L + offsetMs);
                long end = phrase(driver, 70 + offsetMs, 6, 170, 120);
                assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
                long decisionTick = driver.now() / TICK;
                assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();

                long first = driver.out.time(firstNoteOn(driver.out, 0));
                assertThat(first % TICK).as("%s, offset %d: on a tick", when, offsetMs).isZero();
                assertThat(first / TICK % unit).as("%s, offset %d: on the grid", when, offsetMs).isZero();
                assertThat(first / TICK).isBetween(decisionTick, decisionTick + unit);
                assertThat(driver.out.firstViolation()).isNull();
                assertThat(driver.out.sounding()).isZero();
            }
        }
    }

    @Test
    void aFollowedClockGivesTheTempoTheTicksAndTheBarsAndAnswersStartOnItsBarLines() {
        PerformerParameters parameters = PerformanceDriver.parameters(); // 125 BPM: the host's 100 must win
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        parameters.set(Parameter.ANSWER_START, AnswerStart.BAR.ordinal());
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 99L);
        Host host = new Host(driver, 300 * MS, 100, 5L);
        host.sendUntil(driver, 30_000 * MS);
        long end = phrase(driver, 1_330, 6, 170, 120);

        driver.runTo(host.due(2 * 96 + BEAT + 5) + MS);
        PerformerStatus status = driver.status();
        assertThat(status.clock()).isEqualTo(ClockSource.FOLLOW);
        assertThat(status.clockRunning()).isTrue();
        assertThat(status.tempoBpm()).isCloseTo(100, within(1.0));
        assertThat(status.bar()).isEqualTo(3);
        assertThat(status.beat()).isEqualTo(2);

        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();
        long first = driver.out.time(firstNoteOn(driver.out, 0));
        long position = Math.round((first - host.firstTickNanos) / (double) host.tickNanos);
        assertThat(position % 96).as("song position %d is a bar line", position).isZero();
        assertThat(first).as("on the host's bar line, within its jitter").isCloseTo(host.due(position), within(3 * MS));
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void followingThatBeginsMidSongTakesTheHostsBarsFromItsNextTick() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 21L);
        Host host = new Host(driver, 5_000 * MS, 100, 6L); // the host's song starts 5 s into the session
        host.sendUntil(driver, 40_000 * MS);
        driver.runTo(7_003 * MS);
        assertThat(driver.status().tempoBpm()).isEqualTo(125); // internal: the host is ignored

        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        assertBarsFollowTheHost(driver, host, 150, 290);

        parameters.set(Parameter.CLOCK, ClockSource.INTERNAL.ordinal()); // free at 125 BPM for a while: time runs ahead
        driver.runTo(host.due(400));
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        assertBarsFollowTheHost(driver, host, 413, 600);
        assertThat(driver.status().tempoBpm()).isCloseTo(100, within(1.0));
    }

    /** Bar and beat (4/4) are the host's at song positions {@code from}, {@code from + 7}, ... up to {@code to}. */
    private static void assertBarsFollowTheHost(PerformanceDriver driver, Host host, long from, long to) {
        for (long p = from; p <= to; p += 7) {
            driver.runTo(host.due(p) + 3 * MS); // tick p has arrived (±2 ms), tick p + 1 has not
            long beat = p / BEAT;
            assertThat(driver.status().bar()).as("bar at song position %d", p).isEqualTo(beat / 4 + 1);
            assertThat(driver.status().beat()).as("beat at song position %d", p).isEqualTo((int) (beat % 4) + 1);
        }
    }

    @Test
    void aStopMidAnswerReleasesEveryNoteAtOnce() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 7L);
        Host host = new Host(driver, 0, 110, 3L);
        host.sendUntil(driver, 60_000 * MS);
        long end = phrase(driver, 500, 6, 200, 150);
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.ANSWERING && s.machineNotesSounding() > 0,
                end + 10_000 * MS)).isTrue();

        long stop = driver.now() + MS;
        driver.message(stop, 0xFC, 0, 0);
        driver.runTo(stop);
        long noteOns = driver.out.noteOns();
        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        assertThat(driver.status().clockRunning()).isFalse();

        driver.runTo(stop + 3_000 * MS); // the host keeps sending ticks while stopped: no answer resumes
        assertThat(driver.out.noteOns()).isEqualTo(noteOns);
        assertThat(driver.out.firstViolation()).isNull();
    }

    @Test
    void ticksThatCeaseMidAnswerReleaseEveryNoteWithinHalfABeat() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 8L);
        Host host = new Host(driver, 0, 110, 4L);
        long end = phrase(driver, 500, 6, 200, 150);
        long t = 0;
        do {
            t += 50 * MS;
            host.sendUntil(driver, t + 50 * MS); // scheduled ahead of the driver's time
            driver.runTo(t);
        } while (!(driver.status().phase() == PerformerPhase.ANSWERING && driver.status().machineNotesSounding() > 0)
                && t < end + 10_000 * MS);
        assertThat(driver.status().machineNotesSounding()).isPositive();
        long lastTick = host.due(host.sent - 1) + 2 * MS;

        driver.runTo(lastTick + 12 * host.tickNanos + 5 * MS); // the stall limit: 12 tick lengths
        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().clockStalls()).isEqualTo(1);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        long noteOns = driver.out.noteOns();
        driver.runTo(driver.now() + 3_000 * MS);
        assertThat(driver.out.noteOns()).isEqualTo(noteOns);
        assertThat(driver.out.firstViolation()).isNull();
    }

    @Test
    void absurdClockTicksAreSurvivedAndCounted() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 9L);
        driver.message(0, 0xFA, 0, 0);
        for (int i = 0; i < 200; i++) driver.message(10 * MS + i * 50_000L, 0xF8, 0, 0); // 20 kHz
        for (int i = 0; i < 20; i++) driver.message(100 * MS, 0xF8, 0, 0); // all at once
        long end = phrase(driver, 200, 4, 200, 150);
        driver.runTo(end + 5_000 * MS);

        PerformerStatus status = driver.status();
        assertThat(status.clockRejectedTempos()).isPositive();
        assertThat(status.tempoBpm()).isBetween(20.0, 400.0);
        assertThat(status.answers()).isEqualTo(1); // the clock stalled; time ran on and the answer came
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void aClockMasterSendsStartATickEveryTickAndPairedMetronomeClicks() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.CLOCK, ClockSource.MASTER.ordinal());
        parameters.set(Parameter.METRONOME_CHANNEL, 10);
        parameters.set(Parameter.BEATS_PER_BAR, 3);
        parameters.set(Parameter.ANSWER_START, AnswerStart.BAR.ordinal());
        RecordingMidiOut out = new RecordingMidiOut(1 << 16, true);
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 11L, out);
        long end = phrase(driver, 250, 6, 170, 120);
        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();
        driver.runTo(driver.now() + 1_000 * MS);
        parameters.set(Parameter.CLOCK, ClockSource.INTERNAL.ordinal());
        long stop = driver.now() + MS;
        driver.runTo(stop);

        assertThat(out.status(0)).isEqualTo(0xFA);
        assertThat(out.time(0)).isZero();
        long ticks = 0;
        long clicks = 0;
        for (int i = 0; i < out.size(); i++) {
            int status = out.status(i);
            if (status == 0xF8) {
                assertThat(out.time(i)).as("tick %d", ticks).isEqualTo(ticks * TICK);
                ticks++;
            } else if (status == 0x99) {
                long tick = out.time(i) / TICK;
                assertThat(out.time(i) % (BEAT * TICK)).as("a click on a beat").isZero();
                assertThat(out.key(i)).isEqualTo(tick % (3 * BEAT) == 0 ? ClockSender.BAR_KEY : ClockSender.BEAT_KEY);
                clicks++;
            } else if (status == 0x89 && out.time(i) < stop) {
                assertThat(out.time(i) % (BEAT * TICK)).as("a click lasts %d ticks", ClockSender.CLICK_TICKS)
                        .isEqualTo(ClockSender.CLICK_TICKS * TICK);
            }
        }
        // ticks are sent up to the lookahead (5 ms) ahead
        assertThat(ticks).isBetween(stop / TICK, (stop + 5 * MS) / TICK + 1);
        assertThat(clicks).isEqualTo((ticks - 1) / BEAT + 1);
        assertThat(out.status(out.size() - 1)).as("Stop last").isEqualTo(0xFC);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("every click and note released").isZero();

        long first = out.time(firstNoteOn(out, 0));
        assertThat(first % (3 * BEAT * TICK)).as("the answer starts on a bar line").isZero();
    }
}
