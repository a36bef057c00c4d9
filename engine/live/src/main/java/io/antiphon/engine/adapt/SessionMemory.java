package io.antiphon.engine.adapt;

import java.util.Arrays;

import io.antiphon.engine.token.Vocabulary;

/**
 * The session's fast memory (docs/design.md, Learning the player): a variable-order model of the tokens heard in this
 * session, predicting the next token from every earlier place where the latest tokens occurred before.
 *
 * <p>It keeps the recent tokens themselves, each with a weight (how much the session's own continuation counts, e.g.
 * the human's notes more than the machine's), and for every earlier position the length of the context it shares with
 * the present (up to {@link #maxOrder()} tokens), updated in one pass per token. A prediction counts, for each order
 * k = 0..maxOrder, the weighted continuations of the earlier positions whose context matches the last k tokens, and
 * smooths them by interpolation from the lowest order up, with PPM-C's escape (the number of distinct continuations):
 * {@code p_k(x) = (c_k(x) + u_k p_{k-1}(x)) / (n_k + u_k)}, from the uniform distribution below order 0. This is the
 * interpolated PPM of the Continuator and of the Markov baseline's trie, without the trie: the matches are kept per
 * position, so that the memory is bounded and allocation-free.
 *
 * <p>Bounded: it holds at most {@code capacity + capacity / 8} tokens; when full, the oldest eighth is forgotten at
 * once (the latest {@code capacity} stay). Forgetting comes often (every {@code capacity / 8} tokens), so that the
 * JIT has compiled it long before a session needs it: a branch first taken in steady state would deoptimise the
 * performer's compiled path and allocate. {@link #truncateTo} undoes the latest tokens (the performer's rollback of generated
 * time that did not sound). Allocation-free after construction; owned by one thread.
 */
public final class SessionMemory {

    /** The alphabet: tokens are 0..symbols-1. */
    private final int symbols;
    private final int capacity;
    private final int maxOrder;
    private final int[] tokens;
    private final float[] weights;
    /** {@code match[j]}: how many tokens the context ending at j shares with the context ending at the last token. */
    private final int[] match;
    /** Per order, the weighted continuation counts (by exact match length, then summed from the top down). */
    private final float[][] counts;
    private final float[] totals;
    private final int[] distinct;
    private final double[] smoothed;
    /** Tokens held: {@code tokens[0..length)}. */
    private int length;
    /** Tokens forgotten so far: the absolute position of {@code tokens[0]}. */
    private long base;

    /**
     * A memory of event tokens (the {@link Vocabulary}).
     *
     * @param capacity tokens always kept (at least 16); at most an eighth more are held
     * @param maxOrder the longest context matched, in tokens (1..64)
     */
    public SessionMemory(int capacity, int maxOrder) {
        this(capacity, maxOrder, Vocabulary.SIZE);
    }

    /**
     * A memory of symbols 0..symbols-1 (e.g. melodic intervals, {@link MelodyMemory}).
     *
     * @param capacity tokens always kept (at least 16); at most an eighth more are held
     * @param maxOrder the longest context matched, in tokens (1..64)
     * @param symbols  the alphabet's size (at least 2)
     */
    public SessionMemory(int capacity, int maxOrder, int symbols) {
        if (capacity < 16 || maxOrder < 1 || maxOrder > 64 || symbols < 2) {
            throw Messages.badShape(capacity, maxOrder, symbols);
        }
        this.symbols = symbols;
        this.smoothed = new double[symbols];
        this.capacity = capacity;
        this.maxOrder = maxOrder;
        int held = capacity + Math.max(1, capacity / 8);
        this.tokens = new int[held];
        this.weights = new float[held];
        this.match = new int[held];
        this.counts = new float[maxOrder + 1][symbols];
        this.totals = new float[maxOrder + 1];
        this.distinct = new int[maxOrder + 1];
    }

    /** The alphabet's size. */
    public int symbols() {
        return symbols;
    }

    public int maxOrder() {
        return maxOrder;
    }

    /** Tokens held now. */
    public int size() {
        return length;
    }

    /** The absolute position after the last token: every token ever appended (and not truncated) counts. */
    public long position() {
        return base + length;
    }

    /** Forgets every token. */
    public void clear() {
        length = 0;
        base = 0;
    }

