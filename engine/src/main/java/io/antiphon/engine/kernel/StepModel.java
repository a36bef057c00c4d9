package io.antiphon.engine.kernel;

/**
 * A recurrent next-token model stepped one token at a time. Owned by one thread.
 * Implementations on the live path allocate nothing per step.
 */
public interface StepModel {

    /** Width of the one-hot input and of the output distribution. */
    int vocabularySize();

    /**
     * Feeds one token and writes the probability distribution of the next token into {@code probabilities}
     * (length {@link #vocabularySize()}). The recurrent state advances by one step.
     */
    void step(int token, float[] probabilities);

    /** Forgets everything heard: the recurrent state returns to zero. */
    void reset();

    /** A state holder sized for this model, for {@link #saveState} and {@link #restoreState}. */
    RecurrentState newState();

    /** Copies the current recurrent state into {@code into} (no allocation on the kernel). */
    void saveState(RecurrentState into);

    /** Makes {@code from} the current recurrent state. */
    void restoreState(RecurrentState from);
}
