package io.antiphon.engine.kernel;

/**
 * A {@link RecurrentModel} that leaves its recurrent state to a real one: the base of the test models that wrap a real
 * model and change one thing about it (a step model's or a piano-roll model's steps).
 *
 * @param <M> the kind of model wrapped
 */
public abstract class ForwardingRecurrentModel<M extends RecurrentModel> implements RecurrentModel {

    /** The model every call goes to. */
    protected final M model;

    protected ForwardingRecurrentModel(M model) {
        this.model = model;
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
