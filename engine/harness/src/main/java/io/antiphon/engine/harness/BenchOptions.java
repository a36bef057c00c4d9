package io.antiphon.engine.harness;

import java.util.Objects;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.LatencyMode;
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
 * @param warmupPhrases      calls played through the shell before timing (bursts and the network path)
 * @param phrases            timed calls in bursts, each answered on the answer-now controller
 * @param pacedNotes         timed calls paced as a person plays (one every 50–500 ms)
 * @param floorDeadlines     deadlines the floor probe waits for
 * @param rollModel          the piano-roll model whose harmonizer is measured, or null to skip that path
 * @param rollFrameTicks     ticks per frame of {@code rollModel}
 * @param rollParameters     the harmonizer's parameters (the preset's), or null with no roll model
 * @param harmonizerNotes    timed melody notes through the harmonizer
 * @param networkPhrases     timed calls through the RTP-MIDI output path; 0 to skip it
 * @param latencyMode        how every session's real-time thread (and the floor probe) waits
 * @param seed               seeds the token streams, the sampler and the paced player
 */
public record BenchOptions(MultiLayerNetwork network, int layers, int hidden, int kernelWarmupSteps, int kernelSteps,
                           int warmupPhrases, int phrases, int pacedNotes, int floorDeadlines, RollStepModel rollModel,
                           int rollFrameTicks, PerformerParameters rollParameters, int harmonizerNotes, int networkPhrases,
                           LatencyMode latencyMode, long seed) {

    public BenchOptions {
        if (network == null && (layers < 1 || hidden < 1)) {
            throw new IllegalArgumentException("the bench network needs positive layers and hidden units: " + layers + "x" + hidden);
        }
        if (kernelWarmupSteps < 0) throw new IllegalArgumentException("kernel warm-up steps must not be negative: " + kernelWarmupSteps);
        if (kernelSteps < 1) throw new IllegalArgumentException("kernel steps must be positive: " + kernelSteps);
        if (warmupPhrases < 0) throw new IllegalArgumentException("warm-up phrases must not be negative: " + warmupPhrases);
        if (phrases < 1) throw new IllegalArgumentException("phrases must be positive: " + phrases);
        if (pacedNotes < 1) throw new IllegalArgumentException("paced notes must be positive: " + pacedNotes);
        if (floorDeadlines < 1) throw new IllegalArgumentException("floor deadlines must be positive: " + floorDeadlines);
        if (rollModel != null && (rollParameters == null || rollFrameTicks < 1 || harmonizerNotes < 1)) {
            throw new IllegalArgumentException("the harmonizer's path needs its parameters, frame ticks and a positive number of notes");
        }
        if (networkPhrases < 0) throw new IllegalArgumentException("network phrases must not be negative: " + networkPhrases);
        Objects.requireNonNull(latencyMode, "latencyMode");
    }

    /**
     * An untrained 2x256 network, 5,000 + 20,000 steps per engine, 20 warm-up calls, 2,000 calls in bursts, 100 paced,
     * 3,000 floor deadlines, no harmonizer, 300 calls through the network output, balanced, seed 42.
     */
    public static BenchOptions defaults() {
        return new BenchOptions(null, 2, 256, 5_000, 20_000, 20, 2_000, 100, 3_000, null, 0, null, 0, 300,
                LatencyMode.BALANCED, 42L);
    }

    public BenchOptions withNetwork(MultiLayerNetwork network) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    public BenchOptions withShape(int layers, int hidden) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    public BenchOptions withKernelSteps(int warmup, int steps) {
        return new BenchOptions(network, layers, hidden, warmup, steps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    /** Warm-up calls, calls in bursts, paced calls, floor deadlines and calls through the network output. */
    public BenchOptions withCalls(int warmupPhrases, int phrases, int pacedNotes, int floorDeadlines, int networkPhrases) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    public BenchOptions withHarmonizer(RollStepModel rollModel, int rollFrameTicks, PerformerParameters rollParameters, int harmonizerNotes) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    public BenchOptions withLatencyMode(LatencyMode latencyMode) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }

    public BenchOptions withSeed(long seed) {
        return new BenchOptions(network, layers, hidden, kernelWarmupSteps, kernelSteps, warmupPhrases, phrases, pacedNotes,
                floorDeadlines, rollModel, rollFrameTicks, rollParameters, harmonizerNotes, networkPhrases, latencyMode, seed);
    }
}
