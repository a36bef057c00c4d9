package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.Vocabulary;

/**
 * Real small event LSTMs for the performer tests (1x48), untrained, their parameters nudged by seeded noise so that
 * distributions differ from step to step, stepped by the allocation-free kernel.
 */
final class TestModels {

    private TestModels() {
    }

    /** A fresh kernel over the shared test weights: every kernel made here computes the same function. */
    static StepModel kernel() {
        return RandomWeights.eventKernel(Vocabulary.SIZE, 1, 48, 7L, 0.3);
    }

    /** A fresh kernel over another network of another shape (2x32). */
    static StepModel otherKernel() {
        return RandomWeights.eventKernel(Vocabulary.SIZE, 2, 32, 99L, 0.3);
    }
}
