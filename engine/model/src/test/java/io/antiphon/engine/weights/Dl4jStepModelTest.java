package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.RecurrentState;
import static io.antiphon.engine.weights.LstmStepKernelTest.randomTokens;
import static io.antiphon.engine.weights.LstmStepKernelTest.stepAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Dl4jStepModelTest {

    private static MultiLayerNetwork net;
    private Dl4jStepModel reference;

    @BeforeAll
    static void network() {
        net = TestNetworks.perturbed(2, 64, 13L);
    }

    @BeforeEach
    void clearedModel() {
        reference = new Dl4jStepModel(net);
        reference.reset();
    }

    @Test
    void restoringASavedStateReplaysTheSameDistributions() {
        int[] tokens = randomTokens(60, reference.vocabularySize(), 3L);
        stepAll(reference, tokens, 0, 40);
        RecurrentState saved = reference.newState();
        reference.saveState(saved);

        float[][] first = stepAll(reference, tokens, 40, 60);
        stepAll(reference, tokens, 0, 5); // wander off
        reference.restoreState(saved);
        float[][] again = stepAll(reference, tokens, 40, 60);

        assertThat(maxAbsDifference(again, first)).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void aStateSavedFromTheKernelContinuesOnDl4j() {
        LstmStepKernel kernel = StepModels.kernel(net);
        int[] tokens = randomTokens(60, kernel.vocabularySize(), 4L);
        stepAll(kernel, tokens, 0, 30);
        RecurrentState state = kernel.newState();
        kernel.saveState(state);

        reference.restoreState(state);

        assertThat(maxAbsDifference(stepAll(reference, tokens, 30, 60), stepAll(kernel, tokens, 30, 60)))
                .isLessThanOrEqualTo(1e-4);
    }

    @Test
    void aClearedStateReadsAsZeros() {
        RecurrentState state = reference.newState();
        state.h(1)[0] = 5f;

        reference.saveState(state);

        assertThat(state.h(1)).containsOnly(0f);
        assertThat(state.c(0)).containsOnly(0f);
    }

    @Test
    void resetForgetsEverythingHeard() {
        int[] tokens = randomTokens(20, reference.vocabularySize(), 5L);
        float[][] fromCleared = stepAll(reference, tokens, 0, 20);

        reference.reset();

        assertThat(maxAbsDifference(stepAll(reference, tokens, 0, 20), fromCleared)).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void aTokenOutsideTheVocabularyIsRefused() {
        assertThatThrownBy(() -> reference.step(-1, new float[240]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token -1 is outside the vocabulary 0..239");
    }

    private static double maxAbsDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
        }
        return max;
    }
}
