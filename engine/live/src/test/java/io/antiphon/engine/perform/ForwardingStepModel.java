package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.ForwardingRecurrentModel;
import io.antiphon.engine.kernel.StepModel;

/**
 * A {@link StepModel} that passes every call to a real one: the test models that change one thing about a real
 * model ({@link FailingStepModel}, {@link RecordingStepModel}, {@link RestingStepModel}) override only that.
 */
public abstract class ForwardingStepModel extends ForwardingRecurrentModel<StepModel> implements StepModel {

    protected ForwardingStepModel(StepModel model) {
        super(model);
    }

    @Override
    public int vocabularySize() {
        return model.vocabularySize();
    }

    @Override
    public void step(int token, float[] probabilities) {
        model.step(token, probabilities);
    }
}
