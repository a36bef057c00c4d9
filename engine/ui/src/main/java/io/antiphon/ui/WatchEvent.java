package io.antiphon.ui;

import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerPhase;

/**
 * One preallocated, reused slot of the {@link WatchRing}: a human message, a machine note (sent, planned or dropped), a
 * parameter change or a status snapshot, filled on the performer thread and read by the page's thread during its drain.
 */
final class WatchEvent {

    /** What a slot carries. */
    enum Kind {
        /** A human channel message: {@code status}, {@code data1}, {@code data2}. */
        HUMAN,
        /** A machine note: {@code status} the channel, {@code data1} the key, {@code data2} the velocity (0: off). */
        MACHINE,
        /** A machine note sampled ahead, the plan: {@code status} the channel, {@code data1} the key, {@code data2} the velocity (0: its release). */
        PLANNED,
        /** A planned note-on dropped unsent: {@code status} the channel, {@code data1} the key, {@code nanos} its due time. */
        DROPPED,
        /** A parameter change: {@code data1} the parameter's ordinal, {@code value} its value. */
        PARAMETER,
        /** A status snapshot (the fields below). */
        STATUS
    }

    Kind kind = Kind.HUMAN;
    /** When: the message's arrival, the note's due time, the status's round (the session's clock). */
    long nanos;
    int status;
    int data1;
    int data2;
    double value;

    PerformerMode mode;
    PerformerPhase phase;
    double tempoBpm;
    boolean clockRunning;
    long bar;
    int beat;
    long answers;
    int machineNotesSounding;
    int humanKeysDown;
}
