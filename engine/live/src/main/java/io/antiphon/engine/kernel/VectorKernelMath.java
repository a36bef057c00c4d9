package io.antiphon.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelMath} on the JDK Vector API ({@link FloatVector#SPECIES_PREFERRED}). The only class of the kernel
 * that names {@code jdk.incubator.vector}; {@link KernelMath#fastest()} loads it only when that module is present.
 *
 * <p>Matrices are packed in column tiles of four vectors: within a tile the rows follow one another, so the
 * product streams through memory once while four accumulators stay in registers.
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
        for (int j = 0; j < paddedHidden; j += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, gates, j).lanewise(VectorOperators.TANH);
            FloatVector f = sigmoid(FloatVector.fromArray(SPECIES, gates, paddedHidden + j));
            FloatVector o = sigmoid(FloatVector.fromArray(SPECIES, gates, 2 * paddedHidden + j));
            FloatVector i = sigmoid(FloatVector.fromArray(SPECIES, gates, 3 * paddedHidden + j));
            FloatVector cell = f.mul(FloatVector.fromArray(SPECIES, c, j)).add(i.mul(a));
            cell.intoArray(c, j);
            o.mul(cell.lanewise(VectorOperators.TANH)).intoArray(h, j);
        }
    }

    @Override
    public void softmax(float[] logits, int columns) {
        FloatVector maxima = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < columns; j += LANES) {
            maxima = maxima.max(FloatVector.fromArray(SPECIES, logits, j));
        }
        float max = maxima.reduceLanes(VectorOperators.MAX);
        FloatVector sums = FloatVector.zero(SPECIES);
        for (int j = 0; j < columns; j += LANES) {
            FloatVector e = FloatVector.fromArray(SPECIES, logits, j).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(logits, j);
            sums = sums.add(e);
        }
        float scale = 1f / sums.reduceLanes(VectorOperators.ADD);
        for (int j = 0; j < columns; j += LANES) {
            FloatVector.fromArray(SPECIES, logits, j).mul(scale).intoArray(logits, j);
        }
    }

    @Override
    public void sigmoid(float[] logits, int columns) {
        for (int j = 0; j < columns; j += LANES) {
            sigmoid(FloatVector.fromArray(SPECIES, logits, j)).intoArray(logits, j);
        }
    }

    @Override
    public void addRow(float[] table, int offset, float[] y, int columns) {
        for (int j = 0; j < columns; j += LANES) {
            FloatVector.fromArray(SPECIES, y, j).add(FloatVector.fromArray(SPECIES, table, offset + j)).intoArray(y, j);
        }
    }

    /** {@code 1 / (1 + e^-x)}. */
    private static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(SPECIES, 1f).div(x.neg().lanewise(VectorOperators.EXP).add(1f));
    }
}
