package io.antiphon.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.antiphon.engine.token.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarkovBaselineTest {

    private static final int V = Vocabulary.SIZE;

    /**
     * A one-voice phrase 60-62-64-62 as tokens. After SHIFT the key to release needs 2 tokens of context; after
     * NOTE_OFF(62) the next key needs 4.
     */
    private static final int[] PHRASE = phrase();

    private static int[] phrase() {
        int shift = Vocabulary.timeShift(12);
        List<Integer> tokens = new ArrayList<>();
        for (int pitch : new int[] {60, 62, 64, 62}) {
            tokens.add(Vocabulary.noteOn(pitch));
            tokens.add(shift);
            tokens.add(Vocabulary.noteOff(pitch));
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] repeat(int[] pattern, int offset, int length) {
        int[] result = new int[length];
        for (int i = 0; i < length; i++) result[i] = pattern[(offset + i) % pattern.length];
        return result;
    }

    private static int[] uniformTokens(SplittableRandom random, int length) {
        int[] result = new int[length];
        for (int i = 0; i < length; i++) result[i] = random.nextInt(V);
        return result;
    }

    // Hand computation for the corpus [0, 1, 0, 1, 0, 2], order 1.
    // Order 0, raw counts 0:3 1:2 2:1 -> n1 = n2 = n3 = 1, n4 = 0, Y = 1/3, D1 = 1/3, D2 = 1, D3 = 3 (not < 3) -> 0.5.
    // Order 0, continuation counts 0:2 (start, 1) 1:1 2:1 -> n1 = 2, n2 = 1, Y = 1/2, D1 = 1/2, D2 = 2 -> 0.5.
    // Order 1, raw counts [0]: 1:2 2:1, [1]: 0:2 -> n1 = 1, n2 = 2, Y = 1/5, D1 = 1/5, D2 = 2 -> 0.5, D3 -> 0.5.
    private static final List<int[]> HAND = List.of(new int[] {0, 1, 0, 1, 0, 2});
    private static final double U = 1.0 / V;
    // Order 0 by continuation counts (A = 4, gamma = 0.5 + 0.5 + 0.5).
    private static final double C0 = 1.5 / 4 + 1.5 / 4 * U;
    private static final double C1 = 0.5 / 4 + 1.5 / 4 * U;
    private static final double C2 = 0.5 / 4 + 1.5 / 4 * U;
    private static final double C_OTHER = 1.5 / 4 * U;

    @Test
    void blendsTheOrderOneCountsWithTheContinuationUnigramAndTheUniform() {
        MarkovBaseline model = MarkovBaseline.train(HAND, 1);
        float[] p = model.distribution(new int[] {0}, 1, new float[V]);
        // Context [0]: 1:2 (D 0.5) 2:1 (D 0.2), A = 3, gamma = 0.7.
        assertThat((double) p[1]).isCloseTo(1.5 / 3 + 0.7 / 3 * C1, within(1e-7));
        assertThat((double) p[2]).isCloseTo(0.8 / 3 + 0.7 / 3 * C2, within(1e-7));
        assertThat((double) p[0]).isCloseTo(0.7 / 3 * C0, within(1e-7));
        assertThat((double) p[100]).isCloseTo(0.7 / 3 * C_OTHER, within(1e-9));

        float[] afterOne = model.distribution(new int[] {0, 1}, 2, new float[V]);
        // Context [1]: 0:2 (D 0.5), A = 2, gamma = 0.5.
        assertThat((double) afterOne[0]).isCloseTo(1.5 / 2 + 0.5 / 2 * C0, within(1e-7));
        assertThat((double) afterOne[1]).isCloseTo(0.5 / 2 * C1, within(1e-7));
    }

    @Test
    void anUnknownContextFallsBackToTheContinuationUnigram() {
        MarkovBaseline model = MarkovBaseline.train(HAND, 1);
        float[] p = model.distribution(new int[] {0, 1, 150}, 3, new float[V]);
        assertThat((double) p[0]).isCloseTo(C0, within(1e-7));
        assertThat((double) p[1]).isCloseTo(C1, within(1e-7));
        assertThat((double) p[2]).isCloseTo(C2, within(1e-7));
        assertThat((double) p[150]).isCloseTo(C_OTHER, within(1e-9));
    }

    @Test
    void anEmptyHistoryGetsTheRawCountUnigram() {
        MarkovBaseline model = MarkovBaseline.train(HAND, 1);
        float[] p = model.distribution(new int[0], 0, new float[V]);
        // Raw counts 0:3 (D 0.5) 1:2 (D 1) 2:1 (D 1/3), A = 6, gamma = 11/6.
        double gamma = 0.5 + 1 + 1.0 / 3;
        assertThat((double) p[0]).isCloseTo(2.5 / 6 + gamma / 6 * U, within(1e-7));
        assertThat((double) p[1]).isCloseTo(1.0 / 6 + gamma / 6 * U, within(1e-7));
        assertThat((double) p[2]).isCloseTo((2.0 / 3) / 6 + gamma / 6 * U, within(1e-7));
        assertThat((double) p[239]).isCloseTo(gamma / 6 * U, within(1e-9));
    }

    @Test
    void withMaxOrderZeroEveryHistoryGetsTheRawCountUnigram() {
        MarkovBaseline unigram = MarkovBaseline.train(HAND, 0);
        float[] empty = unigram.distribution(new int[0], 0, new float[V]);
        float[] afterTokens = unigram.distribution(new int[] {1, 0}, 2, new float[V]);
        assertThat(afterTokens).containsExactly(empty);
        assertThat((double) empty[0]).isCloseTo(2.5 / 6 + (0.5 + 1 + 1.0 / 3) / 6 * U, within(1e-7));
    }

    @Test
    void everyDistributionIsStrictlyPositiveAndSumsToOne() {
        SplittableRandom random = new SplittableRandom(7);
        List<int[]> train = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            int[] sequence = repeat(PHRASE, s, 200);
            for (int i = 0; i < sequence.length; i++) {
                if (random.nextInt(10) == 0) sequence[i] = random.nextInt(Vocabulary.TIME_SHIFT_BASE);
            }
            train.add(sequence);
        }
        MarkovBaseline model = MarkovBaseline.train(train);
        List<int[]> heldOut = List.of(repeat(PHRASE, 3, 120), uniformTokens(random, 300), new int[] {239, 238, 237});
        for (int[] sequence : heldOut) {
            for (float[] row : model.predict(sequence)) assertIsDistribution(row);
        }
        assertIsDistribution(model.distribution(new int[0], 0, new float[V]));
    }

    private static void assertIsDistribution(float[] row) {
        assertThat(row).hasSize(V);
        double sum = 0;
        for (float p : row) {
            assertThat(p).isPositive();
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aPeriodicSequenceIsPredictedAlmostSurelyOnceItsContextIsEstablished() {
        MarkovBaseline model = MarkovBaseline.train(List.of(repeat(PHRASE, 0, 600)));
        int[] heldOut = repeat(PHRASE, 5, 240);
        float[][] rows = model.predict(heldOut);
        MetricsAccumulator established = new MetricsAccumulator();
        for (int t = MarkovBaseline.DEFAULT_MAX_ORDER - 1; t + 1 < heldOut.length; t++) {
            established.add(rows[t], heldOut[t + 1]);
        }
        EvaluationMetrics metrics = established.metrics();
        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.pitchAccuracy()).isEqualTo(1.0);
        assertThat(metrics.nll()).isLessThan(0.02);
    }

    @Test
    void onUniformRandomTokensTheNllStaysNearLog240() {
        SplittableRandom random = new SplittableRandom(11);
        List<int[]> train = new ArrayList<>();
        for (int s = 0; s < 20; s++) train.add(uniformTokens(random, 10_000));
        MarkovBaseline model = MarkovBaseline.train(train);
        List<int[]> heldOut = List.of(uniformTokens(random, 10_000), uniformTokens(random, 10_000));
        assertThat(EvaluationMetrics.evaluate(model, heldOut).nll()).isCloseTo(Math.log(V), within(0.1));
    }

    @Test
    void predictRowTIsTheDistributionAfterTokensZeroToT() {
        MarkovBaseline model = MarkovBaseline.train(List.of(repeat(PHRASE, 0, 100), new int[] {5, 6, 7}), 3);
        int[] sequence = {Vocabulary.noteOn(62), 5, 6, Vocabulary.noteOn(60), 200};
        float[][] rows = model.predict(sequence);
        assertThat(rows).hasNumberOfRows(sequence.length);
        for (int t = 0; t < sequence.length; t++) {
            assertThat(rows[t]).containsExactly(model.distribution(sequence, t + 1, new float[V]));
        }
        assertThat(model.predict(new int[0])).isEmpty();
    }

    @Test
    void trainingIsDeterministic() {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> train = List.of(uniformTokens(random, 5_000), repeat(PHRASE, 1, 500));
        int[] probe = uniformTokens(random, 50);
        assertThat(MarkovBaseline.train(train).predict(probe)).isDeepEqualTo(MarkovBaseline.train(train).predict(probe));
    }

    @Test
    void nameAndOrderSayWhatTheModelIs() {
        MarkovBaseline model = MarkovBaseline.train(HAND, 5);
        assertThat(model.name()).isEqualTo("markov-kn-order-5");
        assertThat(model.maxOrder()).isEqualTo(5);
        assertThat(MarkovBaseline.train(HAND).maxOrder()).isEqualTo(8);
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        MarkovBaseline model = MarkovBaseline.train(HAND, 2);
        assertThatThrownBy(() -> model.predict(new int[] {0, 240}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence position 1: token 240 outside the vocabulary 0..239");
        assertThatThrownBy(() -> model.distribution(new int[] {-3}, 1, new float[V]))
                .hasMessage("history position 0: token -3 outside the vocabulary 0..239");
        assertThatThrownBy(() -> model.distribution(new int[] {1}, 2, new float[V]))
                .hasMessage("history length 2 outside 0..1");
        assertThatThrownBy(() -> model.distribution(new int[] {1}, 1, new float[10]))
                .hasMessage("output array has length 10, expected 240");
        assertThatThrownBy(() -> MarkovBaseline.train(HAND, 65))
                .hasMessage("max order out of range 0..64: 65");
    }
}
