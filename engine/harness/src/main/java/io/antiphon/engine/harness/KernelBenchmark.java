package io.antiphon.engine.harness;

import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import org.HdrHistogram.Histogram;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Times single steps of both {@link StepEngine}s on one network, back to back on the calling thread: warm-up steps,
 * a reset, then measured steps of seeded random tokens, each step's wall time recorded in nanoseconds, and the heap
 * bytes the thread allocated over the measured steps.
 */
public final class KernelBenchmark {

    /** Steps longer than this are recorded as this. */
    private static final long LONGEST_RECORDED_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * One engine's measurements.
     *
     * @param stepNanos    step times in nanoseconds
     * @param bytesPerStep heap bytes allocated per measured step by the calling thread (ND4J's off-heap memory is not
     *                     counted); NaN when the JVM cannot count them
     */
    public record EngineResult(StepEngine engine, String implementation, Histogram stepNanos, double bytesPerStep) {

        /** One line: percentiles in microseconds and bytes per step. */
        public String summary() {
            return String.format(Locale.ROOT, "%-6s %-16s p50 %9.1f µs  p99 %9.1f µs  p99.9 %9.1f µs  max %9.1f µs  %,10.0f B/step  (%d steps)",
                    engine, implementation, micros(50), micros(99), micros(99.9), stepNanos.getMaxValue() / 1e3,
                    bytesPerStep, stepNanos.getTotalCount());
        }

        private double micros(double percentile) {
            return stepNanos.getValueAtPercentile(percentile) / 1e3;
        }
    }

    private KernelBenchmark() {
    }

    /**
     * Benchmarks every engine on {@code net}. The DL4J engine steps {@code net} itself; its RNN state is cleared
     * afterwards.
     *
     * @param warmupSteps   unmeasured steps first (the JIT needs a few thousand)
     * @param measuredSteps steps recorded
     */
    public static Map<StepEngine, EngineResult> run(MultiLayerNetwork net, int warmupSteps, int measuredSteps, long seed) {
        if (warmupSteps < 0) throw new IllegalArgumentException("warm-up steps must not be negative: " + warmupSteps);
        if (measuredSteps < 1) throw new IllegalArgumentException("measured steps must be positive: " + measuredSteps);
        Map<StepEngine, EngineResult> results = new EnumMap<>(StepEngine.class);
        try {
            for (StepEngine engine : StepEngine.values()) {
                results.put(engine, run(engine, StepModels.create(net, engine), warmupSteps, measuredSteps, seed));
            }
        } finally {
            net.rnnClearPreviousState();
        }
        return results;
    }

    /** Steps counted in the allocation pass (after as many unmeasured steps through the same loop). */
    static final int ALLOCATION_STEPS = 5_000;

    private static EngineResult run(StepEngine engine, StepModel model, int warmupSteps, int measuredSteps, long seed) {
        int vocabulary = model.vocabularySize();
        SplittableRandom random = new SplittableRandom(seed);
        int[] tokens = new int[Math.max(warmupSteps, measuredSteps)];
        for (int i = 0; i < tokens.length; i++) tokens[i] = random.nextInt(vocabulary);
        float[] probabilities = new float[vocabulary];

        model.reset();
        for (int i = 0; i < warmupSteps; i++) model.step(tokens[i], probabilities);
        model.reset();

        Histogram stepNanos = new Histogram(LONGEST_RECORDED_NANOS, 3);
        for (int i = 0; i < measuredSteps; i++) {
            long start = System.nanoTime();
            model.step(tokens[i], probabilities);
            stepNanos.recordValue(Math.min(System.nanoTime() - start, LONGEST_RECORDED_NANOS));
        }
        // Heap bytes in a pass of its own, after the timed one: only the steps are counted, not the JIT's own work.
        int allocationSteps = Math.min(measuredSteps, ALLOCATION_STEPS);
        double bytesPerStep = AllocationMeter.isSupported()
                ? new AllocationMeter().bytesPerCall(i -> model.step(tokens[i % tokens.length], probabilities), allocationSteps, allocationSteps)
                : Double.NaN;
        model.reset();
        String implementation = model instanceof LstmStepKernel kernel ? kernel.implementation() : "rnnTimeStep";
        return new EngineResult(engine, implementation, stepNanos, bytesPerStep);
    }

    /**
     * Builds an untrained event LSTM ({@link NetworkFactory}) and prints both engines' results.
     * Arguments: {@code [layers hidden warmupSteps measuredSteps]}, default {@code 2 256 5000 20000}.
     */
    public static void main(String[] args) {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        MultiLayerNetwork net = NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(layers, hidden));
        System.out.printf(Locale.ROOT, "%dx%d event LSTM, %d warm-up + %d measured steps per engine, Java %s%n",
                layers, hidden, warmup, measured, Runtime.version());
        for (EngineResult result : run(net, warmup, measured, 42L).values()) {
            System.out.println(result.summary());
        }
    }
}
