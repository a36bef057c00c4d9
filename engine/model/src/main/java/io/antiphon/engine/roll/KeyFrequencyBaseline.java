package io.antiphon.engine.roll;

import java.util.List;

/**
 * The sanity baseline of the piano-roll benchmark: every key an independent Bernoulli whose probability is the
 * fraction of training frames in which it sounds (all frames of all training pieces), clamped to
 * [{@value #FLOOR}, 1 - {@value #FLOOR}] so no key is impossible. It ignores all context. Scored like a model
 * ({@link FrameNll}): every frame after the first of each piece, NLL in nats summed over the 88 keys, per frame.
 * On the JSB chorales it gives 10.98 (valid) and 11.09 (test); on the Nottingham rolls 10.01 and 10.26.
 */
public final class KeyFrequencyBaseline {

    public static final double FLOOR = 1e-6;
    public static final String NAME = "key-frequency (independent Bernoulli per key, train frequencies, floor 1e-6)";

    private final double[] probability;

    private KeyFrequencyBaseline(double[] probability) {
        this.probability = probability;
    }

    /** The baseline fitted to {@code training}. */
    public static KeyFrequencyBaseline fit(List<RollPiece> training) {
        long[] counts = new long[RollPiece.KEYS];
        long frames = 0;
        for (RollPiece piece : training) {
            for (int t = 0; t < piece.length(); t++) {
                for (int key : piece.keysView(t)) counts[key]++;
                frames++;
            }
        }
        if (frames == 0) throw new IllegalArgumentException("the key-frequency baseline needs at least one training frame");
        double[] p = new double[RollPiece.KEYS];
        for (int key = 0; key < RollPiece.KEYS; key++) p[key] = Math.min(1 - FLOOR, Math.max(FLOOR, (double) counts[key] / frames));
        return new KeyFrequencyBaseline(p);
    }

    /** The probability that key index {@code key} sounds in any frame. */
    public double probability(int key) {
        return probability[key];
    }

    /** The baseline's score on {@code pieces} (every frame after the first of each piece). */
    public FrameNll.Score score(List<RollPiece> pieces) {
        double silent = 0;
        for (double p : probability) silent -= Math.log1p(-p);
        double sum = 0;
        long frames = 0;
        for (RollPiece piece : pieces) {
            for (int t = 1; t < piece.length(); t++) {
                double nll = silent;
                for (int key : piece.keysView(t)) nll += Math.log1p(-probability[key]) - Math.log(probability[key]);
                sum += nll;
                frames++;
            }
        }
        return new FrameNll.Score(sum, frames);
    }
}
