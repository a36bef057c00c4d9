package io.antiphon.midi.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MidiClockFollowerTest {

    private static final long MS = 1_000_000L;
    private static final long JITTER = 2 * MS;
    private static final int BEAT = MidiClockFollower.TICKS_PER_QUARTER;

    /** 90, 100, ... 150 BPM, each for 4 beats, then 150 on. */
    private static double steps(long tick) {
        return Math.min(150, 90 + 10 * (tick / (4 * BEAT)));
    }

    /**
     * 2 beats at 90, then a linear ramp to 150 over 32 bars (128 beats), then 150 on. The estimate is the mean tempo of
     * the last beat, so it trails a ramp by half a beat: over 16 bars that alone is 0.5 % at 90 BPM (see
     * {@link ClockTrackingFigures}).
     */
    private static double ramp(long tick) {
        double beats = (tick - 2 * BEAT) / (double) BEAT;
        return 90 + 60 * Math.max(0, Math.min(1, beats / 128));
    }

    @Test
    void aTempoRisingInStepsIsTrackedWithinOnePercentOneBeatAfterEachChange() {
        for (long seed = 1; seed <= 20; seed++) {
            MidiClockFollower follower = new MidiClockFollower();
            JitteredHostClock host = new JitteredHostClock(1_000 * MS, MidiClockFollowerTest::steps, JITTER, seed);
            follower.onMessage(host.due() - 3 * MS, 0xFA, 0, 0);
            int checked = 0;
            while (host.tick() < 8 * 4 * BEAT) {
                follower.onMessage(host.next(), 0xF8, 0, 0);
                long received = host.tick() - 1;
                long sinceChange = received % (4 * BEAT);
                if (received >= BEAT && sinceChange >= BEAT) {
                    double truth = steps(received - 1);
                    assertThat(follower.bpm()).as("seed %d, tick %d", seed, received).isCloseTo(truth, within(truth * 0.01));
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(8 * 3 * BEAT);
            assertThat(follower.position()).isEqualTo(8 * 4 * BEAT - 1);
            assertThat(follower.rejectedTempos()).isZero();
        }
    }

    @Test
    void aLinearRampIsTrackedWithinOnePercentFromOneBeatIntoIt() {
        for (long seed = 1; seed <= 20; seed++) {
            MidiClockFollower follower = new MidiClockFollower();
            JitteredHostClock host = new JitteredHostClock(0, MidiClockFollowerTest::ramp, JITTER, seed);
            follower.onMessage(-MS, 0xFA, 0, 0);
            while (host.tick() < 136 * BEAT) {
                follower.onMessage(host.next(), 0xF8, 0, 0);
                if (host.tick() > BEAT) {
                    double truth = host.bpmNow();
                    assertThat(follower.bpm()).as("seed %d, tick %d", seed, host.tick() - 1).isCloseTo(truth, within(truth * 0.01));
                }
            }
        }
    }

    @Test
    void startPlaysFromPositionZeroAndEachTickAdvancesOne() {
        MidiClockFollower follower = new MidiClockFollower();
        assertThat(follower.onMessage(0, 0xF8, 0, 0)).isEqualTo(ClockEvent.IDLE_TICK);
        assertThat(follower.position()).isEqualTo(-1);

        assertThat(follower.onMessage(10 * MS, 0xFA, 0, 0)).isEqualTo(ClockEvent.START);
        assertThat(follower.running()).isTrue();
        assertThat(follower.onMessage(20 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.FIRST_TICK);
        assertThat(follower.position()).isZero();
        assertThat(follower.onMessage(40 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.TICK);
        assertThat(follower.onMessage(60 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.TICK);
        assertThat(follower.position()).isEqualTo(2);
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9)); // 20 ms ticks
    }

    @Test
    void stopHoldsThePositionAndContinueResumesThere() {
        MidiClockFollower follower = new MidiClockFollower();
        follower.onMessage(0, 0xFA, 0, 0);
        for (int i = 0; i < 10; i++) follower.onMessage(i * 20 * MS, 0xF8, 0, 0);
        assertThat(follower.onMessage(195 * MS, 0xFC, 0, 0)).isEqualTo(ClockEvent.STOP);
        assertThat(follower.onMessage(196 * MS, 0xFC, 0, 0)).isEqualTo(ClockEvent.NONE);
        assertThat(follower.running()).isFalse();

        // the host keeps sending the clock while stopped: the tempo learns, the position stays
        for (int i = 10; i < 20; i++) assertThat(follower.onMessage(i * 20 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.IDLE_TICK);
        assertThat(follower.position()).isEqualTo(9);
        assertThat(follower.nextPosition()).isEqualTo(10);

        assertThat(follower.onMessage(395 * MS, 0xFB, 0, 0)).isEqualTo(ClockEvent.CONTINUE);
        assertThat(follower.onMessage(396 * MS, 0xFB, 0, 0)).isEqualTo(ClockEvent.NONE); // already running
        assertThat(follower.onMessage(400 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.FIRST_TICK);
        assertThat(follower.position()).isEqualTo(10);
        assertThat(follower.onMessage(420 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.TICK);
        assertThat(follower.position()).isEqualTo(11);
    }

    @Test
    void aSongPositionPointerMovesTheNextTickInSixteenths() {
        MidiClockFollower follower = new MidiClockFollower();
        // 200 sixteenths = LSB 72, MSB 1 (1 * 128 + 72)
        assertThat(follower.onMessage(0, 0xF2, 72, 1)).isEqualTo(ClockEvent.POSITION);
        assertThat(follower.nextPosition()).isEqualTo(200 * 6);
        follower.onMessage(1 * MS, 0xFB, 0, 0);
        assertThat(follower.onMessage(2 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.FIRST_TICK);
        assertThat(follower.position()).isEqualTo(1200);
        assertThat(follower.onMessage(22 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.TICK);

        // a jump while running (a loop): the next tick re-anchors at the new position
        assertThat(follower.onMessage(30 * MS, 0xF2, 16, 0)).isEqualTo(ClockEvent.POSITION);
        assertThat(follower.onMessage(42 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.FIRST_TICK);
        assertThat(follower.position()).isEqualTo(96);
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9)); // the tempo does not care where the song is

        // Start always means position 0
        follower.onMessage(50 * MS, 0xFA, 0, 0);
        follower.onMessage(62 * MS, 0xF8, 0, 0);
        assertThat(follower.position()).isZero();
    }

    @Test
    void ticksThatCeaseWhileRunningAreAStallOnceAndTheNextTickReanchors() {
        MidiClockFollower follower = new MidiClockFollower();
        follower.onMessage(0, 0xFA, 0, 0);
        for (int i = 0; i < 30; i++) follower.onMessage(i * 20 * MS, 0xF8, 0, 0);
        long last = 29 * 20 * MS;

        assertThat(follower.advance(last + 12 * 20 * MS)).isEqualTo(ClockEvent.NONE); // 12 tick lengths: not yet
        assertThat(follower.advance(last + 12 * 20 * MS + 1)).isEqualTo(ClockEvent.STALL);
        assertThat(follower.advance(last + 2_000 * MS)).isEqualTo(ClockEvent.NONE); // once
        assertThat(follower.stalled()).isTrue();
        assertThat(follower.running()).isTrue();
        assertThat(follower.stalls()).isEqualTo(1);

        // the host's count is authoritative: the position continues from the ticks received
        assertThat(follower.onMessage(last + 3_000 * MS, 0xF8, 0, 0)).isEqualTo(ClockEvent.FIRST_TICK);
        assertThat(follower.position()).isEqualTo(30);
        assertThat(follower.stalled()).isFalse();
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9)); // the gap is not a tempo
        follower.onMessage(last + 3_000 * MS + 16 * MS, 0xF8, 0, 0);
        assertThat(follower.bpm()).isCloseTo(156.25, within(1e-9)); // the window restarted after the gap
    }

    @Test
    void startWithoutTicksStallsAfterHalfASecond() {
        MidiClockFollower follower = new MidiClockFollower();
        follower.onMessage(100 * MS, 0xFA, 0, 0);
        assertThat(follower.advance(100 * MS + MidiClockFollower.STALL_NANOS_WITHOUT_TEMPO)).isEqualTo(ClockEvent.NONE);
        assertThat(follower.advance(100 * MS + MidiClockFollower.STALL_NANOS_WITHOUT_TEMPO + 1)).isEqualTo(ClockEvent.STALL);
        assertThat(follower.hasTempo()).isFalse();
        assertThat(follower.bpm()).isNaN();
    }

    @Test
    void absurdTempiAreIgnoredAndCounted() {
        MidiClockFollower follower = new MidiClockFollower();
        follower.onMessage(0, 0xFA, 0, 0);
        for (int i = 0; i < 25; i++) follower.onMessage(i * 20 * MS, 0xF8, 0, 0);
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9));

        // a burst: 50 ticks 0.1 ms apart (1 kHz+), then the same instant repeated: never believed as such
        long t = 500 * MS;
        for (int i = 0; i < 50; i++) {
            follower.onMessage(t + i * 100_000L, 0xF8, 0, 0);
            assertThat(follower.bpm()).isBetween(MidiClockFollower.MIN_BPM, MidiClockFollower.MAX_BPM);
        }
        for (int i = 0; i < 5; i++) follower.onMessage(t + 5 * MS, 0xF8, 0, 0);
        assertThat(follower.rejectedTempos()).isPositive();
        assertThat(follower.position()).isEqualTo(25 + 50 + 5 - 1); // the count still moves on
        // one beat of sane ticks later the tempo is back
        for (int i = 1; i <= 25; i++) follower.onMessage(t + 5 * MS + i * 20 * MS, 0xF8, 0, 0);
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9));

        // far too slow (10 BPM: a tick every 250 ms) is not believed either
        MidiClockFollower slow = new MidiClockFollower();
        for (int i = 0; i < 10; i++) slow.onMessage(i * 250 * MS, 0xF8, 0, 0);
        assertThat(slow.hasTempo()).isFalse();
        assertThat(slow.rejectedTempos()).isEqualTo(9);
    }

    @Test
    void aSingleLateTickDoesNotMoveTheTempo() {
        MidiClockFollower follower = new MidiClockFollower();
        long tick = 20 * MS;
        for (int i = 0; i < 40; i++) follower.onMessage(i * tick + (i == 30 ? 12 * MS : 0), 0xF8, 0, 0);
        assertThat(follower.irregularTicks()).isEqualTo(1);
        assertThat(follower.bpm()).isCloseTo(125, within(1e-9));
    }
}
