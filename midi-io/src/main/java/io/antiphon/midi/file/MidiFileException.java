package io.antiphon.midi.file;

import java.io.IOException;

/**
 * A Standard MIDI File that cannot be read; the message names the file and what is wrong with it. Whatever
 * the message quotes (a parser's reason, bytes of the file) is shown printable and on one line: control
 * characters become '?' and a message longer than {@value #MAX_MESSAGE_CHARS} characters is cut.
 */
public class MidiFileException extends IOException {

    static final int MAX_MESSAGE_CHARS = 600;

    public MidiFileException(String message) {
        super(oneLine(message));
    }

    public MidiFileException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        String clean = message.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_MESSAGE_CHARS ? clean.substring(0, MAX_MESSAGE_CHARS) + "..." : clean;
    }
}
