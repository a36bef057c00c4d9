package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.StepModel;

/**
 * A real {@link StepModel} that also keeps the tokens its state is made of: every step is logged; saving a state
 * remembers the log's length, and restoring that state cuts the log back to it; a reset clears it. So after any
 * sequence of steps and rollbacks, {@link #heard()} is exactly the token sequence the current state has heard.
 */
final class RecordingStepModel extends ForwardingStepModel {

    private final List<Integer> heard = new ArrayList<>();
    private final Map<RecurrentState, Integer> savedLengths = new IdentityHashMap<>();
    private int restores;

    RecordingStepModel(StepModel model) {
        super(model);
    }

    /** The tokens the current state has heard, in order. */
    int[] heard() {
        return heard.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many times a saved state was restored (a rollback). */
    int restores() {
        return restores;
    }

    /** The model's current recurrent state, copied. */
    RecurrentState state() {
        RecurrentState copy = model.newState();
        model.saveState(copy);
        return copy;
    }

    @Override
    public void step(int token, float[] probabilities) {
        model.step(token, probabilities);
        heard.add(token);
    }

    @Override
    public void reset() {
        model.reset();
        heard.clear();
    }

    @Override
    public void saveState(RecurrentState into) {
        model.saveState(into);
        savedLengths.put(into, heard.size());
    }

    @Override
    public void restoreState(RecurrentState from) {
        model.restoreState(from);
        Integer length = savedLengths.get(from);
        if (length == null) throw new IllegalStateException("restoring a state that was never saved");
        heard.subList(length, heard.size()).clear();
        restores++;
    }
}
