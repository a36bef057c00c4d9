/**
 * The event vocabulary: 240 tokens, one LSTM step each ({@link io.antiphon.engine.token.Vocabulary}:
 * {@code NOTE_ON}, {@code NOTE_OFF}, {@code TIME_SHIFT} in ticks of 1/24 quarter note, {@code VELOCITY}), and the
 * exact translation between notes and tokens ({@link io.antiphon.engine.token.TokenEncoder},
 * {@link io.antiphon.engine.token.TokenDecoder}). The bottom of the engine: it depends on nothing of Antiphon's, and the
 * sampler, the performer cores, the corpora, the networks and the studies all speak it (docs/design.md, The event
 * vocabulary).
 */
package io.antiphon.engine.token;
