package io.antiphon.engine.harness;

import java.util.Map;

/** A demo's result, whatever its mode: its own figures, the shared recording, and all of it as JSON keys. */
public interface DemoReport {

    /** The latencies, counters and files every demo produces. */
    DemoRecording recording();

    /** Note-ons without a note-off in the recorded output (0 unless something is badly wrong). */
    int hangingNotes();

    /** Snake-case keys, for JSON: the mode's figures, then the recording's. */
    Map<String, Object> toMap();
}
