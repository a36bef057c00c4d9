package io.antiphon.engine.roll;

import io.antiphon.engine.network.NetworkSpec;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the piano-roll LSTM in Deeplearning4j: an 88-key many-hot frame in, stacked {@link LSTM} layers (no
 * peepholes; DL4J's gate layout a, f, o, i, as the event network), and an {@link RnnOutputLayer} of 88 sigmoids
 * trained with binary cross-entropy ({@code XENT}): one independent Bernoulli per key for the next frame.
 * Dropout sits on the inputs of every LSTM layer after the first and of the output layer; {@code inputDropout}
 * optionally drops keys of the input frame too. Adam, per-layer L2 gradient clipping, optional decoupled weight
 * decay on the weights (not the biases).
 */
public final class RollNetworkFactory {

    private RollNetworkFactory() {
    }

    /**
     * @param spec         shape and hyper-parameters; its vocabulary size must be {@value RollPiece#KEYS}
     * @param inputDropout probability of dropping a key of the input frame (0 = none)
     * @param weightDecay  decoupled weight decay coefficient (0 = none)
     */
    public static MultiLayerNetwork build(NetworkSpec spec, double inputDropout, double weightDecay) {
        return build(spec, new RollRegularization(inputDropout, weightDecay, 0));
    }

    /** The network with every regulariser of {@code regularization}. */
    public static MultiLayerNetwork build(NetworkSpec spec, RollRegularization regularization) {
        double inputDropout = regularization.inputDropout();
        double weightDecay = regularization.weightDecay();
        if (spec.vocabularySize() != RollPiece.KEYS) {
            throw new IllegalArgumentException("a piano-roll network has " + RollPiece.KEYS + " inputs and outputs, not " + spec.vocabularySize());
        }
        // DL4J's dropOut(x) takes the probability of RETAINING an activation.
        double retain = 1.0 - spec.dropout();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.learningRate()))
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(spec.gradientClip());
        if (weightDecay > 0) builder.weightDecay(weightDecay);
        ListBuilder list = builder.list();
        int in = RollPiece.KEYS;
        for (int layer = 0; layer < spec.layers(); layer++) {
            LSTM.Builder lstm = new LSTM.Builder()
                    .nIn(in).nOut(spec.hidden())
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .forgetGateBiasInit(1.0);
            if (layer == 0 && inputDropout > 0) lstm.dropOut(1.0 - inputDropout);
            if (layer > 0 && spec.dropout() > 0) lstm.dropOut(retain);
            if (regularization.weightDrop() > 0) lstm.weightNoise(new DropConnect(1.0 - regularization.weightDrop()));
            list.layer(lstm.build());
            in = spec.hidden();
        }
        RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT)
                .activation(Activation.SIGMOID)
                .nIn(in).nOut(RollPiece.KEYS);
        if (spec.dropout() > 0) out.dropOut(retain);
        list.layer(out.build());
        list.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(spec.tbpttLength())
                .tBPTTBackwardLength(spec.tbpttLength());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /**
     * Sets the output layer's biases to the log-odds of the baseline's key probabilities, so that a fresh network
     * starts out predicting the key frequencies (the baseline's NLL) instead of one half for every key (88 ln 2 = 61
     * nats a frame); learning then goes straight to the context.
     */
    public static void startAtKeyFrequencies(MultiLayerNetwork net, KeyFrequencyBaseline baseline) {
        INDArray bias = net.getLayer(net.getnLayers() - 1).getParam("b");
        for (int key = 0; key < RollPiece.KEYS; key++) {
            double p = baseline.probability(key);
            bias.putScalar(key, Math.log(p / (1 - p)));
        }
    }
}
