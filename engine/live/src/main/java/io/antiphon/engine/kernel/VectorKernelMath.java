package io.antiphon.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelMath} on the JDK Vector API ({@link FloatVector#SPECIES_PREFERRED}). The only class of the kernel
 * that names {@code jdk.incubator.vector}; {@link KernelMath#fastest()} loads it only when that module is present.
 *
 * <p>Matrices are packed in column tiles of four vectors: within a tile the rows follow one another, so the
 * product streams through memory once while four accumulators stay in registers.
 *
 * <p>Every result is the same to the last bit whether the JIT has compiled this code or not, so a seed plays the same
 * notes in every run: only operations that IEEE 754 rounds exactly are used (add, multiply, fused multiply-add, divide,
 * max), {@code e^x} is a polynomial of them ({@link #expInPlace}), and a sum over lanes is taken lane by lane in order.
 * The Vector API's own {@code EXP} and {@code TANH} are computed by one library when compiled and by {@link Math} when
 * interpreted, and its {@code ADD} reduction in either order; they differ in the last bit, and a seed's answer once
 * differed between two runs in one JVM. The activations are passes over arrays, each a method of its own, so that no
 * vector crosses a method boundary: one that the JIT did not inline would be an object on the heap.
 */
final class VectorKernelMath implements KernelMath {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int TILE = 4 * LANES;

    @Override
    public String name() {
        return "vector " + SPECIES.vectorBitSize() + "-bit";
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public int tileWidth() {
        return TILE;
    }

    @Override
    public float[] pack(float[] rowMajor, int rows, int columns) {
        if (columns % TILE != 0) {
            throw new IllegalArgumentException("columns " + columns + " is not a multiple of the tile width " + TILE);
        }
        float[] packed = new float[rows * columns];
        int out = 0;
        for (int tile = 0; tile < columns; tile += TILE) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(rowMajor, r * columns + tile, packed, out, TILE);
                out += TILE;
            }
        }
        return packed;
    }

    @Override
    public void multiplyAccumulate(float[] x, int rows, float[] packed, int columns, float[] y) {
        int offset = 0;
        for (int tile = 0; tile < columns; tile += TILE) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, y, tile);
            FloatVector a1 = FloatVector.fromArray(SPECIES, y, tile + LANES);
            FloatVector a2 = FloatVector.fromArray(SPECIES, y, tile + 2 * LANES);
            FloatVector a3 = FloatVector.fromArray(SPECIES, y, tile + 3 * LANES);
            for (int r = 0; r < rows; r++) {
                FloatVector xr = FloatVector.broadcast(SPECIES, x[r]);
                a0 = FloatVector.fromArray(SPECIES, packed, offset).fma(xr, a0);
                a1 = FloatVector.fromArray(SPECIES, packed, offset + LANES).fma(xr, a1);
                a2 = FloatVector.fromArray(SPECIES, packed, offset + 2 * LANES).fma(xr, a2);
                a3 = FloatVector.fromArray(SPECIES, packed, offset + 3 * LANES).fma(xr, a3);
                offset += TILE;
            }
            a0.intoArray(y, tile);
            a1.intoArray(y, tile + LANES);
            a2.intoArray(y, tile + 2 * LANES);
            a3.intoArray(y, tile + 3 * LANES);
        }
    }

    @Override
    public void lstmCell(float[] gates, int paddedHidden, float[] c, float[] h) {
        sigmoidInPlace(gates, paddedHidden, 4 * paddedHidden);
        tanhInPlace(gates, 0, paddedHidden);
        for (int j = 0; j < paddedHidden; j += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, gates, j);
            FloatVector f = FloatVector.fromArray(SPECIES, gates, paddedHidden + j);
            FloatVector i = FloatVector.fromArray(SPECIES, gates, 3 * paddedHidden + j);
            FloatVector cell = f.mul(FloatVector.fromArray(SPECIES, c, j)).add(i.mul(a));
            cell.intoArray(c, j);
            cell.intoArray(h, j);
        }
        tanhInPlace(h, 0, paddedHidden);
        for (int j = 0; j < paddedHidden; j += LANES) {
            FloatVector.fromArray(SPECIES, gates, 2 * paddedHidden + j).mul(FloatVector.fromArray(SPECIES, h, j)).intoArray(h, j);
        }
    }

    @Override
    public void softmax(float[] logits, int columns) {
        FloatVector maxima = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < columns; j += LANES) {
            maxima = maxima.max(FloatVector.fromArray(SPECIES, logits, j));
        }
        expInPlace(logits, 0, columns, maxima.reduceLanes(VectorOperators.MAX), 1f);
        FloatVector sums = FloatVector.zero(SPECIES);
        for (int j = 0; j < columns; j += LANES) {
            sums = sums.add(FloatVector.fromArray(SPECIES, logits, j));
        }
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) sum += sums.lane(lane);
        float scale = 1f / sum;
        for (int j = 0; j < columns; j += LANES) {
            FloatVector.fromArray(SPECIES, logits, j).mul(scale).intoArray(logits, j);
        }
    }

    @Override
    public void sigmoid(float[] logits, int columns) {
        sigmoidInPlace(logits, 0, columns);
    }

    @Override
    public void addRow(float[] table, int offset, float[] y, int columns) {
        for (int j = 0; j < columns; j += LANES) {
            FloatVector.fromArray(SPECIES, y, j).add(FloatVector.fromArray(SPECIES, table, offset + j)).intoArray(y, j);
        }
    }

    /** {@code a[j] = 1 / (1 + e^-a[j])} for {@code j} in {@code [from, to)}; negative infinity comes out as zero. */
    static void sigmoidInPlace(float[] a, int from, int to) {
        expInPlace(a, from, to, 0f, -1f);
        for (int j = from; j < to; j += LANES) {
            FloatVector.broadcast(SPECIES, 1f).div(FloatVector.fromArray(SPECIES, a, j).add(1f)).intoArray(a, j);
        }
    }

    /** {@code a[j] = 1 - 2 / (e^2a[j] + 1)}, within 3e-7 of {@code tanh a[j]}, for {@code j} in {@code [from, to)}. */
    static void tanhInPlace(float[] a, int from, int to) {
        expInPlace(a, from, to, 0f, 2f);
        for (int j = from; j < to; j += LANES) {
            FloatVector.broadcast(SPECIES, 1f).sub(FloatVector.broadcast(SPECIES, 2f).div(FloatVector.fromArray(SPECIES, a, j).add(1f)))
                    .intoArray(a, j);
        }
    }

    /** Below this, {@link #expInPlace} gives 0 ({@code e^x} of it is about 1.6e-38, still a normal float). */
    static final float EXP_LOW = -87f;
    /** Above this, {@link #expInPlace} gives {@code e^x} of it (about 1.7e38). */
    static final float EXP_HIGH = 88f;
    private static final float LOG2_E = 1.44269504088896341f;
    /** {@code ln 2} in two parts: the first has few bits, so {@code n * LN2_HIGH} is exact for the {@code n} used here. */
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5 * 2^23: added to a float below 2^22, rounds it to an integer, which its low bits then hold. */
    private static final float ROUNDING = 12582912f;
    private static final int ROUNDING_BITS = Float.floatToRawIntBits(ROUNDING);

    /**
     * {@code a[j] = e^((a[j] - shift) * factor)} for {@code j} in {@code [from, to)}: within 2 units in the last place up to
     * {@value #EXP_HIGH} (above, {@code e^}{@value #EXP_HIGH}), and 0 below {@value #EXP_LOW} (negative infinity, a
     * padding logit, comes out as zero). {@code x = n ln 2 + r} with {@code n} an integer and {@code |r| <= ln 2 / 2},
     * {@code e^r} by Cephes' degree-6 polynomial for {@code expf}, and {@code 2^n} built in the exponent's bits.
     */
    static void expInPlace(float[] a, int from, int to, float shift, float factor) {
        for (int j = from; j < to; j += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, j).sub(shift).mul(factor);
            FloatVector clamped = x.max(EXP_LOW).min(EXP_HIGH);
            FloatVector shifted = clamped.fma(FloatVector.broadcast(SPECIES, LOG2_E), FloatVector.broadcast(SPECIES, ROUNDING));
            FloatVector n = shifted.sub(ROUNDING);
            FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HIGH), clamped);
            r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LOW), r);
            FloatVector p = r.fma(FloatVector.broadcast(SPECIES, 1.9875691500e-4f), FloatVector.broadcast(SPECIES, 1.3981999507e-3f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 8.3334519073e-3f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 4.1665795894e-2f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 1.6666665459e-1f));
            p = p.fma(r, FloatVector.broadcast(SPECIES, 5.0000001201e-1f));
            FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
            IntVector exponent = shifted.reinterpretAsInts().sub(ROUNDING_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            er.mul(exponent.reinterpretAsFloats()).blend(0f, x.lt(EXP_LOW)).intoArray(a, j);
        }
    }
}
