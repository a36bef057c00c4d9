package io.antiphon.engine.finetune;

/**
 * How much the session's fine-tuning may learn and spend: at most {@code stepsPerPhrase} passes over the latest
 * {@code windowTokens} tokens after each phrase, and a share {@code dutyCycle} of one core (after each round of work
 * the learner rests until its work is that share of the time passed).
 *
 * @param stepsPerPhrase passes over the window per phrase, 1..16
 * @param windowTokens   the most recent tokens each pass learns from, 16..4096
 * @param dutyCycle      the share of one core the learner may use, (0, 1]
 * @param learningRate   the SGD step on the gradient (clipped per layer as the network was trained)
 * @param decay          after each pass, this share of the way back to the trained weights (0 none), 0..1
 */
public record TuningBudget(int stepsPerPhrase, int windowTokens, double dutyCycle, double learningRate, double decay) {

    /** The live default: 2 passes over the latest 256 tokens per phrase, a quarter of one core. */
    public static final TuningBudget DEFAULT = new TuningBudget(2, 256, 0.25, 0.1, 0.02);

    public TuningBudget {
        if (stepsPerPhrase < 1 || stepsPerPhrase > 16) throw new IllegalArgumentException("steps per phrase must be 1..16, got " + stepsPerPhrase);
        if (windowTokens < 16 || windowTokens > 4096) throw new IllegalArgumentException("the window must be 16..4096 tokens, got " + windowTokens);
        if (!(dutyCycle > 0 && dutyCycle <= 1)) throw new IllegalArgumentException("the duty cycle must be in (0, 1], got " + dutyCycle);
        if (!(learningRate > 0)) throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        if (!(decay >= 0 && decay <= 1)) throw new IllegalArgumentException("the decay must be in [0, 1], got " + decay);
    }

    /** How long to rest after {@code workNanos} of work to keep to {@link #dutyCycle}. */
    public long restNanos(long workNanos) {
        return Math.round(workNanos * (1 - dutyCycle) / dutyCycle);
    }
}
