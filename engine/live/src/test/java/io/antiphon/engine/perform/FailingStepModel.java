package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.StepModel;

/**
 * A real {@link StepModel} that can be told to throw once, at its n-th next step: the fault that ends a performer
 * thread in the shell (the model, the sampler or a bug throwing mid-token), injected where it hurts most.
 */
public final class FailingStepModel extends ForwardingStepModel {

    /** What the injected fault throws. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault() {
            super("injected fault in the step model");
        }
    }

    private volatile int stepsUntilFault;

    public FailingStepModel(StepModel model) {
        super(model);
    }

    /** The {@code steps}-th step from now throws {@link InjectedFault} (once); 0 disarms. */
    public void failAtStep(int steps) {
        stepsUntilFault = steps;
    }

    @Override
    public void step(int token, float[] probabilities) {
        if (stepsUntilFault > 0 && --stepsUntilFault == 0) throw new InjectedFault();
        model.step(token, probabilities);
    }
}
