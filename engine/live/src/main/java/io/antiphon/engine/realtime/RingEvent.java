package io.antiphon.engine.realtime;

/**
 * One preallocated, reused slot of an {@link EventRing}: a short MIDI message (or a shell command) with its time.
 * Producers fill it between claim and publish; only the ring's consumer reads it, during its drain.
 */
public final class RingEvent {

    /** What a slot carries. */
    public enum Kind {
        /**
         * A short MIDI message: from an input port (the human), from the terminal or code (e.g. a CC that sets a
         * parameter), or one the performer plays.
         */
        MIDI,
        /** Silence every sounding note now; the message fields are unused. */
        ALL_NOTES_OFF
    }

    Kind kind = Kind.MIDI;
    long nanos;
    int status;
    int data1;
    int data2;
    long causeNanos = -1;

    void set(Kind kind, long nanos, int status, int data1, int data2, long causeNanos) {
        this.kind = kind;
        this.nanos = nanos;
        this.status = status;
        this.data1 = data1;
        this.data2 = data2;
        this.causeNanos = causeNanos;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * On the input ring, when the message reached the shell; on the output ring, when it must be sent (both on the
     * session's {@link NanoClock}).
     */
    public long nanos() {
        return nanos;
    }

    public int status() {
        return status;
    }

    public int data1() {
        return data1;
    }

    public int data2() {
        return data2;
    }

    /** On the output ring: when the input event that caused this message reached the shell, or -1 if none did. */
    public long causeNanos() {
        return causeNanos;
    }
}
