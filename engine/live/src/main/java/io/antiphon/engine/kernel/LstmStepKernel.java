package io.antiphon.engine.kernel;

/**
 * The live path's step model: a stacked LSTM stepped one input at a time in plain arrays, allocating nothing per step.
 * Built from a trained DL4J network, in one of two kinds: an event model ({@link #from}: one-hot token in, softmax
 * out, a {@link StepModel}) or a piano roll ({@link #rollFrom}: many-hot frame in, independent sigmoids out, a
 * {@link RollStepModel}). Same math and gate order as DL4J's {@code rnnTimeStep}, which {@link KernelParity} checks.
 *
 * <p>The weights it reads are {@link PackedWeights} (their layout is described there), apart from the recurrent state,
 * so that fine-tuned weights enter between two steps by {@link #swapWeights}. Not thread-safe: one thread owns a kernel.
 */
public final class LstmStepKernel implements StepModel, RollStepModel {

    private final KernelMath math;
    private final int vocabulary;
    private final int hidden;
    private final int paddedHidden;
    private final int gateColumns;
    private final int outputColumns;

    /** What every step reads; swapped whole by {@link #swapWeights}. */
    private PackedWeights weights;
    /** The one active input of a {@link #step}. */
    private final int[] oneHot = new int[1];

    private final float[][] h;
    private final float[][] c;
    private final float[] gates;
    private final float[] logits;

    private LstmStepKernel(LstmWeights weights, KernelMath math) {
        this.math = math;
        this.weights = new PackedWeights(weights, math);
        this.vocabulary = this.weights.vocabulary;
        this.hidden = this.weights.hidden;
        this.paddedHidden = this.weights.paddedHidden;
        this.gateColumns = this.weights.gateColumns;
        this.outputColumns = this.weights.outputColumns;
        int depth = this.weights.depth;
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

    /** The weights every step reads now. */
    public PackedWeights weights() {
        return weights;
    }

    /**
     * Makes {@code next} the weights every following step reads: the swap of one reference, no copy, no allocation;
     * the recurrent state (what the model heard) stays. The caller must not change {@code next} while the kernel may
     * read it, and the kernel no longer reads the weights it read before.
     *
     * @throws IllegalArgumentException when {@code next} has another shape or arithmetic
     */
    public void swapWeights(PackedWeights next) {
        if (!weights.fits(next)) throw Messages.otherShape();
        weights = next;
    }

    /** One step with the inputs {@code active[0, count)} on. */
    private void advance(int[] active, int count, float[] probabilities) {
        PackedWeights w = weights;
        float[] inputTable = w.inputTable;
        float[][] biases = w.biases;
        float[][] inputWeights = w.inputWeights;
        float[][] recurrentWeights = w.recurrentWeights;
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
        System.arraycopy(w.outputBias, 0, logits, 0, outputColumns);
        math.multiplyAccumulate(h[h.length - 1], hidden, w.outputWeights, outputColumns, logits);
        if (w.output == LstmWeights.Output.SIGMOID) {
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
            throw Messages.stateShape(state, h.length, hidden);
        }
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException otherShape() {
            return new IllegalArgumentException("the new weights do not have this kernel's shape");
        }

        static IllegalArgumentException stateShape(RecurrentState state, int layers, int hidden) {
            return new IllegalArgumentException("state is " + state.layers() + " layers x " + state.hidden()
                    + " units; this model is " + layers + " x " + hidden);
        }
    }
}
