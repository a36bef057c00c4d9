package io.antiphon.engine.train;

/**
 * How long and on what a training run goes.
 *
 * @param maxEpochs    stop after this many epochs at the latest
 * @param patience     stop when validation NLL has not improved for this many epochs
 * @param maxMinutes   stop when this much wall time has passed (0 = no limit); the best model so far is kept
 * @param batchSize    windows per minibatch
 * @param window       tokens per training window (state is carried across tBPTT segments within a window)
 * @param augment      draw a random transposition (±6 semitones, within 21..108) of every piece each epoch
 * @param seed         shuffling and augmentation seed
 */
public record TrainingOptions(int maxEpochs, int patience, int maxMinutes, int batchSize, int window,
                              boolean augment, long seed) {

    public TrainingOptions {
        if (maxEpochs < 1) throw new IllegalArgumentException("epochs must be at least 1: " + maxEpochs);
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1: " + patience);
        if (maxMinutes < 0) throw new IllegalArgumentException("max minutes must not be negative: " + maxMinutes);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        if (window < 2) throw new IllegalArgumentException("window must be at least 2: " + window);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(30, 3, 0, 32, 128, true, 42L);
    }
}
