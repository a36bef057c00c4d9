package io.antiphon.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class MetricsAccumulatorTest {

    private static final int V = Vocabulary.SIZE;

    /** A distribution with the given (token, probability) pairs and the rest spread evenly. */
    private static float[] distribution(int[] tokens, double[] probabilities) {
        float[] result = new float[V];
        double rest = 1;
        for (double p : probabilities) rest -= p;
        java.util.Arrays.fill(result, (float) (rest / (V - tokens.length)));
        for (int i = 0; i < tokens.length; i++) result[tokens[i]] = (float) probabilities[i];
        return result;
    }

    @Test
    void handComputedNllAccuracyAndPitchAccuracy() {
        int c4 = Vocabulary.noteOn(60);
        int d4 = Vocabulary.noteOn(62);
        int e4 = Vocabulary.noteOn(64);
        int f4 = Vocabulary.noteOn(65);
        int shift = Vocabulary.timeShift(6);
        MetricsAccumulator accumulator = new MetricsAccumulator();
        // Target NOTE_ON(60) is the most probable token: right on both counts.
        accumulator.add(distribution(new int[] {c4}, new double[] {0.5}), c4);
        // A time shift is the most probable token, but among the note-ons NOTE_ON(62) leads: pitch right only.
        accumulator.add(distribution(new int[] {d4, shift}, new double[] {0.25, 0.5}), d4);
        // A NOTE_OFF target counts for accuracy (wrong here) but not for pitch accuracy.
        accumulator.add(distribution(new int[] {Vocabulary.noteOff(60), shift}, new double[] {0.125, 0.5}),
                Vocabulary.noteOff(60));
        // NOTE_ON(65) beats the target NOTE_ON(64): wrong on both counts.
        accumulator.add(distribution(new int[] {e4, f4}, new double[] {0.1, 0.3}), e4);

        EvaluationMetrics metrics = accumulator.metrics();
        assertThat(metrics.tokens()).isEqualTo(4);
        assertThat(metrics.noteOnTokens()).isEqualTo(3);
        assertThat(metrics.nll()).isCloseTo((Math.log(2) + Math.log(4) + Math.log(8) + Math.log(10)) / 4, within(1e-6));
        assertThat(metrics.accuracy()).isEqualTo(0.25);
        assertThat(metrics.pitchAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(accumulator.tokens()).isEqualTo(4);
    }

    @Test
    void tiesGoToTheLowestToken() {
        float[] uniform = new float[V];
        java.util.Arrays.fill(uniform, 1f / V);
        MetricsAccumulator accumulator = new MetricsAccumulator();
        accumulator.add(uniform, Vocabulary.NOTE_ON_BASE);
        accumulator.add(uniform, Vocabulary.NOTE_ON_BASE + 1);
        EvaluationMetrics metrics = accumulator.metrics();
        assertThat(metrics.accuracy()).isEqualTo(0.5);
        assertThat(metrics.pitchAccuracy()).isEqualTo(0.5);
        assertThat(metrics.nll()).isCloseTo(Math.log(V), within(1e-6));
    }

    @Test
    void noPredictionsGiveNaNRatesAndZeroCounts() {
        EvaluationMetrics metrics = new MetricsAccumulator().metrics();
        assertThat(metrics.nll()).isNaN();
        assertThat(metrics.accuracy()).isNaN();
        assertThat(metrics.pitchAccuracy()).isNaN();
        assertThat(metrics.tokens()).isZero();
        assertThat(metrics.noteOnTokens()).isZero();
    }

    @Test
    void noNoteOnTargetsLeavePitchAccuracyUndefined() {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        accumulator.add(distribution(new int[] {200}, new double[] {0.5}), 200);
        assertThat(accumulator.metrics().accuracy()).isEqualTo(1.0);
        assertThat(accumulator.metrics().pitchAccuracy()).isNaN();
    }

    @Test
    void aZeroProbabilityTargetMakesTheNllInfinite() {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        accumulator.add(distribution(new int[] {3, 4}, new double[] {0.0, 1.0}), 3);
        assertThat(accumulator.metrics().nll()).isInfinite();
    }

    @Test
    void malformedInputIsRejected() {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        assertThatThrownBy(() -> accumulator.add(new float[239], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distribution has length 239, expected 240");
        assertThatThrownBy(() -> accumulator.add(new float[V], 240))
                .hasMessage("target token 240 outside the vocabulary 0..239");
        float[] withNaN = new float[V];
        withNaN[Vocabulary.noteOn(60)] = Float.NaN;
        assertThatThrownBy(() -> accumulator.add(withNaN, Vocabulary.noteOn(60)))
                .hasMessage("probability of target NOTE_ON(60) is NaN");
        assertThat(accumulator.tokens()).isZero();
    }
}
