package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.StepModel;

/**
 * A {@link StepModel} that passes every call to a real one: the test models that change one thing about a real
 * model ({@link FailingStepModel}, {@link RecordingStepModel}, {@link RestingStepModel}) override only that.
 */
public abstract class ForwardingStepModel implements StepModel {

    /** The model every call goes to. */
    protected final StepModel model;

    protected ForwardingStepModel(StepModel model) {
        this.model = model;
    }

    @Override
    public int vocabularySize() {
        return model.vocabularySize();
    }

    @Override
    public void step(int token, float[] probabilities) {
        model.step(token, probabilities);
    }

    @Override
    public void reset() {
        model.reset();
    }

    @Override
    public RecurrentState newState() {
        return model.newState();
    }

    @Override
    public void saveState(RecurrentState into) {
        model.saveState(into);
    }

    @Override
    public void restoreState(RecurrentState from) {
        model.restoreState(from);
    }
}
