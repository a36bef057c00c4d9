/**
 * Learning the player: the session's fast memory ({@link io.antiphon.engine.adapt.SessionMemory}, a bounded
 * variable-order model of the tokens heard) and its mixture with the trained model's distribution
 * ({@link io.antiphon.engine.adapt.AdaptiveMixture}, weights learned online from the player's tokens), and the
 * memory of the player's melodic intervals that leans the next note to them
 * ({@link io.antiphon.engine.adapt.MelodyMemory}), allocation-free on the performer thread;
 * and the slow memory's hand-over ({@link io.antiphon.engine.adapt.SessionLearner}): the session's tokens go out through
 * a lock-free ring ({@link io.antiphon.engine.adapt.SessionTokens}), fine-tuned weights come back through a
 * double-buffered slot ({@link io.antiphon.engine.adapt.WeightsSlot}) the kernel swaps at phrase boundaries; the
 * learner itself lives on the model side. Depends on {@code token} and {@code kernel}; used by the performer cores in
 * {@code perform} and by the adaptive evaluation of the model side (docs/design.md, Learning the player).
 */
package io.antiphon.engine.adapt;
