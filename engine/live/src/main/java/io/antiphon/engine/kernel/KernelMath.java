package io.antiphon.engine.kernel;

/**
 * The arithmetic of {@link LstmStepKernel}: how weight matrices are packed, the matrix-vector product,
 * the LSTM cell, the output activations
 * (softmax, sigmoid) and the row sum of a many-hot input. {@link #fastest()} picks the JDK Vector API implementation when the
 * {@code jdk.incubator.vector} module is present and the scalar one otherwise.
 *
 * <p>Every array the kernel passes in is padded by the kernel: a gate block of {@code hidden} units is padded to
 * a multiple of {@link #lanes()} (padded units have zero weights and stay zero), and a matrix's column count is a
 * multiple of {@link #tileWidth()}.
 */
public interface KernelMath {

    /** Whether the Vector API module was resolved at start-up ({@code --add-modules jdk.incubator.vector}). */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The Vector API implementation when its module is present, else the scalar one. {@link VectorKernelMath}
     * is only named in the branch that runs when the module is there, so without the module it is never loaded.
     */
    static KernelMath fastest() {
        return vectorApiPresent() ? new VectorKernelMath() : new ScalarKernelMath();
    }

    /** A short name for reports, e.g. {@code "vector 512-bit"} or {@code "scalar"}. */
    String name();

    /** Floats per vector register; gate blocks are padded to a multiple of this. */
    int lanes();

    /** Matrix column counts must be a multiple of this; it divides {@code 4 * lanes()}, so four padded gate blocks always fit. */
    int tileWidth();

    /**
     * Rearranges a row-major {@code rows x columns} matrix into the layout {@link #multiplyAccumulate} reads.
     * {@code columns} is a multiple of {@link #tileWidth()}.
     */
    float[] pack(float[] rowMajor, int rows, int columns);

    /**
     * {@code y[0, columns) += x[0, rows) · M}, where {@code packed} is {@code M} as returned by
     * {@link #pack(float[], int, int)} with the same {@code rows} and {@code columns}.
     */
    void multiplyAccumulate(float[] x, int rows, float[] packed, int columns, float[] y);

    /**
     * One LSTM cell update in DL4J's gate order: {@code gates} holds the pre-activations of the blocks
     * a, f, o, i at offsets 0, {@code paddedHidden}, 2·{@code paddedHidden}, 3·{@code paddedHidden};
     * {@code c = sigmoid(f)·c + sigmoid(i)·tanh(a)} and {@code h = sigmoid(o)·tanh(c)}, in place.
     */
    void lstmCell(float[] gates, int paddedHidden, float[] c, float[] h);

    /**
     * Softmax over {@code logits[0, columns)} in place, with max subtraction. {@code columns} is a multiple of
     * {@link #lanes()}; padding entries hold negative infinity and come out as zero.
     */
    void softmax(float[] logits, int columns);

    /**
     * The logistic sigmoid {@code 1 / (1 + e^-x)} over {@code logits[0, columns)} in place (a piano roll's independent
     * per-key probabilities). {@code columns} is a multiple of {@link #lanes()}; negative infinity comes out as zero.
     */
    void sigmoid(float[] logits, int columns);

    /**
     * {@code y[0, columns) += table[offset, offset + columns)}: adds one row of an unpacked row-major table (a many-hot
     * input adds the input weight row of every active key). {@code columns} is a multiple of {@link #lanes()}.
     */
    void addRow(float[] table, int offset, float[] y, int columns);
}
