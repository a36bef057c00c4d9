package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.ScalarKernelMath;
import io.antiphon.engine.kernel.StepModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class LstmStepKernelTest {

    private static final int TOKENS = 10;
    private static MultiLayerNetwork net;

    @BeforeAll
    static void network() {
        net = TestNetworks.perturbed(2, 64, 11L);
    }

    @Tag("timing")

    @Test
    void stepsAllocateNothingOnceWarmOnTheFastestArithmetic() {
        assertAllocatesNothingOnceWarm(StepModels.kernel(net));
    }

    @Tag("timing")

    @Test
    void stepsAllocateNothingOnceWarmOnTheScalarFallback() {
        assertAllocatesNothingOnceWarm(StepModels.kernel(net, new ScalarKernelMath()));
    }

    @Test
    void restoringASavedStateReplaysExactlyTheSameDistributions() {
        LstmStepKernel kernel = StepModels.kernel(net);
        int[] tokens = randomTokens(80, kernel.vocabularySize(), 3L);
        float[] scratch = new float[kernel.vocabularySize()];
        for (int i = 0; i < 50; i++) kernel.step(tokens[i], scratch);
        RecurrentState saved = kernel.newState();
        kernel.saveState(saved);

        float[][] first = stepAll(kernel, tokens, 50, 80);
        for (int i = 0; i < 10; i++) kernel.step(tokens[i], scratch); // wander off
        kernel.restoreState(saved);
        float[][] again = stepAll(kernel, tokens, 50, 80);

        assertThat(again).isDeepEqualTo(first);
    }

    @Test
    void resetForgetsEverythingHeard() {
        LstmStepKernel fresh = StepModels.kernel(net);
        LstmStepKernel used = StepModels.kernel(net);
        int[] tokens = randomTokens(40, fresh.vocabularySize(), 5L);
        stepAll(used, tokens, 0, 40);

        used.reset();

        assertThat(stepAll(used, tokens, 0, 40)).isDeepEqualTo(stepAll(fresh, tokens, 0, 40));
    }

    @Test
    void probabilitiesAreADistribution() {
        LstmStepKernel kernel = StepModels.kernel(net);
        float[] p = new float[kernel.vocabularySize()];
        kernel.step(3, p);
        double sum = 0;
        for (float x : p) {
            assertThat(x).isPositive();
            sum += x;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void aTokenOutsideTheVocabularyIsRefused() {
        LstmStepKernel kernel = StepModels.kernel(net);
        float[] p = new float[kernel.vocabularySize()];
        assertThatThrownBy(() -> kernel.step(240, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token 240").hasMessageContaining("0..239");
        assertThatThrownBy(() -> kernel.step(0, new float[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities has 10 slots; need 240");
    }

    @Test
    void aStateOfAnotherShapeIsRefused() {
        LstmStepKernel kernel = StepModels.kernel(net);
        assertThatThrownBy(() -> kernel.restoreState(new RecurrentState(3, 64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state is 3 layers x 64 units; this model is 2 x 64");
    }

    @Test
    void aPeepholeGravesLstmIsRefused() {
        @SuppressWarnings("deprecation")
        Layer graves = new GravesLSTM.Builder().nIn(TOKENS).nOut(4).activation(Activation.TANH).build();
        assertRefused(graves, softmaxOutput(4), "layer 0 is a GravesLSTM (peephole connections)");
    }

    @Test
    void aHardSigmoidGateIsRefused() {
        Layer lstm = new LSTM.Builder().nIn(TOKENS).nOut(4).activation(Activation.TANH).gateActivationFunction(Activation.HARDSIGMOID).build();
        assertRefused(lstm, softmaxOutput(4), "layer 0 (LSTM) gate activation is hardsigmoid; the step kernel supports only sigmoid");
    }

    @Test
    void aNonTanhCellActivationIsRefused() {
        Layer lstm = new LSTM.Builder().nIn(TOKENS).nOut(4).activation(Activation.RELU).build();
        assertRefused(lstm, softmaxOutput(4), "layer 0 (LSTM) activation is relu; the step kernel supports only tanh");
    }

    @Test
    void aNonSoftmaxOutputIsRefused() {
        Layer out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(4).nOut(TOKENS).build();
        assertRefused(lstm(TOKENS, 4), out, "output layer 1 activation is identity; the step kernel supports only softmax");
    }

    @Test
    void aFeedForwardOutputLayerIsRefused() {
        Layer out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(4).nOut(TOKENS).build();
        assertRefused(lstm(TOKENS, 4), out, "last layer 1 is org.deeplearning4j.nn.conf.layers.OutputLayer; expected org.deeplearning4j.nn.conf.layers.RnnOutputLayer");
    }

    @Test
    void aDenseLayerInTheStackIsRefused() {
        MultiLayerNetwork dense = network(lstm(TOKENS, 4), new DenseLayer.Builder().nIn(4).nOut(4).build(), softmaxOutput(4));
        assertThatThrownBy(() -> StepModels.kernel(dense))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 is org.deeplearning4j.nn.conf.layers.DenseLayer; expected org.deeplearning4j.nn.conf.layers.LSTM");
    }

    @Test
    void layersOfDifferentSizesAreRefused() {
        MultiLayerNetwork uneven = network(lstm(TOKENS, 4), lstm(4, 6), softmaxOutput(6));
        assertThatThrownBy(() -> StepModels.kernel(uneven))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LSTM layer 1 has 6 units but layer 0 has 4: all layers must share one size");
    }

    @Test
    void anOutputWiderThanTheInputIsRefused() {
        Layer out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(4).nOut(TOKENS + 1).build();
        assertRefused(lstm(TOKENS, 4), out, "output layer 1 has 11 outputs but LSTM layer 0 takes 10 inputs");
    }

    /** Steps {@code model} on random tokens until a window of steps allocates nothing; if none does, fails naming where. */
    static void assertAllocatesNothingOnceWarm(StepModel model) {
        int[] tokens = randomTokens(1024, model.vocabularySize(), 1L);
        float[] probabilities = new float[model.vocabularySize()];
        AllocationSites.assertNothingOnceWarm(i -> model.step(tokens[i & 1023], probabilities), "step");
    }

    static int[] randomTokens(int count, int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) tokens[i] = random.nextInt(vocabulary);
        return tokens;
    }

    static float[][] stepAll(StepModel model, int[] tokens, int from, int to) {
        float[][] out = new float[to - from][model.vocabularySize()];
        for (int i = from; i < to; i++) model.step(tokens[i], out[i - from]);
        return out;
    }

    private static void assertRefused(Layer first, Layer output, String message) {
        MultiLayerNetwork bad = network(first, output);
        assertThatThrownBy(() -> StepModels.kernel(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> new Dl4jStepModel(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static LSTM lstm(int in, int out) {
        return new LSTM.Builder().nIn(in).nOut(out).activation(Activation.TANH).build();
    }

    private static RnnOutputLayer softmaxOutput(int in) {
        return new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(in).nOut(TOKENS).build();
    }

    private static MultiLayerNetwork network(Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).list();
        for (Layer layer : layers) list.layer(layer);
        MultiLayerNetwork built = new MultiLayerNetwork(list.build());
        built.init();
        return built;
    }
}
