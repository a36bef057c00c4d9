package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MusicalClockTest {

    private static final long MS = 1_000_000L;

    @Test
    void aTickIsA24thOfABeatAtTheTempo() {
        MusicalClock clock = new MusicalClock(120);
        clock.start(5_000 * MS);

        assertThat(MusicalClock.nanosPerTick(120)).isEqualTo(60e9 / (120 * 24));
        assertThat(clock.tickAt(5_000 * MS)).isZero();
        assertThat(clock.tickAt(5_500 * MS)).isEqualTo(24);
        assertThat(clock.tickAt(5_500 * MS - 1)).isEqualTo(23);
        assertThat(clock.nanosPerBeat()).isEqualTo(500 * MS);
        assertThat(clock.ticksIn(1_000 * MS)).isEqualTo(48);
    }

    @Test
    void theFirstNanosecondOfATickMapsBackToThatTick() {
        MusicalClock clock = new MusicalClock(97.3);
        clock.start(-123_456_789L);

        for (long tick = 0; tick < 20_000; tick++) {
            long start = clock.nanosAt(tick);
            assertThat(clock.tickAt(start)).as("tick %d", tick).isEqualTo(tick);
            assertThat(clock.tickAt(start - 2)).as("just before tick %d", tick).isEqualTo(tick - 1);
        }
    }

    @Test
    void aTempoChangeKeepsTimeContinuous() {
        MusicalClock clock = new MusicalClock(120);
        clock.start(0);

        clock.setTempo(1_000 * MS, 60); // 48 ticks have passed at 120 BPM

        assertThat(clock.tickAt(1_000 * MS)).isEqualTo(48);
        assertThat(clock.tickAt(2_000 * MS)).isEqualTo(72); // 24 more at 60 BPM
        assertThat(clock.nanosAt(72)).isEqualTo(2_000 * MS);
        assertThat(clock.bpm()).isEqualTo(60);
    }

    @Test
    void theClockStartsOnce() {
        MusicalClock clock = new MusicalClock(120);
        clock.start(100 * MS);
        clock.start(900 * MS);

        assertThat(clock.tickAt(100 * MS)).isZero();
    }

    @Test
    void beatsBecomeAtLeastOneTick() {
        assertThat(MusicalClock.ticksOfBeats(2)).isEqualTo(48);
        assertThat(MusicalClock.ticksOfBeats(0.001)).isEqualTo(1);
    }

    @Test
    void aFollowedClockRunsAtMostOneTickPastTheLastTickReceivedAndNeverBack() {
        MusicalClock clock = new MusicalClock(120);
        clock.start(0);
        clock.follow(100 * MS, 10, 20 * MS); // tick 10 arrived at 100 ms; ticks last 20 ms

        assertThat(clock.following()).isTrue();
        assertThat(clock.bpm()).isEqualTo(125);
        assertThat(clock.tickAt(100 * MS)).isEqualTo(10);
        assertThat(clock.tickAt(120 * MS - 1)).isEqualTo(10);
        assertThat(clock.tickAt(120 * MS)).isEqualTo(11);
        assertThat(clock.tickAt(500 * MS)).as("a late tick is extrapolated into, not beyond").isEqualTo(11);
        assertThat(clock.nanosAt(12)).as("the prediction").isEqualTo(140 * MS);

        clock.follow(150 * MS, 11, 20 * MS); // late: time does not go back
        assertThat(clock.tickAt(150 * MS)).isEqualTo(11);
        assertThat(clock.tickAt(170 * MS)).isEqualTo(12);
        clock.follow(160 * MS, 12, 20 * MS); // early: time jumps to it
        assertThat(clock.tickAt(160 * MS)).isEqualTo(12);

        clock.unfollow(170 * MS); // runs on freely from tick 12.5
        assertThat(clock.following()).isFalse();
        assertThat(clock.tickAt(170 * MS)).isEqualTo(12);
        assertThat(clock.tickAt(500 * MS)).isEqualTo(29);
    }

    @Test
    void theGridCountsFromItsOrigin() {
        MusicalClock clock = new MusicalClock(120);
        clock.start(0);
        assertThat(clock.nextOnGrid(0, 96)).isZero();
        assertThat(clock.nextOnGrid(1, 96)).isEqualTo(96);

        clock.setGridOrigin(5);
        assertThat(clock.nextOnGrid(5, 24)).isEqualTo(5);
        assertThat(clock.nextOnGrid(6, 24)).isEqualTo(29);
        assertThat(clock.nextOnGrid(-20, 24)).isEqualTo(-19);
        assertThat(clock.gridPosition(3)).isEqualTo(-2);
        assertThat(clock.nextTickFrom(500 * MS)).as("tick 24 begins at 500 ms").isEqualTo(24);
        assertThat(clock.nextTickFrom(500 * MS + 1)).isEqualTo(25);
    }
}
