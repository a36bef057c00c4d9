/**
 * The bridge from a trained DL4J network to the live path: {@link io.antiphon.engine.weights.Dl4jWeights} reads its
 * parameters into the kernel's {@link io.antiphon.engine.kernel.LstmWeights};
 * {@link io.antiphon.engine.weights.Dl4jStepModel} steps DL4J's own {@code rnnTimeStep}, the reference path;
 * {@link io.antiphon.engine.weights.KernelParity} checks that both compute the same;
 * {@link io.antiphon.engine.weights.StepModels} builds either. Depends on {@code kernel} and DL4J; the harnesses and the
 * CLI turn bundles into step models through it (docs/design.md, The step kernel).
 */
package io.antiphon.engine.weights;
