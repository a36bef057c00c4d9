package io.antiphon.engine.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real small LSTMs for the live path's tests, made without DL4J: every parameter drawn as DL4J's XAVIER initialiser
 * draws it (Gaussian, standard deviation {@code sqrt(2 / (fanIn + fanOut))}), the forget gates' bias at 1 as the
 * model side's networks set it, then nudged by seeded uniform noise so that distributions differ from step to step.
 * The same seed gives the same function.
 */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** An event model (softmax over {@code vocabulary} tokens) stepped by the allocation-free kernel. */
    public static StepModel eventKernel(int vocabulary, int layers, int hidden, long seed, double noise) {
        return LstmStepKernel.of(weights(vocabulary, layers, hidden, seed, noise, LstmWeights.Output.SOFTMAX));
    }

    /** A piano-roll model (a sigmoid per key) stepped by the allocation-free kernel. */
    public static RollStepModel rollKernel(int keys, int layers, int hidden, long seed, double noise) {
        return LstmStepKernel.of(weights(keys, layers, hidden, seed, noise, LstmWeights.Output.SIGMOID));
    }

    /** The parameters of {@code layers} LSTM layers of {@code hidden} units over {@code width} one-hot or many-hot inputs. */
    public static LstmWeights weights(int width, int layers, int hidden, long seed, double noise, LstmWeights.Output output) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LstmWeights.LayerWeights> stack = new ArrayList<>();
        int gates = 4 * hidden;
        for (int l = 0; l < layers; l++) {
            int inputs = l == 0 ? width : hidden;
            float[] bias = new float[gates];
            for (int j = hidden; j < 2 * hidden; j++) bias[j] = 1f; // gate blocks a, f, o, i: forget gate bias 1
            stack.add(new LstmWeights.LayerWeights(inputs, hidden,
                    xavier(random, inputs * gates, inputs, gates, noise),
                    xavier(random, hidden * gates, hidden, gates, noise),
                    nudge(random, bias, noise)));
        }
        float[] outputWeights = xavier(random, hidden * width, hidden, width, noise);
        float[] outputBias = nudge(random, new float[width], noise);
        return new LstmWeights(stack, outputWeights, outputBias, output);
    }

    private static float[] xavier(SplittableRandom random, int length, int fanIn, int fanOut, double noise) {
        double deviation = Math.sqrt(2.0 / (fanIn + fanOut));
        float[] values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float) (gaussian(random) * deviation);
        return nudge(random, values, noise);
    }

    private static float[] nudge(SplittableRandom random, float[] values, double noise) {
        if (noise == 0) return values;
        for (int i = 0; i < values.length; i++) values[i] += (float) (noise * (random.nextDouble() * 2 - 1));
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
