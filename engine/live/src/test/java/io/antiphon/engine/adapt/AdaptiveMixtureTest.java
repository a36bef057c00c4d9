package io.antiphon.engine.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class AdaptiveMixtureTest {

    /** A model that knows nothing: every token equally likely. */
    private static float[] uniform() {
        float[] p = new float[Vocabulary.SIZE];
        Arrays.fill(p, 1f / Vocabulary.SIZE);
        return p;
    }

    private static double logLoss(float[] p, int token) {
        return -Math.log(p[token]);
    }

    @Test
    void aRepeatedPhraseShiftsTheWeightToTheMemoryAndLowersTheLoss() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        int[] phrase = {10, 180, 98, 12, 180, 100, 14, 191, 102, 10, 180, 98};
        double firstPass = 0;
        double secondPass = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int token : phrase) {
                double loss = logLoss(mixture.mix(model, 1), token);
                if (pass == 0) firstPass += loss;
                else secondPass += loss;
                mixture.observe(token, model, 1f);
            }
        }

        assertThat(mixture.memoryWeight()).isGreaterThan(0.9);
        assertThat(secondPass).isLessThan(0.5 * firstPass);
    }

    @Test
    void adaptZeroIsTheModelAlone() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        model[5] = 0.5f;
        for (int i = 0; i < 30; i++) mixture.observe(7, model, 1f);

        assertThat(mixture.mix(model, 0)).containsExactly(model);
        assertThat(mixture.mix(model, 1)[7]).isGreaterThan(0.5f);
    }

    @Test
    void whenTheMemoryPredictsBadlyTheModelTakesOverWithinAFewTokens() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        for (int i = 0; i < 40; i++) mixture.observe(i % 2 == 0 ? 3 : 4, model, 1f);
        assertThat(mixture.memoryWeight()).isGreaterThan(0.9);
        float[] sure = new float[Vocabulary.SIZE];
        Arrays.fill(sure, 0.0001f);
        sure[50] = 1f - 0.0001f * (Vocabulary.SIZE - 1);
        for (int i = 0; i < 6; i++) mixture.observe(50, sure, 1f);

        assertThat(mixture.memoryWeight()).isLessThan(0.1).isGreaterThanOrEqualTo(AdaptiveMixture.SHARE / 2);
    }

    @Test
    void theMixedDistributionSumsToOne() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        for (int i = 0; i < 20; i++) mixture.observe(i % 3, model, 1f);
        double sum = 0;
        for (float v : mixture.mix(model, 0.7)) sum += v;

        assertThat(sum).isCloseTo(1, offset(1e-4));
    }

    @Test
    void restoreUndoesWhatWasObservedSinceSave() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        for (int i = 0; i < 10; i++) mixture.observe(i % 4, model, 1f);
        float[] before = mixture.mix(model, 1).clone();
        double weight = mixture.memoryWeight();
        mixture.save();
        for (int i = 0; i < 5; i++) mixture.observe(200, model, 0.25f);
        mixture.restore();

        assertThat(mixture.memoryWeight()).isEqualTo(weight);
        assertThat(mixture.mix(model, 1)).containsExactly(before);
    }

    @Test
    void theMachinesOwnTokensLeaveTheWeightsAlone() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        for (int i = 0; i < 12; i++) mixture.observe(i % 3, model, 1f);
        double weight = mixture.memoryWeight();

        // the machine restating the player's pattern: the memory predicts every token, yet the weight stays
        for (int i = 0; i < 30; i++) mixture.observe(i % 3, model, 0.25f);

        assertThat(mixture.memoryWeight()).isEqualTo(weight);
        assertThat(mixture.memorySize()).isEqualTo(42);
    }

    @Test
    void clearForgetsTheSession() {
        AdaptiveMixture mixture = new AdaptiveMixture();
        float[] model = uniform();
        for (int i = 0; i < 30; i++) mixture.observe(i % 2, model, 1f);
        mixture.clear();

        assertThat(mixture.memorySize()).isZero();
        assertThat(mixture.memoryWeight()).isCloseTo(0.5, offset(1e-9));
        assertThat(mixture.mix(model, 1)[0]).isCloseTo(1f / Vocabulary.SIZE, offset(1e-6f));
    }
}
