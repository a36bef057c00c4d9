package io.antiphon.engine.network;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the event LSTM in Deeplearning4j: one-hot input, stacked {@link LSTM} layers (no peepholes;
 * DL4J's gate layout a, f, o, i), a softmax {@link RnnOutputLayer} trained with cross-entropy.
 * Dropout sits on the inputs of every layer after the first (the first layer's input is one-hot).
 */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    public static MultiLayerNetwork build(NetworkSpec spec) {
        // DL4J's dropOut(x) takes the probability of RETAINING an activation.
        double retain = 1.0 - spec.dropout();
        ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.learningRate()))
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(spec.gradientClip())
                .list();
        int in = spec.vocabularySize();
        for (int layer = 0; layer < spec.layers(); layer++) {
            LSTM.Builder lstm = new LSTM.Builder()
                    .nIn(in).nOut(spec.hidden())
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .forgetGateBiasInit(1.0);
            if (layer > 0 && spec.dropout() > 0) lstm.dropOut(retain);
            list.layer(lstm.build());
            in = spec.hidden();
        }
        RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .nIn(in).nOut(spec.vocabularySize());
        if (spec.dropout() > 0) out.dropOut(retain);
        list.layer(out.build());
        list.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(spec.tbpttLength())
                .tBPTTBackwardLength(spec.tbpttLength());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
