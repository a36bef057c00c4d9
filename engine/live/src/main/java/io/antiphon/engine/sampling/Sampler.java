package io.antiphon.engine.sampling;

import java.util.SplittableRandom;

import io.antiphon.engine.token.Vocabulary;

/**
 * Draws the next token from a model's distribution: mask, then temperature, then top-k, then top-p (nucleus), then a
 * seeded draw. Allocation-free after construction; owned by one thread.
 *
 * <p>Fallbacks, in order: when no allowed token has a positive probability, one allowed token is drawn uniformly;
 * when the mask allows nothing, the result is {@link #FALLBACK_TOKEN}, the shortest {@code TIME_SHIFT}: time passes
 * and the masks are asked again one tick later.
 */
public final class Sampler {

    /** At or below this temperature the sampler returns the most probable allowed token (argmax). */
    public static final double MIN_TEMPERATURE = 1e-3;
    /** What the sampler returns when the mask allows nothing: {@code TIME_SHIFT(1)}. */
    public static final int FALLBACK_TOKEN = Vocabulary.timeShift(1);

    private final SplittableRandom random;
    private final int[] candidates = new int[Vocabulary.SIZE];
    private final double[] weights = new double[Vocabulary.SIZE];
    /** Candidates packed for sorting: the weight's float bits above, the inverted token below (ties: lower token first). */
    private final long[] order = new long[Vocabulary.SIZE];

    public Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param probabilities the model's distribution over the {@link Vocabulary} (need not be normalised)
     * @param mask          the tokens that may be drawn
     * @param temperature   0 or more; at or below {@link #MIN_TEMPERATURE} the most probable allowed token wins
     * @param topK          keep only the k most probable tokens; 0 keeps all
     * @param topP          keep the smallest set of most probable tokens whose mass reaches this share (0..1]; 1 keeps all
     * @return the token drawn
     */
    public int sample(float[] probabilities, TokenMask mask, double temperature, int topK, double topP) {
        if (!(temperature >= 0) || topK < 0 || !(topP > 0 && topP <= 1)) {
            throw Messages.settingsOutOfRange(temperature, topK, topP);
        }
        int n = 0;
        int best = -1;
        float bestProbability = 0f;
        for (int t = 0; t < Vocabulary.SIZE; t++) {
            float p = probabilities[t];
            if (!mask.allows(t) || !(p > 0f)) continue;
            candidates[n++] = t;
            if (p > bestProbability) {
                bestProbability = p;
                best = t;
            }
        }
        if (n == 0) return uniformAllowed(mask);
        if (temperature <= MIN_TEMPERATURE || topK == 1 || n == 1) return best;

        double inverse = 1.0 / temperature;
        double logBest = Math.log(bestProbability);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int t = candidates[i];
            double w = Math.exp((Math.log(probabilities[t]) - logBest) * inverse);
            if (w > 0) {
                candidates[kept++] = t;
                weights[t] = w;
            }
        }
        boolean truncate = (topK > 0 && topK < kept) || topP < 1;
        if (!truncate) return draw(kept);

        for (int i = 0; i < kept; i++) {
            int t = candidates[i];
            order[i] = (long) Float.floatToIntBits((float) weights[t]) << 32 | (Integer.MAX_VALUE - t);
        }
        heapSort(order, kept);
        // most probable first
        for (int i = 0; i < kept; i++) {
            candidates[i] = Integer.MAX_VALUE - (int) order[kept - 1 - i];
        }
        if (topK > 0) kept = Math.min(kept, topK);
        if (topP < 1) {
            double total = 0;
            for (int i = 0; i < kept; i++) total += weights[candidates[i]];
            double cumulative = 0;
            for (int i = 0; i < kept; i++) {
                cumulative += weights[candidates[i]];
                if (cumulative >= topP * total) {
                    kept = i + 1;
                    break;
                }
            }
        }
        return draw(kept);
    }

    /**
     * Sorts {@code a[0..n)} ascending in place. Not {@code Arrays.sort}: on input that starts with a long sorted run
     * (many equal weights, as a smoothed memory's mixture gives) the JDK's sort allocates its run table.
     */
    static void heapSort(long[] a, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) siftDown(a, i, n);
        for (int end = n - 1; end > 0; end--) {
            long top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(long[] a, int i, int n) {
        long value = a[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && a[child + 1] > a[child]) child++;
            if (a[child] <= value) break;
            a[i] = a[child];
            i = child;
        }
        a[i] = value;
    }

    /** Draws among {@code candidates[0..n)} in proportion to their weights. */
    private int draw(int n) {
        double total = 0;
        for (int i = 0; i < n; i++) total += weights[candidates[i]];
        double r = random.nextDouble() * total;
        for (int i = 0; i < n - 1; i++) {
            r -= weights[candidates[i]];
            if (r < 0) return candidates[i];
        }
        return candidates[n - 1];
    }

    private int uniformAllowed(TokenMask mask) {
        int allowed = mask.count();
        if (allowed == 0) return FALLBACK_TOKEN;
        int pick = random.nextInt(allowed);
        for (int t = 0; t < Vocabulary.SIZE; t++) {
            if (mask.allows(t) && pick-- == 0) return t;
        }
        throw Messages.maskDisagrees(allowed);
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException settingsOutOfRange(double temperature, int topK, double topP) {
            return new IllegalArgumentException("sampler settings out of range: temperature " + temperature
                    + " (0 or more), top-k " + topK + " (0 or more), top-p " + topP + " (above 0, at most 1)");
        }

        static IllegalStateException maskDisagrees(int allowed) {
            return new IllegalStateException("unreachable: mask count " + allowed + " disagrees with its tokens");
        }
    }
}
