package io.antiphon.engine.study;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.RollNetworkFactory;
import io.antiphon.engine.roll.RollPiece;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollStudyTest {

    private static final RollStepModel MODEL = StepModels.createRoll(
            RollNetworkFactory.build(NetworkSpec.defaults(RollPiece.KEYS).withShape(1, 16).withSeed(5), 0.0, 0.0), StepEngine.KERNEL);
    private static final QuarterChorale CHORALE = new QuarterChorale("x", new int[][]{
            {48, 55, 64, 72}, {48, 55, 64, 72}, {47, 55, 65, 74}, {}, {48, 55, 64, 74}, {48, 60, 67, 76}});

    @Test
    void theMostProbablePitchAboveTheFloorOtherThanTheExcludedOne() {
        float[] p = {0.1f, 0.9f, 0.8f, 0.2f, 0.7f, 0.6f};   // pitches 60..65

        assertThat(NextPitchCandidates.mostProbable(p, 0, 6, 60, -1, -1)).isEqualTo(61);
        assertThat(NextPitchCandidates.mostProbable(p, 0, 6, 60, -1, 61)).isEqualTo(62);
        assertThat(NextPitchCandidates.mostProbable(p, 0, 6, 60, 62, -1)).isEqualTo(64);
        assertThat(NextPitchCandidates.mostProbable(p, 2, 4, 62, 62, 64)).isEqualTo(65);
        assertThat(NextPitchCandidates.mostProbable(p, 0, 6, 60, 65, -1)).as("nothing above the floor: any pitch").isEqualTo(61);
    }

    @Test
    void scoresTheSameSopranoNotesAsTheEventMeasure() {
        for (NextPitchContext context : NextPitchContext.values()) {
            NextPitchScore score = RollNextPitch.score(MODEL, List.of(CHORALE), context);

            assertThat(score.predictions()).as(context.name()).isEqualTo(3);
            assertThat(score.meanAbsoluteDistance()).isFinite();
        }
    }

    @Test
    void temperatureSharpensOrFlattensEachKeyAroundOneHalf() {
        assertThat(RollTemperatureStudy.tempered(0.5, 0.3)).isCloseTo(0.5, within(1e-12));
        assertThat(RollTemperatureStudy.tempered(0.8, 0.5)).isGreaterThan(0.8);
        assertThat(RollTemperatureStudy.tempered(0.8, 2.0)).isLessThan(0.8).isGreaterThan(0.5);
        assertThat(RollTemperatureStudy.tempered(0.8, 1.0)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void onsetsAreKeysThatStartSounding() {
        boolean[][] roll = CHORALE.roll(false);
        // frame 1 repeats frame 0; frame 2 brings 74, 65, 47
        int[] onsets = RollTemperatureStudy.onsetPitches(java.util.Arrays.copyOf(roll, 3));

        assertThat(onsets).containsExactly(47, 65, 74);
    }

    @Test
    void theSameSeedGeneratesTheSameRoll() {
        boolean[][] first = RollTemperatureStudy.generate(MODEL, CHORALE.roll(false), 20, 1.0, new SplittableRandom(4));
        boolean[][] second = RollTemperatureStudy.generate(MODEL, CHORALE.roll(false), 20, 1.0, new SplittableRandom(4));
        assertThat(first).hasNumberOfRows(21).isDeepEqualTo(second);

        Map<String, GenerationStatistics> result = RollTemperatureStudy.run(MODEL, List.of(CHORALE), new double[]{1.0}, 2, 20, 4);
        assertThat(result).containsOnlyKeys("held-out music", "temperature 1.0");
    }
}