    /**
     * Appends a token heard.
     *
     * @param weight how much this token counts as a continuation (0..1; 0 = context only, never predicted)
     */
    public void append(int token, float weight) {
        if (token < 0 || token >= symbols) {
            throw Messages.tokenOutside(symbols, token);
        }
        if (length == tokens.length) forgetOldest();
        int n = length;
        // the context ending at j shares one more token with the new present if token j is the new token
        for (int j = n - 1; j >= 1; j--) {
            match[j] = tokens[j] == token ? Math.min(match[j - 1] + 1, maxOrder) : 0;
        }
        if (n > 0) match[0] = tokens[0] == token ? 1 : 0;
        tokens[n] = token;
        weights[n] = weight;
        match[n] = 0;
        length = n + 1;
    }

    /**
     * Undoes the tokens appended after absolute position {@code position} (see {@link #position()}); a position before
     * the oldest token held keeps what is left.
     */
    public void truncateTo(long position) {
        long keep = Math.max(0, position - base);
        if (keep >= length) return;
        length = (int) keep;
        rebuildMatches();
    }

    /**
     * The next token's distribution given everything held, into {@code into} (length {@link #symbols()}, sums to 1).
     * With nothing held, the uniform distribution.
     *
     * @return the longest context order matched anywhere (0 when only single tokens match, -1 with nothing held)
     */
    public int predict(float[] into) {
        for (int k = 0; k <= maxOrder; k++) Arrays.fill(counts[k], 0f);
        int last = length - 1;
        int longest = -1;
        for (int j = 0; j < last; j++) {
            float w = weights[j + 1];
            if (w <= 0f) continue;
            int m = match[j];
            counts[m][tokens[j + 1]] += w;
            if (m > longest) longest = m;
        }
        // counts of order k: every position whose context matches k or more tokens
        for (int k = maxOrder - 1; k >= 0; k--) {
            float[] lower = counts[k];
            float[] upper = counts[k + 1];
            for (int t = 0; t < symbols; t++) lower[t] += upper[t];
        }
        for (int k = 0; k <= maxOrder; k++) {
            float total = 0f;
            int kinds = 0;
            float[] c = counts[k];
            for (int t = 0; t < symbols; t++) {
                if (c[t] > 0f) {
                    total += c[t];
                    kinds++;
                }
            }
            totals[k] = total;
            distinct[k] = kinds;
        }
        Arrays.fill(smoothed, 1.0 / symbols);
        for (int k = 0; k <= maxOrder; k++) {
            if (distinct[k] == 0) break;
            double denominator = totals[k] + distinct[k];
            double escape = distinct[k] / denominator;
            float[] c = counts[k];
            for (int t = 0; t < symbols; t++) smoothed[t] = c[t] / denominator + escape * smoothed[t];
        }
        for (int t = 0; t < symbols; t++) into[t] = (float) smoothed[t];
        return longest;
    }

    /** Keeps the latest {@code capacity} tokens. */
    private void forgetOldest() {
        int drop = length - capacity;
        System.arraycopy(tokens, drop, tokens, 0, capacity);
        System.arraycopy(weights, drop, weights, 0, capacity);
        System.arraycopy(match, drop, match, 0, capacity);
        length = capacity;
        base += drop;
        // a context may reach back before the oldest token kept: shorten it
        for (int j = 0; j < Math.min(maxOrder, length); j++) match[j] = Math.min(match[j], j + 1);
    }

    /** Recomputes every position's match with the context ending at the last token. */
    private void rebuildMatches() {
        int last = length - 1;
        for (int j = 0; j < last; j++) {
            int m = 0;
            while (m < maxOrder && j - m >= 0 && tokens[j - m] == tokens[last - m]) m++;
            match[j] = m;
        }
        if (last >= 0) match[last] = 0;
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException badShape(int capacity, int maxOrder, int symbols) {
            return new IllegalArgumentException("session memory needs a capacity of 16 or more tokens, an order of 1..64"
                    + " and 2 or more symbols: " + capacity + ", " + maxOrder + ", " + symbols);
        }

        static IllegalArgumentException tokenOutside(int symbols, int token) {
            return new IllegalArgumentException("token outside the alphabet 0.." + (symbols - 1) + ": " + token);
        }
    }
}
