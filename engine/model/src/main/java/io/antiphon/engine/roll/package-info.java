/**
 * Piano-roll models, the polyphonic-music benchmark's kind: an 88-key frame in, 88 sigmoids out; their corpus files,
 * network, trainer, frame NLL and key-frequency baseline, evaluation, and the merging of several into one network
 * ({@link io.antiphon.engine.roll.RollTrainer}, {@link io.antiphon.engine.roll.RollEvaluation},
 * {@link io.antiphon.engine.roll.RollEnsemble}). Depends on {@code corpus}, {@code network} and {@code train}; the
 * studies and the CLI's {@code train-roll}, {@code eval-roll} and {@code merge-roll} use it (docs/models.md).
 */
package io.antiphon.engine.roll;
