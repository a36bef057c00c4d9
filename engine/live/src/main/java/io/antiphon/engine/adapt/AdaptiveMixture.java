package io.antiphon.engine.adapt;

import io.antiphon.engine.token.Vocabulary;

/**
 * Mixes the trained model's next-token distribution with the session's {@link SessionMemory} (docs/design.md,
 * Learning the player), by weights learned online from each one's recent predictive success.
 *
 * <p>A switching Bayesian mixture of the two (Herbster and Warmuth's fixed share): after each token the weights become
 * the posterior, {@code w_i ∝ w_i p_i(token)}, so that each weight is {@code exp} of its model's log-loss on the
 * session so far, relative to the other's; then {@link #SHARE} of the weight is shared out evenly, so that neither
 * falls below {@code SHARE / 2} and the mixture switches back within a few tokens when the other begins to predict
 * better (a player who leaves a repeated section, or returns to one). Only the player's tokens move the weights (see
 * {@link #observe}). The distribution sampled
 * is {@code (1 - a w) p_model + a w p_memory} with {@code w} the memory's weight and {@code a} the {@code adapt}
 * parameter: 0 plays the trained model alone, 1 the learned mixture.
 *
 * <p>The same code scores the corpora ({@code eval --adapt}) and plays. Allocation-free after construction; owned by
 * one thread.
 */
public final class AdaptiveMixture {

    /** Tokens the memory keeps at least (it holds up to an eighth more), a few minutes of playing. */
    public static final int MEMORY_TOKENS = 2048;
    /** The longest context the memory matches, in tokens (about five notes). */
    public static final int MEMORY_ORDER = 16;
    /** The fixed share: each weight keeps at least half of it. */
    public static final double SHARE = 0.02;
    /** Below this, a probability counts as this (a log-score stays finite). */
    private static final double FLOOR = 1e-9;

    private final SessionMemory memory;
    private final float[] memoryDistribution = new float[Vocabulary.SIZE];
    private final float[] mixed = new float[Vocabulary.SIZE];
    private double memoryWeight;

    private long savedPosition;
    private double savedMemoryWeight;

    public AdaptiveMixture() {
        this(new SessionMemory(MEMORY_TOKENS, MEMORY_ORDER));
    }

    public AdaptiveMixture(SessionMemory memory) {
        this.memory = memory;
        clear();
    }

    /** Forgets what the session taught: the memory empties, the weights return to even. */
    public void clear() {
        memory.clear();
        memoryWeight = 0.5;
        memory.predict(memoryDistribution);
    }

    /**
     * Learns a token heard: scores both predictions of it (when the model had one and the token counts fully), then the
     * memory takes it in and predicts the next.
     *
     * <p>Only a token that counts fully (the player's) moves the weights. The machine's own tokens were drawn from this
     * very mixture: scored, they would let the weight follow the machine's draws, towards the memory (an answer that
     * restates the call) or away from it (an answer that ignores it), whichever the first draws happened to favour.
     *
     * @param token             the token
     * @param modelDistribution the model's distribution this token was drawn from or came against; null when the
     *                          model had none (the first token)
     * @param weight            how much the token counts in the memory (see {@link SessionMemory#append})
     */
    public void observe(int token, float[] modelDistribution, float weight) {
        if (modelDistribution != null && weight >= 1f) {
            double fromMemory = memoryWeight * Math.max(memoryDistribution[token], FLOOR);
            double fromModel = (1 - memoryWeight) * Math.max(modelDistribution[token], FLOOR);
            memoryWeight = (1 - SHARE) * fromMemory / (fromMemory + fromModel) + SHARE / 2;
        }
        memory.append(token, weight);
        memory.predict(memoryDistribution);
    }

    /**
     * The distribution to sample: {@code modelDistribution} mixed with the memory's by the learned weight scaled by
     * {@code adapt} (0..1). Returns a live array, valid until the next call.
     */
    public float[] mix(float[] modelDistribution, double adapt) {
        double w = Math.max(0, Math.min(1, adapt)) * memoryWeight;
        float a = (float) (1 - w);
        float b = (float) w;
        for (int t = 0; t < Vocabulary.SIZE; t++) mixed[t] = a * modelDistribution[t] + b * memoryDistribution[t];
        return mixed;
    }

    /** The memory's share of the mixture now (before {@code adapt}), SHARE/2 .. 1 - SHARE/2. */
    public double memoryWeight() {
        return memoryWeight;
    }

    /** Tokens the memory holds. */
    public int memorySize() {
        return memory.size();
    }

    /** Saves the point {@link #restore} returns to. */
    public void save() {
        savedPosition = memory.position();
        savedMemoryWeight = memoryWeight;
    }

    /** Undoes the tokens observed since {@link #save}. */
    public void restore() {
        if (memory.position() == savedPosition) return;
        memory.truncateTo(savedPosition);
        memoryWeight = savedMemoryWeight;
        memory.predict(memoryDistribution);
    }
}
