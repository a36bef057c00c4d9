/**
 * Scoring event models on a corpus split: per-token NLL, accuracy and note-on pitch accuracy of the LSTM beside the
 * variable-order Markov baseline on exactly the same tokens ({@link io.antiphon.engine.eval.CorpusEvaluation},
 * {@link io.antiphon.engine.eval.MarkovBaseline}). Depends on {@code corpus} and {@code token}; training (validation
 * scores), the studies and the CLI's {@code eval} use it (docs/models.md).
 */
package io.antiphon.engine.eval;
