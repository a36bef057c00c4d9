package io.antiphon.engine.kernel;

/**
 * Plain-Java {@link KernelMath}, used when the Vector API module is absent. Matrices stay row-major so that the
 * inner loop runs over contiguous gate outputs, which the JIT auto-vectorises.
 */
public final class ScalarKernelMath implements KernelMath {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public int tileWidth() {
        return 1;
    }

    @Override
    public float[] pack(float[] rowMajor, int rows, int columns) {
        return java.util.Arrays.copyOf(rowMajor, rows * columns);
    }

    @Override
    public void multiplyAccumulate(float[] x, int rows, float[] packed, int columns, float[] y) {
        for (int r = 0; r < rows; r++) {
            float xr = x[r];
            int base = r * columns;
            for (int j = 0; j < columns; j++) {
                y[j] += xr * packed[base + j];
            }
        }
    }

    @Override
    public void lstmCell(float[] gates, int paddedHidden, float[] c, float[] h) {
        for (int j = 0; j < paddedHidden; j++) {
            float a = (float) Math.tanh(gates[j]);
            float f = sigmoid(gates[paddedHidden + j]);
            float o = sigmoid(gates[2 * paddedHidden + j]);
            float i = sigmoid(gates[3 * paddedHidden + j]);
            float cell = f * c[j] + i * a;
            c[j] = cell;
            h[j] = o * (float) Math.tanh(cell);
        }
    }

    @Override
    public void softmax(float[] logits, int columns) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < columns; j++) {
            max = Math.max(max, logits[j]);
        }
        float sum = 0f;
        for (int j = 0; j < columns; j++) {
            float e = (float) Math.exp(logits[j] - max);
            logits[j] = e;
            sum += e;
        }
        float scale = 1f / sum;
        for (int j = 0; j < columns; j++) {
            logits[j] *= scale;
        }
    }

    @Override
    public void sigmoid(float[] logits, int columns) {
        for (int j = 0; j < columns; j++) {
            logits[j] = sigmoid(logits[j]);
        }
    }

    @Override
    public void addRow(float[] table, int offset, float[] y, int columns) {
        for (int j = 0; j < columns; j++) {
            y[j] += table[offset + j];
        }
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
