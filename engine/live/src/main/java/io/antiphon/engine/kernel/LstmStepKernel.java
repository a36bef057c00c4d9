package io.antiphon.engine.kernel;

import java.util.List;


/**
 * The live path's step model: a stacked LSTM stepped one input at a time in plain arrays, allocating nothing per step.
 * Built from a trained DL4J network, in one of two kinds: an event model ({@link #from}: one-hot token in, softmax
 * out, a {@link StepModel}) or a piano roll ({@link #rollFrom}: many-hot frame in, independent sigmoids out, a
 * {@link RollStepModel}). Same math and gate order as DL4J's {@code rnnTimeStep}, which {@link KernelParity} checks.
 *
 * <p>Layout: every matrix is row-major with the 4H gate outputs along the row (DL4J's {@code [in][4H]}), each gate
 * block padded to a whole number of vectors, then packed by {@link KernelMath#pack}. Layer 0's input is one-hot or
 * many-hot, so its input product is the sum of the input weight rows of the active inputs: that table stays
 * unpacked and is added row by row onto the layer-0 bias. Not thread-safe: one thread owns a kernel.
 */
public final class LstmStepKernel implements StepModel, RollStepModel {

    private final KernelMath math;
    private final LstmWeights.Output output;
    private final int vocabulary;
    private final int hidden;
    private final int paddedHidden;
    private final int gateColumns;
    private final int outputColumns;

    /** Layer 0: row t = the input weights of input t, {@code [V][gateColumns]} row-major, not packed. */
    private final float[] inputTable;
    /** Per layer l ≥ 1 (null at 0, which uses {@link #inputTable}): packed input weights. */
    private final float[][] inputWeights;
    /** Per layer: padded bias. */
    private final float[][] biases;
    /** Per layer: packed recurrent weights. */
    private final float[][] recurrentWeights;
    private final float[] outputWeights;
    /** Output bias; padding columns hold negative infinity so that softmax and sigmoid give them zero. */
    private final float[] outputBias;
    /** The one active input of a {@link #step}. */
    private final int[] oneHot = new int[1];

    private final float[][] h;
    private final float[][] c;
    private final float[] gates;
    private final float[] logits;

    private LstmStepKernel(LstmWeights weights, KernelMath math) {
        this.math = math;
        this.output = weights.output();
        this.vocabulary = weights.vocabularySize();
        this.hidden = weights.hidden();
        this.paddedHidden = roundUp(hidden, math.lanes());
        this.gateColumns = 4 * paddedHidden;
        this.outputColumns = roundUp(vocabulary, math.tileWidth());
        List<LstmWeights.LayerWeights> layers = weights.layers();
        int depth = layers.size();

        this.inputTable = padGates(layers.get(0).input(), vocabulary);
        this.inputWeights = new float[depth][];
        this.recurrentWeights = new float[depth][];
        this.biases = new float[depth][];
        for (int l = 0; l < depth; l++) {
            LstmWeights.LayerWeights layer = layers.get(l);
            if (l > 0) inputWeights[l] = math.pack(padGates(layer.input(), hidden), hidden, gateColumns);
            biases[l] = padGates(layer.bias(), 1);
            recurrentWeights[l] = math.pack(padGates(layer.recurrent(), hidden), hidden, gateColumns);
        }
        float[] out = new float[hidden * outputColumns];
        for (int r = 0; r < hidden; r++) {
            System.arraycopy(weights.outputWeights(), r * vocabulary, out, r * outputColumns, vocabulary);
        }
        this.outputWeights = math.pack(out, hidden, outputColumns);
        this.outputBias = new float[outputColumns];
        java.util.Arrays.fill(outputBias, Float.NEGATIVE_INFINITY);
        System.arraycopy(weights.outputBias(), 0, outputBias, 0, vocabulary);

        this.h = new float[depth][paddedHidden];
        this.c = new float[depth][paddedHidden];
        this.gates = new float[gateColumns];
        this.logits = new float[outputColumns];
    }

    /** A kernel over {@code weights} (event or piano-roll model, by their output) on the fastest arithmetic available. */
    public static LstmStepKernel of(LstmWeights weights) {
        return new LstmStepKernel(weights, KernelMath.fastest());
    }

    /** A kernel over {@code weights} on the given arithmetic. */
    public static LstmStepKernel of(LstmWeights weights, KernelMath math) {
        return new LstmStepKernel(weights, math);
    }

    /** Which arithmetic this kernel runs on, e.g. {@code "vector 512-bit"} or {@code "scalar"}. */
    public String implementation() {
        return math.name();
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    @Override
    public int keys() {
        return vocabulary;
    }

    /** One-hot input {@code token}; for an event model the output is the next token's distribution. */
    @Override
    public void step(int token, float[] probabilities) {
        StepArguments.check(token, probabilities, vocabulary);
        oneHot[0] = token;
        advance(oneHot, 1, probabilities);
    }

    /** Many-hot input; for a piano roll the output is each key's probability of sounding in the next frame. */
    @Override
    public void stepFrame(int[] keys, int count, float[] probabilities) {
        StepArguments.checkFrame(keys, count, probabilities, vocabulary);
        advance(keys, count, probabilities);
    }

    /** One step with the inputs {@code active[0, count)} on. */
    private void advance(int[] active, int count, float[] probabilities) {
        System.arraycopy(biases[0], 0, gates, 0, gateColumns);
        for (int i = 0; i < count; i++) {
            math.addRow(inputTable, active[i] * gateColumns, gates, gateColumns);
        }
        math.multiplyAccumulate(h[0], hidden, recurrentWeights[0], gateColumns, gates);
        math.lstmCell(gates, paddedHidden, c[0], h[0]);
        for (int l = 1; l < h.length; l++) {
            System.arraycopy(biases[l], 0, gates, 0, gateColumns);
            math.multiplyAccumulate(h[l - 1], hidden, inputWeights[l], gateColumns, gates);
            math.multiplyAccumulate(h[l], hidden, recurrentWeights[l], gateColumns, gates);
            math.lstmCell(gates, paddedHidden, c[l], h[l]);
        }
        System.arraycopy(outputBias, 0, logits, 0, outputColumns);
        math.multiplyAccumulate(h[h.length - 1], hidden, outputWeights, outputColumns, logits);
        if (output == LstmWeights.Output.SIGMOID) {
            math.sigmoid(logits, outputColumns);
        } else {
            math.softmax(logits, outputColumns);
        }
        System.arraycopy(logits, 0, probabilities, 0, vocabulary);
    }

    @Override
    public void reset() {
        for (int l = 0; l < h.length; l++) {
            java.util.Arrays.fill(h[l], 0f);
            java.util.Arrays.fill(c[l], 0f);
        }
    }

    @Override
    public RecurrentState newState() {
        return new RecurrentState(h.length, hidden);
    }

    @Override
    public void saveState(RecurrentState into) {
        checkShape(into);
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(h[l], 0, into.h(l), 0, hidden);
            System.arraycopy(c[l], 0, into.c(l), 0, hidden);
        }
    }

    @Override
    public void restoreState(RecurrentState from) {
        checkShape(from);
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(from.h(l), 0, h[l], 0, hidden);
            System.arraycopy(from.c(l), 0, c[l], 0, hidden);
        }
    }

    private void checkShape(RecurrentState state) {
        if (state.layers() != h.length || state.hidden() != hidden) {
            throw new IllegalArgumentException("state is " + state.layers() + " layers x " + state.hidden()
                    + " units; this model is " + h.length + " x " + hidden);
        }
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
