package io.antiphon.engine.perform;

/**
 * What the performer tells its shell, on the performer thread, from inside {@link Performer#onMidi}: implementations
 * must return quickly and must not allocate (hand work to another thread through a preallocated queue).
 */
public interface PerformerListener {

    /** Does nothing. */
    PerformerListener NONE = new PerformerListener() {
    };

    /** The human sent Program Change {@code program} (0..127): a request to switch preset. */
    default void programChange(int program) {
    }

    /** A controller changed {@code parameter} to {@code value}. */
    default void parameterChanged(Parameter parameter, double value) {
    }

    /**
     * The machine sent a note-on ({@code velocity} 1..127) or note-off ({@code velocity} 0) on {@code channel} (0..15),
     * stamped {@code nanos}: when it is due at the output, which may be ahead of now (sampled ahead, not yet played).
     */
    default void machineNote(long nanos, int channel, int key, int velocity) {
    }

    /**
     * The machine sampled a note-on ({@code velocity} 1..127) or a release (0) on {@code channel} (0..15) due at
     * {@code nanos}, beyond what goes out now: its plan (see {@code plan_beats}). It goes out when due, as a
     * {@link #machineNote} with the same time, unless dropped first ({@link #machinePlanDropped}).
     */
    default void machinePlanned(long nanos, int channel, int key, int velocity) {
    }

    /**
     * A planned note-on due at {@code nanos} on {@code channel} and {@code key} was dropped before it went out (a
     * barge-in, a stop, the human taking the key, or {@code max_polyphony} lowered below the notes sounding when it came
     * due), and its planned release with it.
     */
    default void machinePlanDropped(long nanos, int channel, int key) {
    }
}
