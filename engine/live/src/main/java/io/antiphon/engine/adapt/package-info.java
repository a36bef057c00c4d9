/**
 * Learning the player: the session's fast memory ({@link io.antiphon.engine.adapt.SessionMemory}, a bounded
 * variable-order model of the tokens heard) and its mixture with the trained model's distribution
 * ({@link io.antiphon.engine.adapt.AdaptiveMixture}, weights learned online), allocation-free on the performer thread.
 * Depends on {@code token}; used by the performer cores in {@code perform} and by the adaptive evaluation of the
 * model side (docs/design.md, Learning the player).
 */
package io.antiphon.engine.adapt;
