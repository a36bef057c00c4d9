package io.antiphon.engine.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * An {@link LstmWeights} laid out for one {@link KernelMath}: what {@link LstmStepKernel} reads at every step, held
 * apart from the kernel's recurrent state so that new weights (the session's fine-tuning, docs/design.md, Learning the
 * player) enter a running kernel by the swap of one reference ({@link LstmStepKernel#swapWeights}), without a copy or
 * an allocation on the kernel's thread. {@link #load} refills the arrays in place on another thread (the learner's),
 * which must not be done while a kernel reads them.
 *
 * <p>Layout: every matrix is row-major with the 4H gate outputs along the row (DL4J's {@code [in][4H]}), each gate
 * block padded to a whole number of vectors, then packed by {@link KernelMath#pack}. Layer 0's input is one-hot or
 * many-hot, so its input product is the sum of the input weight rows of the active inputs: that table stays
 * unpacked and is added row by row onto the layer-0 bias.
 */
public final class PackedWeights {

    final KernelMath math;
    final LstmWeights.Output output;
    final int vocabulary;
    final int hidden;
    final int depth;
    final int paddedHidden;
    final int gateColumns;
    final int outputColumns;

    /** Layer 0: row t = the input weights of input t, {@code [V][gateColumns]} row-major, not packed. */
    final float[] inputTable;
    /** Per layer l ≥ 1 (null at 0, which uses {@link #inputTable}): packed input weights. */
    final float[][] inputWeights;
    /** Per layer: padded bias. */
    final float[][] biases;
    /** Per layer: packed recurrent weights. */
    final float[][] recurrentWeights;
    final float[] outputWeights;
    /** Output bias; padding columns hold negative infinity so that softmax and sigmoid give them zero. */
    final float[] outputBias;

    PackedWeights(LstmWeights weights, KernelMath math) {
        this.math = math;
        this.output = weights.output();
        this.vocabulary = weights.vocabularySize();
        this.hidden = weights.hidden();
        this.depth = weights.layers().size();
        this.paddedHidden = roundUp(hidden, math.lanes());
        this.gateColumns = 4 * paddedHidden;
        this.outputColumns = roundUp(vocabulary, math.tileWidth());
        this.inputTable = new float[vocabulary * gateColumns];
        this.inputWeights = new float[depth][];
        this.recurrentWeights = new float[depth][];
        this.biases = new float[depth][];
        for (int l = 0; l < depth; l++) {
            if (l > 0) inputWeights[l] = new float[hidden * gateColumns];
            biases[l] = new float[gateColumns];
            recurrentWeights[l] = new float[hidden * gateColumns];
        }
        this.outputWeights = new float[hidden * outputColumns];
        this.outputBias = new float[outputColumns];
        load(weights);
    }

    /** Weights of the same shape as these, packed for the same arithmetic (a second buffer for a kernel's swap). */
    public PackedWeights sameShape(LstmWeights weights) {
        return new PackedWeights(weights, math);
    }

    /**
     * Overwrites these packed weights with {@code weights}, which must have the same shape. Allocates scratch arrays;
     * for the thread that prepares weights, never while a kernel reads these.
     *
     * @throws IllegalArgumentException when the shape differs
     */
    public void load(LstmWeights weights) {
        if (!fits(weights)) {
            throw new IllegalArgumentException("weights of " + weights.layers().size() + " layers x " + weights.hidden()
                    + " units over " + weights.vocabularySize() + " inputs do not fit a kernel of " + depth + " x " + hidden
                    + " over " + vocabulary);
        }
        List<LstmWeights.LayerWeights> layers = weights.layers();
        copy(padGates(layers.get(0).input(), vocabulary), inputTable);
        for (int l = 0; l < depth; l++) {
            LstmWeights.LayerWeights layer = layers.get(l);
            if (l > 0) copy(math.pack(padGates(layer.input(), hidden), hidden, gateColumns), inputWeights[l]);
            copy(padGates(layer.bias(), 1), biases[l]);
            copy(math.pack(padGates(layer.recurrent(), hidden), hidden, gateColumns), recurrentWeights[l]);
        }
        float[] out = new float[hidden * outputColumns];
        for (int r = 0; r < hidden; r++) {
            System.arraycopy(weights.outputWeights(), r * vocabulary, out, r * outputColumns, vocabulary);
        }
        copy(math.pack(out, hidden, outputColumns), outputWeights);
        Arrays.fill(outputBias, Float.NEGATIVE_INFINITY);
        System.arraycopy(weights.outputBias(), 0, outputBias, 0, vocabulary);
    }

    /** Whether {@code weights} has this shape and output. */
    public boolean fits(LstmWeights weights) {
        return weights.vocabularySize() == vocabulary && weights.hidden() == hidden && weights.layers().size() == depth
                && weights.output() == output;
    }

    /** Whether {@code other} has this shape, output and arithmetic: a kernel can swap one for the other. */
    public boolean fits(PackedWeights other) {
        return other.vocabulary == vocabulary && other.hidden == hidden && other.depth == depth && other.output == output
                && other.math.getClass() == math.getClass() && other.paddedHidden == paddedHidden
                && other.outputColumns == outputColumns;
    }

    private static void copy(float[] from, float[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    /**
     * Copies a row-major {@code rows x 4H} matrix into {@code rows x 4·paddedHidden}, gate block g's unit j going
     * to column {@code g·paddedHidden + j}; padding columns are zero.
     */
    private float[] padGates(float[] rowMajor, int rows) {
        float[] padded = new float[rows * gateColumns];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < 4; g++) {
                System.arraycopy(rowMajor, r * 4 * hidden + g * hidden, padded, r * gateColumns + g * paddedHidden, hidden);
            }
        }
        return padded;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
