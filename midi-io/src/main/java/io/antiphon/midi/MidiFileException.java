package io.antiphon.midi;

import java.io.IOException;

/** A Standard MIDI File that cannot be read; the message names the file and what is wrong with it. */
public class MidiFileException extends IOException {

    public MidiFileException(String message) {
        super(message);
    }

    public MidiFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
