package io.antiphon.engine.perform;

/**
 * What the real-time shell drives: a plain object that takes the human's timestamped MIDI and the passing of time on
 * an injected clock, and sends its own notes to a {@link MidiOut}. No threads, ports or wall clock inside; only the
 * performer thread calls it, and {@link #onMidi}, {@link #advance} and {@link #allNotesOff} allocate nothing once
 * warm. Implemented by {@link Performer} (call-and-response and jam, on an event model) and {@link Harmonizer}
 * (harmonize, on a piano-roll model).
 */
public interface PerformerCore {

    /** A human MIDI message stamped on the injected clock (time first moves to {@code nanos}). */
    void onMidi(long nanos, int status, int data1, int data2);

    /** Moves time to {@code nanos} and plays what is due by then. */
    void advance(long nanos);

    /**
     * Ends every sounding machine note (and every note thru passed) now and stops playing until the human plays
     * again. For stop, error, port loss and shutdown; CC 120 and 123 do the same.
     */
    void allNotesOff(long nanos);

    /** Copies a snapshot into {@code into} without allocating. */
    void readStatus(PerformerStatus into);

    /** The live parameters, changed by controllers or by code. */
    PerformerParameters parameters();

    /** Who hears of program changes and controller moves (on the performer thread); null for nobody. */
    void setListener(PerformerListener listener);
}
