package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.TinyPerformers;
import org.junit.jupiter.api.Test;

/** The groove evaluation, small and seeded: a synthetic folk-like melody performed with jitter, drift and rubato. */
class GrooveEvaluationTest {

    /** Four bars of 4/4 in eighths and quarters, a dotted figure, ending on a half note. */
    private static final double[][] MELODY = melody(new double[] {
            0, 1, 1.5, 2, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8, 9, 9.5, 10, 10.75, 11, 11.5, 12, 13, 14});

    /** Steady performances: no drift, no rubato, rests placed as by default, Gaussian jitter of {@code jitterMs}. */
    private static GrooveOptions steady(double[] tempos, double jitterMs, long seed) {
        return new GrooveOptions(tempos, 0, 0, true, Double.NaN, jitterMs, JitterShape.GAUSSIAN, Accents.DOWNBEATS, seed);
    }

    private static double[][] melody(double[] onsets) {
        double[][] rows = new double[onsets.length][];
        int[] pitches = {67, 69, 71, 72, 74, 72, 71, 69};
        for (int i = 0; i < onsets.length; i++) {
            double next = i + 1 < onsets.length ? onsets[i + 1] : onsets[i] + 2;
            rows[i] = new double[] {onsets[i], next - onsets[i], pitches[i % pitches.length]};
        }
        return rows;
    }

    @Test
    void aSteadyPlayerIsFollowedAndAnsweredOnTheBeatAfterThePhrase() {
        GrooveResult result = GrooveEvaluation.run(TinyPerformers.kernel(), new PerformerParameters(), List.<double[][]>of(MELODY),
                steady(new double[] {72, 96, 140}, 0, 5L));

        assertThat(result.cases()).hasSize(3);
        for (GrooveResult.Case c : result.cases()) {
            String name = c.bpm() + " BPM";
            assertThat(c.beatFound()).as(name + ": beat found").isTrue();
            assertThat(c.octaveError()).as(name + ": half or double tempo").isFalse();
            assertThat(c.tempoError8()).as(name + ": tempo error after 8 beats").isLessThan(0.06);
            assertThat(c.phaseErrorMs()).as(name + ": beat phase error, ms").isLessThan(30);
            assertThat(c.answers()).as(name + ": answered").isPositive();
            assertThat(c.answeredInside()).as(name + ": the player interrupted").isFalse();
            assertThat(c.entranceErrorMs()).as(name + ": entrance error, ms").isLessThan(40);
            assertThat(c.onSixteenthShare()).as(name + ": answer onsets on the player's sixteenths").isGreaterThanOrEqualTo(0.85);
            assertThat(c.lineOnSixteenthShare()).as(name + ": on them by the straight tempo through the call").isGreaterThanOrEqualTo(0.85);
            assertThat(c.hangingNotes()).as(name + ": hanging notes").isZero();
        }
        assertThat(result.cases()).extracting(GrooveResult.Case::restBeats).containsExactly(0, 1, 2);
        Map<String, Object> map = result.toMap();
        assertThat(map.keySet()).containsExactlyElementsOf(GrooveResult.KEYS.keySet());
        assertThat(map.get("half_or_double_tempo")).isEqualTo(0L);
        assertThat(map.get("answered_inside_phrase")).isEqualTo(0L);
        assertThat(map.get("hanging_notes")).isEqualTo(0);
    }

    /** A slow opening: a whole note, a dotted half, then quarters, a dotted half and a quarter. */
    private static final double[][] SLOW_OPENING = melody(new double[] {0, 4, 7, 8, 9, 10, 11, 12, 15});

    @Test
    void aSlowOpeningWithARestOfTwoBeatsAt72BpmIsAnsweredAfterThePhrase() {
        // the tempo order puts the two-beat rest (after the quarter on beat 8) at 72 BPM: four onsets cannot settle the
        // beat there, and the rest, over two beats of the prior's 120 BPM, ended the phrase inside it
        for (long seed = 1; seed <= 6; seed++) {
            GrooveResult result = GrooveEvaluation.run(TinyPerformers.kernel(), new PerformerParameters(),
                    List.<double[][]>of(SLOW_OPENING), steady(new double[] {96, 140, 72}, 12, seed));
            for (GrooveResult.Case c : result.cases()) {
                assertThat(c.answeredInside()).as(c.bpm() + " BPM, rest " + c.restBeats() + ", seed " + seed + ": the player interrupted").isFalse();
            }
        }
    }

    /** A pickup, then 4/4 in quarters and eighths. */
    private static final double[][] PICKUP = melody(new double[] {3, 4, 5, 6, 7, 8, 9, 9.5, 10, 11, 12, 13, 13.5, 14, 15});

