package io.antiphon.engine.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.PackedWeights;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.engine.weights.Dl4jWeights;
import io.antiphon.engine.weights.TestNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * The slow memory's learner on a tiny network: fine-tuning on a repeated motif lowers the model's NLL on it, the
 * weights it hands over are what the kernel then plays, and forgetting returns to the trained weights.
 */
class SessionFineTunerTest {

    private final MultiLayerNetwork trained = TestNetworks.perturbed(1, 16, 5L);
    private final LstmStepKernel kernel = LstmStepKernel.of(Dl4jWeights.read(trained));
    private final TuningBudget budget = new TuningBudget(4, 256, 1.0, 1.0, 0.0);

    /** A motif (C E G E, each an eighth) played {@code times} times. */
    private static int[] motif(int times) {
        int[] pitches = {60, 64, 67, 64};
        int[] tokens = new int[times * pitches.length * 3];
        int i = 0;
        for (int r = 0; r < times; r++) {
            for (int pitch : pitches) {
                tokens[i++] = Vocabulary.noteOn(pitch);
                tokens[i++] = Vocabulary.timeShift(12);
                tokens[i++] = Vocabulary.noteOff(pitch);
            }
        }
        return tokens;
    }

    /** Mean −ln p per predicted token of {@code tokens} stepped through {@code model} from a fresh state. */
    private static double kernelNll(LstmStepKernel model, int[] tokens) {
        model.reset();
        float[] p = new float[Vocabulary.SIZE];
        double sum = 0;
        for (int t = 0; t + 1 < tokens.length; t++) {
            model.step(tokens[t], p);
            sum -= Math.log(Math.max(p[tokens[t + 1]], 1e-30f));
        }
        return sum / (tokens.length - 1);
    }

    private void playPhrase(SessionFineTuner learner, int[] tokens) {
        for (int token : tokens) learner.tokens().write(token);
        learner.tokens().endPhrase();
    }

    @Test
    void fineTuningOnARepeatedMotifLowersTheNllOnIt() {
        int[] phrase = motif(4);
        DynamicEvaluation tuning = new DynamicEvaluation(trained, budget);
        double before = tuning.negativeLogLikelihood(phrase);

        for (int pass = 0; pass < 4; pass++) tuning.learn(phrase, phrase.length);

        assertThat(tuning.negativeLogLikelihood(phrase)).isLessThan(0.8 * before);
        assertThat(new DynamicEvaluation(trained, budget).negativeLogLikelihood(phrase)).as("the trained network is unchanged")
                .isEqualTo(before);
    }

    @Test
    void theWeightsHandedOverAreTheTunedNetworksAndLowerTheKernelsNll() {
        int[] phrase = motif(4);
        double before = kernelNll(kernel, phrase);
        SessionFineTuner learner = new SessionFineTuner(trained, kernel, budget);
        assertThat(learner.learnOnce()).as("no phrase yet").isFalse();

        playPhrase(learner, phrase);
        assertThat(learner.learnOnce()).isTrue();
        assertThat(learner.weights().swapAtPhraseBoundary()).isTrue();

        LstmStepKernel reference = LstmStepKernel.of(Dl4jWeights.read(learner.tunedNetwork()));
        assertThat(kernelNll(kernel, phrase)).isEqualTo(kernelNll(reference, phrase)).isLessThan(0.8 * before);
        assertThat(learner.learnedAnything()).isTrue();
    }

    @Test
    void forgettingReturnsToTheTrainedWeights() {
        PackedWeights trainedWeights = kernel.weights();
        int[] phrase = motif(4);
        double before = kernelNll(kernel, phrase);
        SessionFineTuner learner = new SessionFineTuner(trained, kernel, budget);
        playPhrase(learner, phrase);
        learner.learnOnce();
        learner.weights().swapAtPhraseBoundary();

        learner.tokens().clear();
        learner.weights().restoreTrained();   // what the performer does on forget_learning and reset_memory
        assertThat(learner.learnOnce()).as("nothing new to learn after forgetting").isFalse();

        assertThat(kernel.weights()).isSameAs(trainedWeights);
        assertThat(kernelNll(kernel, phrase)).isEqualTo(before);
        assertThat(learner.learnedAnything()).isFalse();
        assertThat(learner.tunedNetwork().params()).isEqualTo(trained.params());
    }

    @Test
    void aBudgetRestsThreeTimesItsWorkAtAQuarterDutyCycle() {
        assertThat(TuningBudget.DEFAULT.restNanos(1_000)).isEqualTo(3_000);
    }
}
