/**
 * Drawing the machine's next token: {@link io.antiphon.engine.sampling.Sampler} (mask, temperature, top-k, top-p, a
 * seeded draw) and {@link io.antiphon.engine.sampling.MaskRules} (keyboard consistency, key and scale, range, polyphony,
 * the longest note), allocation-free on the performer thread. Depends on {@code token}; used by the performer cores
 * in {@code perform} and by the studies of the model side (docs/design.md, Sampling).
 */
package io.antiphon.engine.sampling;
