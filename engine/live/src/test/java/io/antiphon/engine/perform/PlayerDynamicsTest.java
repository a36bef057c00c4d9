package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The player's level, contour and accents, as the answer's velocities take them. */
class PlayerDynamicsTest {

    private static final long MS = 1_000_000L;
    private static final long BEAT = 480 * MS;
    /** Eighth notes: ticks and nanoseconds of note {@code i}. */
    private static final long EIGHTH = BEAT / 2;

    private static PlayerDynamics eighths(int[] velocities) {
        PlayerDynamics dynamics = new PlayerDynamics();
        for (int i = 0; i < velocities.length; i++) dynamics.hear(i * EIGHTH, i * 12.0, velocities[i], 4, BEAT);
        return dynamics;
    }

    private static int[] ramp(int from, int to, int count) {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) v[i] = from + (to - from) * i / (count - 1);
        return v;
    }

    @Test
    void theLevelIsTheMeanOfTheLastFourNotes() {
        PlayerDynamics dynamics = eighths(new int[] {20, 20, 20, 60, 70, 80, 90});
        assertThat(dynamics.level()).isEqualTo(75);
    }

    @Test
    void aCrescendoIsContinuedThroughThePartUpToItsBound() {
        PlayerDynamics dynamics = eighths(ramp(50, 100, 16));
        long last = 15 * EIGHTH;
        long start = last + BEAT;
        long end = start + 8 * BEAT;
        assertThat(dynamics.slopePerSecond()).isPositive();
        double first = dynamics.velocityAt(start, MetricPosition.BEAT, start, end, BEAT);
        double middle = dynamics.velocityAt(start + 4 * BEAT, MetricPosition.BEAT, start, end, BEAT);
        double lastNote = dynamics.velocityAt(end, MetricPosition.BEAT, start, end, BEAT);
        double accent = dynamics.accent(MetricPosition.BEAT);
        assertThat(first - accent - PlayerDynamics.arch(start, start, end)).isCloseTo(dynamics.level(), within(1e-9));
        assertThat(middle).isGreaterThan(first);
        // the steep crescendo (about 13 a second) is spread over the answer: the bound is reached at its end
        assertThat(lastNote - first).isCloseTo(PlayerDynamics.MAX_CONTOUR, within(1e-6));
    }

    @Test
    void aDiminuendoIsContinuedDownwards() {
        PlayerDynamics dynamics = eighths(ramp(100, 60, 16));
        long start = 16 * EIGHTH;
        assertThat(dynamics.slopePerSecond()).isNegative();
        long end = start + 8 * BEAT;
        // the phrase arch (tested below) aside: the same bar line at both ends of the part
        assertThat(dynamics.velocityAt(end, MetricPosition.BEAT, start, end, BEAT))
                .isLessThan(dynamics.velocityAt(start, MetricPosition.BEAT, start, end, BEAT) - 5);
    }

    @Test
    void aPartSwellsTowardsItsMiddleAndKeepsThePlayersLevelOnAverage() {
        PlayerDynamics dynamics = eighths(new int[] {70, 70, 70, 70, 70, 70, 70, 70});
        long start = 8 * EIGHTH;
        long end = start + 8 * BEAT;
        double accent = dynamics.accent(MetricPosition.BEAT);
        assertThat(dynamics.slopePerSecond()).isZero();

        assertThat(dynamics.velocityAt(start, MetricPosition.BEAT, start, end, BEAT)).isCloseTo(70 + accent - PlayerDynamics.ARCH, within(1e-9));
        assertThat(dynamics.velocityAt(start + 4 * BEAT, MetricPosition.BEAT, start, end, BEAT)).isCloseTo(70 + accent + PlayerDynamics.ARCH, within(1e-9));
        assertThat(dynamics.velocityAt(end, MetricPosition.BEAT, start, end, BEAT)).isCloseTo(70 + accent - PlayerDynamics.ARCH, within(1e-9));
        double sum = 0;
        for (int i = 0; i < 16; i++) sum += dynamics.velocityAt(start + i * BEAT / 2, MetricPosition.BEAT, start, end, BEAT);
        assertThat(sum / 16).as("the mean of a part's evenly spaced notes").isCloseTo(70 + accent, within(1e-9));
        // a part without end (a jam) has no middle: no arch
        assertThat(dynamics.velocityAt(start, MetricPosition.BEAT, start, Long.MAX_VALUE, BEAT)).isCloseTo(70 + accent, within(1e-9));
    }

    @Test
    void aLevelPassagesScatterIsNoContour() {
        PlayerDynamics dynamics = eighths(new int[] {70, 76, 66, 73, 69, 75, 67, 72});
        assertThat(dynamics.slopePerSecond()).isZero();
    }

    @Test
    void accentsFollowThePlayersMetricPositions() {
        // loud on the beats, soft off them
        int[] onBeats = new int[24];
        for (int i = 0; i < onBeats.length; i++) onBeats[i] = i % 2 == 0 ? 100 : 60;
        PlayerDynamics strong = eighths(onBeats);
        assertThat(strong.accent(MetricPosition.BEAT) - strong.accent(MetricPosition.EIGHTH)).isGreaterThan(20);

        // the off-beats accented: the pattern follows the player, not the convention
        int[] offBeats = new int[24];
        for (int i = 0; i < offBeats.length; i++) offBeats[i] = i % 2 == 1 ? 100 : 60;
        PlayerDynamics reversed = eighths(offBeats);
        assertThat(reversed.accent(MetricPosition.EIGHTH)).isGreaterThan(reversed.accent(MetricPosition.BEAT) + 15);
        assertThat(Math.abs(reversed.accent(MetricPosition.EIGHTH))).isLessThanOrEqualTo(PlayerDynamics.MAX_ACCENT);
    }

    @Test
    void whenTheBeatsAreRenumberedTheAccentsCountWhereTheNotesNowLie() {
        // loud on the grid's off-beats, then the beat's phase is decided again half a beat later: they were the beats
        int[] offBeats = new int[24];
        for (int i = 0; i < offBeats.length; i++) offBeats[i] = i % 2 == 1 ? 100 : 60;
        PlayerDynamics dynamics = eighths(offBeats);
        assertThat(dynamics.accent(MetricPosition.EIGHTH)).isGreaterThan(dynamics.accent(MetricPosition.BEAT) + 15);
        dynamics.gridMoved(12);
        assertThat(dynamics.accent(MetricPosition.BEAT) - dynamics.accent(MetricPosition.EIGHTH)).isGreaterThan(15);

        // loud on every fourth beat but the grid's bar lines, then the bar lines moved a beat on: those are the bar's
        PlayerDynamics bars = new PlayerDynamics();
        for (int i = 0; i < 16; i++) bars.hear(i * BEAT, i * 24.0, i % 4 == 1 ? 100 : 70, 4, BEAT);
        assertThat(bars.accent(MetricPosition.BAR)).isLessThan(bars.accent(MetricPosition.BEAT));
        bars.gridMoved(24);
        assertThat(bars.accent(MetricPosition.BAR) - bars.accent(MetricPosition.BEAT)).isGreaterThan(10);
    }

    @Test
    void withoutAPatternOfTheirOwnTheAccentsAreTheConventionalOnes() {
        PlayerDynamics dynamics = eighths(new int[] {70, 70});
        assertThat(dynamics.accent(MetricPosition.BAR)).isGreaterThan(dynamics.accent(MetricPosition.BEAT));
        assertThat(dynamics.accent(MetricPosition.BEAT)).isGreaterThan(dynamics.accent(MetricPosition.EIGHTH));
        assertThat(dynamics.accent(MetricPosition.EIGHTH)).isGreaterThan(dynamics.accent(MetricPosition.SIXTEENTH));
    }

    @Test
    void metricPositionsAreReadFromTheGrid() {
        assertThat(MetricPosition.of(0, 4)).isEqualTo(MetricPosition.BAR);
        assertThat(MetricPosition.of(96, 4)).isEqualTo(MetricPosition.BAR);
        assertThat(MetricPosition.of(72, 3)).isEqualTo(MetricPosition.BAR);
        assertThat(MetricPosition.of(24.9, 4)).isEqualTo(MetricPosition.BEAT);
        assertThat(MetricPosition.of(11.0, 4)).isEqualTo(MetricPosition.EIGHTH);
        assertThat(MetricPosition.of(18, 4)).isEqualTo(MetricPosition.SIXTEENTH);
        assertThat(MetricPosition.of(8, 4)).isEqualTo(MetricPosition.OFF_GRID); // a triplet
        assertThat(MetricPosition.of(-24, 4)).isEqualTo(MetricPosition.BEAT);
    }
}
