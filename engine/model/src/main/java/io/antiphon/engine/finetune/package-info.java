/**
 * The slow memory (docs/design.md, Learning the player): the session fine-tunes a copy of the LSTM on the player's
 * latest phrases (dynamic evaluation: {@link io.antiphon.engine.finetune.DynamicEvaluation}) on a low-priority thread
 * within a CPU budget ({@link io.antiphon.engine.finetune.SessionFineTuner}, {@link io.antiphon.engine.finetune.TuningBudget}),
 * and hands the new weights to the live kernel through the live path's {@link io.antiphon.engine.adapt.SessionLearner}
 * hand-over. Depends on {@code network}, {@code eval} and {@code weights}, and on the live path's {@code adapt} and
 * {@code kernel}.
 */
package io.antiphon.engine.finetune;
