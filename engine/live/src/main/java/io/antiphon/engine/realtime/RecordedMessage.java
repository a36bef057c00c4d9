package io.antiphon.engine.realtime;

/** A short MIDI message as a {@link RecordingReceiver} got it, stamped on the session clock. */
public record RecordedMessage(long nanos, int status, int data1, int data2) {

    public int command() {
        return status & 0xF0;
    }

    public int channel() {
        return status & 0x0F;
    }

    /** A note-on with a velocity above 0. */
    public boolean isNoteOn() {
        return command() == 0x90 && data2 > 0;
    }

    /** A note-off, or a note-on with velocity 0. */
    public boolean isNoteOff() {
        return command() == 0x80 || command() == 0x90 && data2 == 0;
    }
}
