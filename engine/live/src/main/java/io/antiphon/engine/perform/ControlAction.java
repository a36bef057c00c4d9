package io.antiphon.engine.perform;

import java.util.Locale;

/** What a controller mapped to an action does when it sends a value of 64..127 (a button press). */
public enum ControlAction {
    /** End the human's phrase now: the performer answers at once (call-and-response). */
    ANSWER_NOW,
    /** Forget everything heard: the model's recurrent state returns to zero, and what the session taught is forgotten. */
    RESET_MEMORY,
    /** Forget what the session taught (the session memory and its weight); the model's recurrent state stays. */
    FORGET_LEARNING,
    /** End every sounding machine note and stop playing (as CC 123 does). */
    ALL_NOTES_OFF,
    /** A tap of tap tempo: two or more taps set the player clock's tempo and put a beat on the last tap. */
    TAP_TEMPO;

    /** The name used in presets' CC maps, e.g. {@code answer_now}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
