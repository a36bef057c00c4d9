/**
 * The step kernel: a stacked LSTM stepped one token ({@link io.antiphon.engine.kernel.StepModel}) or one piano-roll
 * frame ({@link io.antiphon.engine.kernel.RollStepModel}) at a time on plain float arrays, with DL4J's equations and
 * gate order, allocating nothing per step ({@link io.antiphon.engine.kernel.LstmStepKernel}, the Vector API or scalar
 * maths). Its weights come in as {@link io.antiphon.engine.kernel.LstmWeights}, plain arrays the model side fills from a
 * trained network. Depends on nothing of Antiphon's and on no DL4J; the performer cores, the real-time shell, the
 * model side's weight loader and parity check, and the harnesses use it (docs/design.md, The step kernel).
 */
package io.antiphon.engine.kernel;
