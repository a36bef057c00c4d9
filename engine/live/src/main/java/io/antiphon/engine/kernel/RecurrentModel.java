package io.antiphon.engine.kernel;

/**
 * What every recurrent model stepped live shares, whatever it reads and predicts ({@link StepModel}: one event token
 * per step; {@link RollStepModel}: one piano-roll frame per step): a recurrent state that can be cleared, saved and
 * restored without allocating on the kernel. Owned by one thread.
 */
public interface RecurrentModel {

    /** Forgets everything heard: the recurrent state returns to zero. */
    void reset();

    /** A state holder sized for this model, for {@link #saveState} and {@link #restoreState}. */
    RecurrentState newState();

    /** Copies the current recurrent state into {@code into} (no allocation on the kernel). */
    void saveState(RecurrentState into);

    /** Makes {@code from} the current recurrent state. */
    void restoreState(RecurrentState from);
}
