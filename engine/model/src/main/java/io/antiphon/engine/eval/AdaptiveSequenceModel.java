package io.antiphon.engine.eval;

import io.antiphon.engine.adapt.AdaptiveMixture;

/**
 * A model as it plays with the session's learning (docs/design.md, Learning the player): each sequence is a session,
 * predicted token by token by the wrapped model's distribution mixed with an {@link AdaptiveMixture} that has learned
 * the tokens already seen, and forgets them before the next sequence. The same mixture code as the live path, run over
 * the wrapped model's per-token distributions: what {@code eval --adapt} scores.
 */
public final class AdaptiveSequenceModel implements SequenceModel {

    private final SequenceModel model;
    private final AdaptiveMixture mixture;
    private final double adapt;

    /**
     * @param model the trained model
     * @param adapt how much the session's learning joins it, 0..1 (the {@code adapt} parameter)
     */
    public AdaptiveSequenceModel(SequenceModel model, double adapt) {
        this(model, new AdaptiveMixture(), adapt);
    }

    public AdaptiveSequenceModel(SequenceModel model, AdaptiveMixture mixture, double adapt) {
        if (!(adapt >= 0 && adapt <= 1)) throw new IllegalArgumentException("adapt must be within 0..1: " + adapt);
        this.model = model;
        this.mixture = mixture;
        this.adapt = adapt;
    }

    @Override
    public String name() {
        return model.name() + "+session";
    }

    @Override
    public float[][] predict(int[] tokens) {
        float[][] rows = model.predict(tokens);
        mixture.clear();
        float[][] mixed = new float[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            // rows[t] predicts token t+1; the mixture has learned tokens 0..t
            mixture.observe(tokens[t], t == 0 ? null : rows[t - 1], 1f);
            mixed[t] = mixture.mix(rows[t], adapt).clone();
        }
        return mixed;
    }
}
