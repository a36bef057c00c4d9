package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.KernelMath;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.RecurrentModel;
import io.antiphon.engine.kernel.RecurrentState;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Checks that {@link LstmStepKernel} computes what DL4J's {@code rnnTimeStep} computes: both step the same seeded
 * random token sequence (event model) or many-hot frame sequence (piano roll) from a cleared state, carrying their state across steps, and every step's probabilities and
 * recurrent state (h and c of every layer) are compared. Clears {@code net}'s RNN state before and after.
 */
public final class KernelParity {

    /**
     * The largest differences seen.
     *
     * @param maxProbabilityDifference max |p_kernel − p_dl4j| over all steps and outputs
     * @param maxStateDifference       max |s_kernel − s_dl4j| over all steps, layers, units, for h and c
     * @param steps                    steps compared
     */
    public record Result(double maxProbabilityDifference, double maxStateDifference, int steps) {
    }

    private KernelParity() {
    }

    /** Compares the event kernel on the fastest available arithmetic with DL4J over {@code steps} random tokens. */
    public static Result check(MultiLayerNetwork net, int steps, long seed) {
        return check(net, steps, seed, KernelMath.fastest());
    }

    static Result check(MultiLayerNetwork net, int steps, long seed, KernelMath math) {
        LstmStepKernel kernel = StepModels.kernel(net, math);
        Dl4jStepModel reference = new Dl4jStepModel(net);
        int vocabulary = kernel.vocabularySize();
        return compare(kernel, reference, vocabulary, steps, seed, (random, kernelOut, referenceOut) -> {
            int token = random.nextInt(vocabulary);
            kernel.step(token, kernelOut);
            reference.step(token, referenceOut);
        });
    }

    /**
     * Compares the piano-roll kernel on the fastest available arithmetic with DL4J over {@code steps} random frames of
     * 0 to {@value #MAX_FRAME_KEYS} distinct keys.
     */
    public static Result checkRoll(MultiLayerNetwork net, int steps, long seed) {
        return checkRoll(net, steps, seed, KernelMath.fastest());
    }

    /** Most keys on in a random frame of {@link #checkRoll}: a chorale has four voices, a pianist's chord a few more. */
    static final int MAX_FRAME_KEYS = 8;

    static Result checkRoll(MultiLayerNetwork net, int steps, long seed, KernelMath math) {
        LstmStepKernel kernel = StepModels.rollKernel(net, math);
        Dl4jStepModel reference = Dl4jStepModel.roll(net);
        int width = kernel.keys();
        int[] frame = new int[MAX_FRAME_KEYS];
        return compare(kernel, reference, width, steps, seed, (random, kernelOut, referenceOut) -> {
            int count = random.nextInt(Math.min(MAX_FRAME_KEYS, width) + 1);
            int filled = 0;
            while (filled < count) {
                int key = random.nextInt(width);
                boolean repeated = false;
                for (int i = 0; i < filled; i++) repeated |= frame[i] == key;
                if (!repeated) frame[filled++] = key;
            }
            kernel.stepFrame(frame, count, kernelOut);
            reference.stepFrame(frame, count, referenceOut);
        });
    }

    /** One step of both models on the same random input. */
    private interface PairedStep {
        void step(SplittableRandom random, float[] kernelOut, float[] referenceOut);
    }

    private static Result compare(RecurrentModel kernel, RecurrentModel reference, int width, int steps, long seed, PairedStep pairedStep) {
        if (steps < 1) throw new IllegalArgumentException("steps must be positive: " + steps);
        reference.reset();
        try {
            float[] kernelProbabilities = new float[width];
            float[] referenceProbabilities = new float[width];
            RecurrentState kernelState = kernel.newState();
            RecurrentState referenceState = reference.newState();
            SplittableRandom random = new SplittableRandom(seed);
            double probabilityDifference = 0;
            double stateDifference = 0;
            for (int step = 0; step < steps; step++) {
                pairedStep.step(random, kernelProbabilities, referenceProbabilities);
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
