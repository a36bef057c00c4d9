package io.antiphon.midi.render;

import java.util.Objects;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * A short MIDI message at a time in microseconds from the start of a rendering or performance.
 * Treat {@code message} as immutable once built.
 */
public record TimedMessage(long timeMicros, ShortMessage message) {

    public TimedMessage {
        Objects.requireNonNull(message, "message");
        if (timeMicros < 0) throw new IllegalArgumentException("negative message time: " + timeMicros + " µs");
    }

    /** A channel message, e.g. {@code of(0, ShortMessage.NOTE_ON, 0, 60, 100)}. */
    public static TimedMessage of(long timeMicros, int command, int channel, int data1, int data2) {
        try {
            return new TimedMessage(timeMicros, new ShortMessage(command, channel, data1, data2));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("invalid MIDI message (command " + command + ", channel " + channel
                    + ", data " + data1 + ", " + data2 + "): " + e.getMessage(), e);
        }
    }
}
