package io.antiphon.engine.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.LstmWeights.Output;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the parameters of a stack of DL4J {@link LSTM} layers under a softmax or sigmoid {@link RnnOutputLayer} into
 * the live path's {@link LstmWeights} (row-major float arrays in DL4J's own layout), and rejects every network the
 * step kernel's math does not describe, naming the layer or setting that does not fit.
 */
public final class Dl4jWeights {

    private Dl4jWeights() {
    }

    private static Class<? extends IActivation> activation(Output output) {
        return switch (output) {
            case SOFTMAX -> ActivationSoftmax.class;
            case SIGMOID -> ActivationSigmoid.class;
        };
    }

    /**
     * Copies the parameters out of {@code net}: one-hot input of width V, N DL4J {@code LSTM} layers (tanh
     * activation, sigmoid gates, no peepholes) of one size, then an {@code RnnOutputLayer} with softmax over V.
     *
     * @throws IllegalArgumentException naming the first layer or setting that does not fit
     */
    public static LstmWeights read(MultiLayerNetwork net) {
        return read(net, Output.SOFTMAX);
    }

    /**
     * Copies the parameters out of {@code net}, whose output layer must have the activation of {@code expected}
     * (softmax for an event model, sigmoid for a piano roll); otherwise as {@link #read(MultiLayerNetwork)}.
     *
     * @throws IllegalArgumentException naming the first layer or setting that does not fit
     */
    public static LstmWeights read(MultiLayerNetwork net, Output expected) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int count = conf.getConfs().size();
        if (count < 2) {
            throw new IllegalArgumentException("network has " + count + " layer(s); expected LSTM layers then an RnnOutputLayer");
        }
        List<LSTM> lstms = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            lstms.add(lstmConf(conf.getConf(i).getLayer(), i));
        }
        int last = count - 1;
        RnnOutputLayer out = outputConf(conf.getConf(last).getLayer(), last, expected);
        Map<Integer, InputPreProcessor> preProcessors = conf.getInputPreProcessors();
        if (preProcessors != null && !preProcessors.isEmpty()) {
            throw new IllegalArgumentException("network has input preprocessors on layers " + preProcessors.keySet()
                    + "; the step kernel feeds each layer's output straight to the next");
        }
        List<LstmWeights.LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            LSTM lstm = lstms.get(i);
            int inputs = Math.toIntExact(lstm.getNIn());
            int hidden = Math.toIntExact(lstm.getNOut());
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            layers.add(new LstmWeights.LayerWeights(inputs, hidden,
                    rowMajor(layer, i, LSTMParamInitializer.INPUT_WEIGHT_KEY, inputs, 4 * hidden),
                    rowMajor(layer, i, LSTMParamInitializer.RECURRENT_WEIGHT_KEY, hidden, 4 * hidden),
                    vector(layer, i, LSTMParamInitializer.BIAS_KEY, 4 * hidden)));
        }
        int outInputs = Math.toIntExact(out.getNIn());
        int vocabulary = Math.toIntExact(out.getNOut());
        if (vocabulary != layers.get(0).inputs()) {
            throw new IllegalArgumentException("output layer " + last + " has " + vocabulary + " outputs but LSTM layer 0 takes "
                    + layers.get(0).inputs() + " inputs; a step model feeds its tokens (or frames) back, so they must match");
        }
        int hidden = layers.get(layers.size() - 1).hidden();
        if (outInputs != hidden) {
            throw new IllegalArgumentException("output layer " + last + " takes " + outInputs + " inputs but the LSTM below it has "
                    + hidden + " units");
        }
        org.deeplearning4j.nn.api.Layer outLayer = net.getLayer(last);
        float[] outputWeights = rowMajor(outLayer, last, DefaultParamInitializer.WEIGHT_KEY, outInputs, vocabulary);
        float[] outputBias = out.hasBias()
                ? vector(outLayer, last, DefaultParamInitializer.BIAS_KEY, vocabulary)
                : new float[vocabulary];
        return new LstmWeights(layers, outputWeights, outputBias, expected);
    }

    @SuppressWarnings("deprecation") // GravesLSTM is named only to refuse it
    private static LSTM lstmConf(Layer layer, int index) {
        if (layer instanceof GravesLSTM) {
            throw new IllegalArgumentException("layer " + index + " is a GravesLSTM (peephole connections); the step kernel runs "
                    + "only org.deeplearning4j.nn.conf.layers.LSTM");
        }
        if (layer == null || layer.getClass() != LSTM.class) {
            throw new IllegalArgumentException("layer " + index + " is " + describe(layer)
                    + "; expected org.deeplearning4j.nn.conf.layers.LSTM (every layer but the last)");
        }
        LSTM lstm = (LSTM) layer;
        requireActivation(lstm.getActivationFn(), ActivationTanH.class, "layer " + index + " (LSTM) activation");
        requireActivation(lstm.getGateActivationFn(), ActivationSigmoid.class, "layer " + index + " (LSTM) gate activation");
        return lstm;
    }

    private static RnnOutputLayer outputConf(Layer layer, int index, Output expected) {
        if (layer == null || layer.getClass() != RnnOutputLayer.class) {
            throw new IllegalArgumentException("last layer " + index + " is " + describe(layer)
                    + "; expected org.deeplearning4j.nn.conf.layers.RnnOutputLayer");
        }
        RnnOutputLayer out = (RnnOutputLayer) layer;
        requireActivation(out.getActivationFn(), activation(expected), "output layer " + index + " activation");
        return out;
    }

    private static void requireActivation(IActivation actual, Class<? extends IActivation> expected, String what) {
        if (actual == null || actual.getClass() != expected) {
            throw new IllegalArgumentException(what + " is " + actual + "; the step kernel supports only "
                    + expected.getSimpleName().replace("Activation", "").toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static String describe(Layer layer) {
        return layer == null ? "missing" : layer.getClass().getName();
    }

    /** Parameter {@code key} of layer {@code index} as a row-major {@code rows x columns} array, shape-checked. */
    private static float[] rowMajor(org.deeplearning4j.nn.api.Layer layer, int index, String key, int rows, int columns) {
        INDArray param = param(layer, index, key);
        long[] shape = param.shape();
        if (shape.length != 2 || shape[0] != rows || shape[1] != columns) {
            throw new IllegalArgumentException("layer " + index + " parameter '" + key + "' has shape "
                    + java.util.Arrays.toString(shape) + "; expected [" + rows + ", " + columns + "]");
        }
        float[][] matrix = param.toFloatMatrix();
        float[] flat = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(matrix[r], 0, flat, r * columns, columns);
        }
        return flat;
    }

    /** Vector parameter {@code key} of layer {@code index}; DL4J 1.0.0-M2.1 stores biases as {@code [n]}, older ones {@code [1, n]}. */
    private static float[] vector(org.deeplearning4j.nn.api.Layer layer, int index, String key, int length) {
        INDArray param = param(layer, index, key);
        long[] shape = param.shape();
        boolean fits = (shape.length == 1 && shape[0] == length) || (shape.length == 2 && shape[0] == 1 && shape[1] == length);
        if (!fits) {
            throw new IllegalArgumentException("layer " + index + " parameter '" + key + "' has shape "
                    + java.util.Arrays.toString(shape) + "; expected [" + length + "] or [1, " + length + "]");
        }
        return param.reshape(length).toFloatVector();
    }

    private static INDArray param(org.deeplearning4j.nn.api.Layer layer, int index, String key) {
        INDArray param = layer.getParam(key);
        if (param == null) {
            throw new IllegalArgumentException("layer " + index + " has no parameter '" + key + "'");
        }
        return param;
    }
}
