package io.antiphon.presets;

import java.io.IOException;

/**
 * A preset that cannot be used: the message is one sentence naming the preset and the fault. Whatever the
 * message quotes from the file is shown printable and on one line: control characters become '?' and a
 * message longer than {@value #MAX_MESSAGE_CHARS} characters is cut.
 */
public class PresetException extends IOException {

    static final int MAX_MESSAGE_CHARS = 600;

    public PresetException(String message) {
        super(oneLine(message));
    }

    private static String oneLine(String message) {
        String clean = message.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_MESSAGE_CHARS ? clean.substring(0, MAX_MESSAGE_CHARS) + "..." : clean;
    }
}
