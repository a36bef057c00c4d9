package io.antiphon.engine.eval;

import io.antiphon.engine.token.Vocabulary;

/**
 * Sums the evaluation metrics over (predicted distribution, actual next token) pairs. Not thread-safe.
 */
public final class MetricsAccumulator {

    private double nllSum;
    private long tokens;
    private long correct;
    private long noteOnTokens;
    private long noteOnCorrect;

    /**
     * Scores one prediction.
     *
     * @param distribution probabilities of the next token, length {@code Vocabulary.SIZE}
     * @param target       the token that actually came
     * @throws IllegalArgumentException if the distribution has the wrong length, the target lies outside the
     *                                  vocabulary, or the target's probability is negative or NaN
     */
    public void add(float[] distribution, int target) {
        if (distribution.length != Vocabulary.SIZE) {
            throw new IllegalArgumentException("distribution has length " + distribution.length + ", expected "
                    + Vocabulary.SIZE);
        }
        if (target < 0 || target >= Vocabulary.SIZE) {
            throw new IllegalArgumentException("target token " + target + " outside the vocabulary 0.."
                    + (Vocabulary.SIZE - 1));
        }
        float p = distribution[target];
        if (!(p >= 0)) {
            throw new IllegalArgumentException("probability of target " + Vocabulary.describe(target) + " is " + p);
        }
        nllSum -= Math.log(p);
        tokens++;
        if (argmax(distribution, 0, Vocabulary.SIZE) == target) correct++;
        if (Vocabulary.isNoteOn(target)) {
            noteOnTokens++;
            int from = Vocabulary.NOTE_ON_BASE;
            if (argmax(distribution, from, from + Vocabulary.PITCHES) == target) noteOnCorrect++;
        }
    }

    /** Number of predictions scored so far. */
    public long tokens() {
        return tokens;
    }

    /** The metrics of everything added so far. */
    public EvaluationMetrics metrics() {
        return new EvaluationMetrics(
                tokens == 0 ? Double.NaN : nllSum / tokens,
                tokens == 0 ? Double.NaN : correct / (double) tokens,
                noteOnTokens == 0 ? Double.NaN : noteOnCorrect / (double) noteOnTokens,
                tokens, noteOnTokens);
    }

    /** Index of the largest value in {@code values[from..to)}; the first one on ties. */
    private static int argmax(float[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }
}