    @Test
    void aRestRightAfterThePickupAndTheDownbeatIsWaitedFor() {
        // the rest after the first note on beat 4 or later: two onsets heard, no beat found yet, and the rest of two
        // beats at 72 BPM, counted in the prior's beats (120 BPM), ended the phrase inside it
        for (long seed = 1; seed <= 6; seed++) {
            GrooveResult result = GrooveEvaluation.run(TinyPerformers.kernel(), new PerformerParameters(),
                    List.<double[][]>of(PICKUP), new GrooveOptions(new double[] {96, 140, 72}, 0, 0, true, 4, 12, JitterShape.GAUSSIAN, Accents.DOWNBEATS, seed));
            for (GrooveResult.Case c : result.cases()) {
                assertThat(c.answeredInside()).as(c.bpm() + " BPM, rest " + c.restBeats() + ", seed " + seed + ": the player interrupted").isFalse();
                assertThat(c.answers()).as(c.bpm() + " BPM, seed " + seed + ": answers begun, one after the call").isOne();
            }
        }
        assertThat(TestMelodies.withRest(PICKUP, 2, 4)[2][0]).as("the rest comes after the downbeat").isEqualTo(7);
        assertThat(TestMelodies.withRest(PICKUP, 2)[5][0]).as("by default after the middle note on beats 4..10").isEqualTo(10);
    }

    @Test
    void aDriftingBreathingPlayerIsFollowed() {
        GrooveResult result = GrooveEvaluation.run(TinyPerformers.kernel(), new PerformerParameters(), List.<double[][]>of(MELODY),
                new GrooveOptions(new double[] {80, 110, 160}, 0.1, 0.04, true, Double.NaN, 0, JitterShape.GAUSSIAN, Accents.DOWNBEATS, 7L));
        for (GrooveResult.Case c : result.cases()) {
            String name = c.bpm() + " BPM, drift " + c.drift();
            assertThat(c.octaveError()).as(name + ": half or double tempo").isFalse();
            assertThat(c.tempoRatioAtEnd()).as(name + ": tempo at the call's end").isCloseTo(1, org.assertj.core.data.Offset.offset(0.08));
            assertThat(c.answeredInside()).as(name + ": the player interrupted").isFalse();
        }
    }

    @Test
    void thePerformanceKeepsItsTrueGrid() {
        HumanPerformance p = HumanPerformance.of(MELODY, 100, 1.1, 0.03, 0, JitterShape.GAUSSIAN, 60, 100, true, Accents.DOWNBEATS, 3L);
        assertThat(p.beatNanos(0)).isEqualTo(HumanPerformance.START_NANOS);
        assertThat(p.gridErrorMs(p.beatNanos(5.25), 4)).isLessThan(0.01);
        assertThat(p.beatAt(p.beatNanos(7.5))).isCloseTo(7.5, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.velocities()[p.velocities().length - 1]).isGreaterThan(p.velocities()[0]);
        assertThat(p.events()[0][0]).as("no jitter: the first note on time").isEqualTo(HumanPerformance.START_NANOS);
        assertThat(p.onsetNanos()).hasSize(MELODY.length);
        assertThat(p.onsetNanos()[5]).isEqualTo(p.beatNanos(MELODY[5][0]));
    }

    @Test
    void uniformJitterStaysWithinItsBoundAndGaussianJitterOfThatSizeDoesNot() {
        double[][] eighths = melody(java.util.stream.IntStream.range(0, 200).mapToDouble(i -> i * 0.5).toArray());
        HumanPerformance uniform = HumanPerformance.of(eighths, 96, 1, 0, 12, JitterShape.UNIFORM, 60, 100, true, Accents.DOWNBEATS, 11L);
        HumanPerformance gaussian = HumanPerformance.of(eighths, 96, 1, 0, 12, JitterShape.GAUSSIAN, 60, 100, true, Accents.DOWNBEATS, 11L);
        double uniformFurthest = 0;
        double gaussianFurthest = 0;
        for (int i = 0; i < eighths.length; i++) {
            uniformFurthest = Math.max(uniformFurthest, Math.abs(uniform.onsetNanos()[i] - uniform.beatNanos(eighths[i][0])) / 1e6);
            gaussianFurthest = Math.max(gaussianFurthest, Math.abs(gaussian.onsetNanos()[i] - gaussian.beatNanos(eighths[i][0])) / 1e6);
        }
        assertThat(uniformFurthest).as("uniform within ±12 ms").isLessThanOrEqualTo(12.001).isGreaterThan(10);
        assertThat(gaussianFurthest).as("Gaussian, sd 12 ms, over 200 onsets").isGreaterThan(24);
    }

    @Test
    void withExactTimingTheStraightTempoPutsEveryAnswerOnsetOnTheGrid() {
        GrooveResult result = GrooveEvaluation.run(TinyPerformers.kernel(), new PerformerParameters(), List.<double[][]>of(MELODY),
                steady(new double[] {72, 140}, 0.01, 5L));
        for (GrooveResult.Case c : result.cases()) {
            assertThat(c.answerNotes()).as(c.bpm() + " BPM: answered").isPositive();
            assertThat(c.lineOnSixteenthShare()).as(c.bpm() + " BPM: the line through exact onsets is the grid").isEqualTo(1);
        }
    }

    @Test
    void theStraightTempoThroughTheCallIsTheLeastSquaresLine() {
        TempoLine line = TempoLine.fit(new double[] {0, 1, 2, 3}, new long[] {1_000, 2_010, 2_990, 4_000});
        assertThat(line.nanosPerBeat()).isCloseTo(998, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(line.nanosAt(1.5)).isEqualTo(2_500);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TempoLine.fit(new double[] {2, 2}, new long[] {1, 5}))
                .hasMessage("a tempo needs onsets on two beats at least");
    }
}
