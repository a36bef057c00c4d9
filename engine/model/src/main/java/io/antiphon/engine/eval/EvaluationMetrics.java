package io.antiphon.engine.eval;

import java.util.List;

/**
 * How well a model predicted a set of held-out tokens.
 *
 * @param nll           mean negative log-likelihood of the targets, in nats per token ({@code NaN} if none;
 *                      infinite if the model gave a target probability 0)
 * @param accuracy      fraction of targets that were the most probable token (ties go to the lowest token)
 * @param pitchAccuracy over NOTE_ON targets only: fraction whose most probable NOTE_ON token (the other 152
 *                      tokens ignored) was the target ({@code NaN} if there were no NOTE_ON targets)
 * @param tokens        number of targets scored
 * @param noteOnTokens  number of those targets that were NOTE_ON tokens
 */
public record EvaluationMetrics(double nll, double accuracy, double pitchAccuracy, long tokens, long noteOnTokens) {

    public EvaluationMetrics {
        if (tokens < 0 || noteOnTokens < 0 || noteOnTokens > tokens) {
            throw new IllegalArgumentException("inconsistent counts: " + tokens + " tokens, " + noteOnTokens
                    + " NOTE_ON tokens");
        }
    }

    /**
     * Scores {@code model} on every sequence: tokens 1..T-1 of each are the targets, predicted from the tokens before
     * them (sequences shorter than 2 tokens have none). Every model is scored on exactly these positions.
     *
     * @throws IllegalStateException if the model returns a row count other than T, or a row that is not a
     *                               distribution over the vocabulary (the message names sequence and row)
     */
    public static EvaluationMetrics evaluate(SequenceModel model, List<int[]> sequences) {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        for (int s = 0; s < sequences.size(); s++) {
            int[] sequence = sequences.get(s);
            if (sequence.length < 2) continue;
            float[][] rows = model.predict(sequence);
            if (rows.length != sequence.length) {
                throw new IllegalStateException(model.name() + " returned " + rows.length + " rows for sequence " + s
                        + " of " + sequence.length + " tokens; expected one row per token");
            }
            for (int t = 0; t + 1 < sequence.length; t++) {
                try {
                    accumulator.add(rows[t], sequence[t + 1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(model.name() + ", sequence " + s + ", row " + t + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return accumulator.metrics();
    }
}
