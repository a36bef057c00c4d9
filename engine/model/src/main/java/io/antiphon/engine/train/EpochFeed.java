package io.antiphon.engine.train;

/**
 * What a training iterator tells about its epochs, for the progress bar and the throughput figures: which epoch it
 * serves, how many predicted units (event tokens, piano-roll frames) the epoch holds and how many it has served.
 */
public interface EpochFeed {

    /** 0-based epoch being served. */
    int epoch();

    /** Predicted units (label time steps) in the current epoch. */
    long epochTokens();

    /** Predicted units served so far in the current epoch. */
    long tokensServed();
}
