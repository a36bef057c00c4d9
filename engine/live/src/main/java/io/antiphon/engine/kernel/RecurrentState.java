package io.antiphon.engine.kernel;

/**
 * A copy of a stacked LSTM's recurrent state: per layer the output {@code h} and the cell {@code c}.
 * Preallocated once and copied into, so snapshots cost no garbage.
 */
public final class RecurrentState {

    private final float[][] h;
    private final float[][] c;

    public RecurrentState(int layers, int hidden) {
        this.h = new float[layers][hidden];
        this.c = new float[layers][hidden];
    }

    public int layers() {
        return h.length;
    }

    public int hidden() {
        return h[0].length;
    }

    /** Layer {@code layer}'s output activations (live array). */
    public float[] h(int layer) {
        return h[layer];
    }

    /** Layer {@code layer}'s cell state (live array). */
    public float[] c(int layer) {
        return c[layer];
    }

    public void copyFrom(RecurrentState other) {
        if (other.layers() != layers() || other.hidden() != hidden()) {
            throw Messages.shapesDiffer(other.layers(), other.hidden(), layers(), hidden());
        }
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(other.h[l], 0, h[l], 0, h[l].length);
            System.arraycopy(other.c[l], 0, c[l], 0, c[l].length);
        }
    }

    public void clear() {
        for (int l = 0; l < h.length; l++) {
            java.util.Arrays.fill(h[l], 0f);
            java.util.Arrays.fill(c[l], 0f);
        }
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException shapesDiffer(int otherLayers, int otherHidden, int layers, int hidden) {
            return new IllegalArgumentException("state shapes differ: " + otherLayers + "x" + otherHidden + " vs " + layers + "x" + hidden);
        }
    }
}
