package io.antiphon.engine.eval;

/**
 * A next-token model scored by {@link EvaluationMetrics#evaluate}: the Markov baseline and the LSTM both implement
 * it, so both are judged on exactly the same held-out tokens.
 */
public interface SequenceModel {

    /** A short name for reports, e.g. {@code markov-kn-order-8}. */
    String name();

    /**
     * Predicts a whole sequence of {@code T} tokens (each in {@code 0..Vocabulary.SIZE-1}), starting from a fresh
     * state. Returns exactly {@code T} rows of length {@code Vocabulary.SIZE}: row {@code t} is the probability
     * distribution of token {@code t+1} given tokens {@code 0..t}. The last row predicts the token after the
     * sequence; evaluation scores rows {@code 0..T-2} against tokens {@code 1..T-1}.
     *
     * @throws IllegalArgumentException if a token lies outside the vocabulary
     */
    float[][] predict(int[] tokens);
}
