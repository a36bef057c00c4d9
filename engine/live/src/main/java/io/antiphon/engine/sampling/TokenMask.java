package io.antiphon.engine.sampling;

import io.antiphon.engine.token.Vocabulary;

/**
 * Which tokens of the {@link Vocabulary} the sampler may draw. Preallocated and refilled before every sample:
 * {@link #allowAll()}, then the {@link MaskRules} forbid what does not fit.
 */
public final class TokenMask {

    private final boolean[] allowed = new boolean[Vocabulary.SIZE];

    /** Every token allowed. */
    public void allowAll() {
        java.util.Arrays.fill(allowed, true);
    }

    public void forbid(int token) {
        allowed[token] = false;
    }

    /** Forbids the tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public void forbidRange(int from, int to) {
        java.util.Arrays.fill(allowed, from, to, false);
    }

    public boolean allows(int token) {
        return allowed[token];
    }

    /** Whether any token in {@code from} (inclusive) to {@code to} (exclusive) is allowed. */
    public boolean allowsAnyIn(int from, int to) {
        for (int t = from; t < to; t++) {
            if (allowed[t]) return true;
        }
        return false;
    }

    /** The number of allowed tokens. */
    public int count() {
        int n = 0;
        for (boolean a : allowed) {
            if (a) n++;
        }
        return n;
    }
}
