package io.antiphon.presets;

import java.io.IOException;

/** A preset that cannot be used: the message is one sentence naming the preset and the fault. */
public class PresetException extends IOException {

    public PresetException(String message) {
        super(message);
    }
}
