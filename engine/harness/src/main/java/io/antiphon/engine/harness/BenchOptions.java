package io.antiphon.engine.harness;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What {@link Bench#run} measures.
 *
 * @param network            the network to step; null for an untrained event LSTM of {@code layers x hidden} (step
 *                           times do not depend on training)
 * @param layers             LSTM layers of the untrained network
 * @param hidden             units per layer of the untrained network
 * @param kernelWarmupSteps  unmeasured steps per engine before timing (the JIT needs a few thousand)
 * @param kernelSteps        timed steps per engine
 * @param warmupPhrases      phrases played through the shell before timing
 * @param phrases            timed phrases, each answered on the answer-now controller
 * @param seed               seeds the token streams and the sampler
 */
public record BenchOptions(MultiLayerNetwork network, int layers, int hidden, int kernelWarmupSteps, int kernelSteps,
                           int warmupPhrases, int phrases, long seed) {

    public BenchOptions {
        if (network == null && (layers < 1 || hidden < 1)) {
            throw new IllegalArgumentException("the bench network needs positive layers and hidden units: " + layers + "x" + hidden);
        }
        if (kernelWarmupSteps < 0) throw new IllegalArgumentException("kernel warm-up steps must not be negative: " + kernelWarmupSteps);
        if (kernelSteps < 1) throw new IllegalArgumentException("kernel steps must be positive: " + kernelSteps);
        if (warmupPhrases < 0) throw new IllegalArgumentException("warm-up phrases must not be negative: " + warmupPhrases);
        if (phrases < 1) throw new IllegalArgumentException("phrases must be positive: " + phrases);
    }

    /** An untrained 2x256 network, 5,000 + 20,000 steps per engine, 5 + 40 phrases, seed 42. */
    public static BenchOptions defaults() {
        return new BenchOptions(null, 2, 256, 5_000, 20_000, 5, 40, 42L);
    }
}
