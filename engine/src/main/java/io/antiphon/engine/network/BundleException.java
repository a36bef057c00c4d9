package io.antiphon.engine.network;

import java.io.IOException;

/** A model bundle that cannot be used: the message is one sentence naming the file and the fault. */
public class BundleException extends IOException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
