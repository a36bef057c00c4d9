package io.antiphon.engine.adapt;

/**
 * The slow memory's learner (docs/design.md, Learning the player): it reads the session's tokens from
 * {@link #tokens()}, which the performer writes, learns from them on a thread of its own within a CPU budget, and
 * hands new weights to the performer's kernel through {@link #weights()}, which the performer takes at a phrase
 * boundary. The live path knows only this hand-over; the learning itself (a network and its gradients) lives on the
 * model side. Closing stops the thread; the kernel keeps the weights it reads.
 */
public interface SessionLearner extends AutoCloseable {

    /** The ring the performer writes the session's tokens into. */
    SessionTokens tokens();

    /** The slot the learner hands fine-tuned weights through. */
    WeightsSlot weights();

    /** Stops learning and waits for the thread to end. */
    @Override
    void close();
}
