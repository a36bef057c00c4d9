package io.antiphon.engine.network;

import java.io.IOException;

/**
 * A model bundle that cannot be used: the message is one sentence naming the file and the fault. Whatever the
 * message quotes from the bundle is shown printable and on one line: control characters become '?' and a
 * message longer than {@value #MAX_MESSAGE_CHARS} characters is cut.
 */
public class BundleException extends IOException {

    static final int MAX_MESSAGE_CHARS = 600;

    public BundleException(String message) {
        super(oneLine(message));
    }

    public BundleException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        String clean = message.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_MESSAGE_CHARS ? clean.substring(0, MAX_MESSAGE_CHARS) + "..." : clean;
    }
}
