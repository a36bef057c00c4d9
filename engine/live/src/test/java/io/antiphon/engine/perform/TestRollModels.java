package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.RollStepModel;

/**
 * A real small piano-roll LSTM for the harmonizer tests (1x32 over the 88 keys), untrained, its parameters nudged by
 * seeded noise so that predictions differ from frame to frame, stepped by the allocation-free kernel.
 */
final class TestRollModels {

    /** The piano's 88 keys, A0..C8: the piano-roll models' frame width. */
    static final int KEYS = 88;

    private TestRollModels() {
    }

    /** A fresh kernel over the shared test weights: every kernel made here computes the same function. */
    static RollStepModel kernel() {
        return RandomWeights.rollKernel(KEYS, 1, 32, 5L, 0.5);
    }
}
