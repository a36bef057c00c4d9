package io.antiphon.engine.kernel;

/** Which implementation steps the network: the live kernel or DL4J's own {@code rnnTimeStep} (the reference). */
public enum StepEngine {
    /** {@link LstmStepKernel}: allocation-free, for the live path. */
    KERNEL,
    /** {@link Dl4jStepModel}: DL4J's {@code rnnTimeStep}, allocates per step; the reference. */
    DL4J
}
