package io.antiphon.engine.kernel;

/**
 * A recurrent next-token model stepped one token at a time. Owned by one thread.
 * Implementations on the live path allocate nothing per step.
 */
public interface StepModel extends RecurrentModel {

    /** Width of the one-hot input and of the output distribution. */
    int vocabularySize();

    /**
     * Feeds one token and writes the probability distribution of the next token into {@code probabilities}
     * (length {@link #vocabularySize()}). The recurrent state advances by one step.
     */
    void step(int token, float[] probabilities);
}
