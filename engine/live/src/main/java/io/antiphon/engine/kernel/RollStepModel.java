package io.antiphon.engine.kernel;

/**
 * A recurrent piano-roll model stepped one frame at a time: the input is many-hot (the keys sounding in the frame, as
 * indexes 0..{@link #keys()}-1, key 0 = MIDI 21 on an 88-key roll), the output is, per key, the probability that it
 * sounds in the next frame (independent sigmoids, not a distribution). Owned by one thread; implementations on the
 * live path allocate nothing per step.
 */
public interface RollStepModel extends RecurrentModel {

    /** Width of the many-hot input and of the output (88 for a piano roll). */
    int keys();

    /**
     * Feeds one frame, the keys {@code keys[0, count)} on (in any order, no repeats; {@code count} 0 is a silent
     * frame), and writes each key's probability of sounding in the next frame into {@code probabilities} (length
     * {@link #keys()}). The recurrent state advances by one step.
     */
    void stepFrame(int[] keys, int count, float[] probabilities);
}
