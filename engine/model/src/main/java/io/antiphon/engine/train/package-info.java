/**
 * Training event LSTMs with DL4J's early stopping: the minibatch iterator over token windows, the shared training
 * loop, the progress bar, the training report and its loss chart ({@link io.antiphon.engine.train.Trainer},
 * {@link io.antiphon.engine.train.EarlyStoppingRun}). Depends on {@code corpus}, {@code eval} and {@code network};
 * the piano-roll trainer reuses its loop and the CLI's {@code train} runs it (docs/models.md).
 */
package io.antiphon.engine.train;
