package io.antiphon.engine.kernel;

import java.util.ArrayList;
import java.util.List;


/**
 * The parameters of a stack of LSTM layers under a softmax or sigmoid output layer, as
 * row-major float arrays in DL4J's own layout: per layer input weights {@code [inputs][4H]}, recurrent weights
 * {@code [H][4H]} and bias {@code [4H]}, the 4H columns in the gate blocks a, f, o, i; output weights
 * {@code [H][V]} and bias {@code [V]}. The model side reads them out of a trained network
 * ({@code io.antiphon.engine.weights.Dl4jWeights}); this class knows nothing of DL4J.
 */
public final class LstmWeights {

    /** The output layer's activation: what kind of model the network is. */
    public enum Output {
        /** A distribution over one-hot tokens (the event model, {@link StepModel}). */
        SOFTMAX,
        /** Independent per-key probabilities of a many-hot frame (the piano roll, {@link RollStepModel}). */
        SIGMOID
    }

    /** One LSTM layer's parameters, row-major. */
    public record LayerWeights(int inputs, int hidden, float[] input, float[] recurrent, float[] bias) {
        public LayerWeights {
            int gates = 4 * hidden;
            checkLength("input weights", input, inputs * gates);
            checkLength("recurrent weights", recurrent, hidden * gates);
            checkLength("bias", bias, gates);
        }
    }

    private final List<LayerWeights> layers;
    private final float[] outputWeights;
    private final float[] outputBias;
    private final Output output;

    public LstmWeights(List<LayerWeights> layers, float[] outputWeights, float[] outputBias) {
        this(layers, outputWeights, outputBias, Output.SOFTMAX);
    }

    public LstmWeights(List<LayerWeights> layers, float[] outputWeights, float[] outputBias, Output output) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a step model needs at least one LSTM layer");
        int hidden = layers.get(0).hidden();
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).hidden() != hidden) {
                throw new IllegalArgumentException("LSTM layer " + l + " has " + layers.get(l).hidden()
                        + " units but layer 0 has " + hidden + ": all layers must share one size");
            }
            if (layers.get(l).inputs() != hidden) {
                throw new IllegalArgumentException("LSTM layer " + l + " takes " + layers.get(l).inputs()
                        + " inputs but the layer below has " + hidden + " units");
            }
        }
        int vocabulary = layers.get(0).inputs();
        checkLength("output weights", outputWeights, hidden * vocabulary);
        checkLength("output bias", outputBias, vocabulary);
        this.layers = List.copyOf(layers);
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.output = output;
    }

    public int vocabularySize() {
        return layers.get(0).inputs();
    }

    public int hidden() {
        return layers.get(0).hidden();
    }

    public List<LayerWeights> layers() {
        return layers;
    }

    /** Output weights {@code [H][V]}, row-major. */
    public float[] outputWeights() {
        return outputWeights;
    }

    /** The output activation. */
    public Output output() {
        return output;
    }

    /** Output bias {@code [V]}. */
    public float[] outputBias() {
        return outputBias;
    }

    private static void checkLength(String what, float[] array, int expected) {
        if (array.length != expected) {
            throw new IllegalArgumentException(what + " has " + array.length + " values; expected " + expected);
        }
    }
}
