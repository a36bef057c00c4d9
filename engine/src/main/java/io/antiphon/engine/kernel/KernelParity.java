package io.antiphon.engine.kernel;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Checks that {@link LstmStepKernel} computes what DL4J's {@code rnnTimeStep} computes: both step the same seeded
 * random token sequence from a cleared state, carrying their state across steps, and every step's probabilities and
 * recurrent state (h and c of every layer) are compared. Clears {@code net}'s RNN state before and after.
 */
public final class KernelParity {

    /**
     * The largest differences seen.
     *
     * @param maxProbabilityDifference max |p_kernel − p_dl4j| over all steps and tokens
     * @param maxStateDifference       max |s_kernel − s_dl4j| over all steps, layers, units, for h and c
     * @param steps                    steps compared
     */
    public record Result(double maxProbabilityDifference, double maxStateDifference, int steps) {
    }

    private KernelParity() {
    }

    /** Compares the kernel on the fastest available arithmetic with DL4J over {@code steps} random tokens. */
    public static Result check(MultiLayerNetwork net, int steps, long seed) {
        return check(net, steps, seed, KernelMath.fastest());
    }

    static Result check(MultiLayerNetwork net, int steps, long seed, KernelMath math) {
        if (steps < 1) throw new IllegalArgumentException("steps must be positive: " + steps);
        StepModel kernel = LstmStepKernel.from(net, math);
        StepModel reference = new Dl4jStepModel(net);
        reference.reset();
        try {
            int vocabulary = kernel.vocabularySize();
            float[] kernelProbabilities = new float[vocabulary];
            float[] referenceProbabilities = new float[vocabulary];
            RecurrentState kernelState = kernel.newState();
            RecurrentState referenceState = reference.newState();
            SplittableRandom random = new SplittableRandom(seed);
            double probabilityDifference = 0;
            double stateDifference = 0;
            for (int step = 0; step < steps; step++) {
                int token = random.nextInt(vocabulary);
                kernel.step(token, kernelProbabilities);
                reference.step(token, referenceProbabilities);
                probabilityDifference = Math.max(probabilityDifference, maxAbsDifference(kernelProbabilities, referenceProbabilities));
                kernel.saveState(kernelState);
                reference.saveState(referenceState);
                for (int l = 0; l < kernelState.layers(); l++) {
                    stateDifference = Math.max(stateDifference, maxAbsDifference(kernelState.h(l), referenceState.h(l)));
                    stateDifference = Math.max(stateDifference, maxAbsDifference(kernelState.c(l), referenceState.c(l)));
                }
            }
            return new Result(probabilityDifference, stateDifference, steps);
        } finally {
            reference.reset();
        }
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i])); // Math.max keeps a NaN
        }
        return max;
    }
}
