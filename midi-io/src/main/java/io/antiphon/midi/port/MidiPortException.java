package io.antiphon.midi.port;

import java.io.IOException;

/** A MIDI port that cannot be found or opened; the message names the port and lists the available ones. */
public class MidiPortException extends IOException {

    public MidiPortException(String message) {
        super(message);
    }
}
