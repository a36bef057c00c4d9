package io.antiphon.engine.network;

/**
 * The shape and training hyper-parameters of an event LSTM: one-hot input over the vocabulary,
 * {@code layers} stacked LSTMs of {@code hidden} units, softmax over the vocabulary.
 *
 * @param vocabularySize  input and output width (240 for the event vocabulary)
 * @param layers          number of stacked LSTM layers
 * @param hidden          units per LSTM layer
 * @param dropout         probability of dropping an activation between layers (0 = none)
 * @param learningRate    Adam's step size
 * @param gradientClip    L2 norm above which a layer's gradient is rescaled
 * @param tbpttLength     truncated back-propagation length in steps
 * @param seed            weight-initialisation and dropout seed
 */
public record NetworkSpec(int vocabularySize, int layers, int hidden, double dropout,
                          double learningRate, double gradientClip, int tbpttLength, long seed) {

    public NetworkSpec {
        if (vocabularySize < 2) throw new IllegalArgumentException("vocabulary size must be at least 2: " + vocabularySize);
        if (layers < 1 || layers > 8) throw new IllegalArgumentException("layers must be 1..8: " + layers);
        if (hidden < 1 || hidden > 4096) throw new IllegalArgumentException("hidden units must be 1..4096: " + hidden);
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        if (learningRate <= 0) throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        if (gradientClip <= 0) throw new IllegalArgumentException("gradient clip must be positive: " + gradientClip);
        if (tbpttLength < 1) throw new IllegalArgumentException("tBPTT length must be positive: " + tbpttLength);
    }

    /** The default: 2x256, dropout 0.2, Adam 2e-3, clip 1.0, tBPTT 64. */
    public static NetworkSpec defaults(int vocabularySize) {
        return new NetworkSpec(vocabularySize, 2, 256, 0.2, 2e-3, 1.0, 64, 42L);
    }

    public NetworkSpec withShape(int layers, int hidden) {
        return new NetworkSpec(vocabularySize, layers, hidden, dropout, learningRate, gradientClip, tbpttLength, seed);
    }

    public NetworkSpec withSeed(long seed) {
        return new NetworkSpec(vocabularySize, layers, hidden, dropout, learningRate, gradientClip, tbpttLength, seed);
    }

    public NetworkSpec withDropout(double dropout) {
        return new NetworkSpec(vocabularySize, layers, hidden, dropout, learningRate, gradientClip, tbpttLength, seed);
    }
}
