package io.antiphon.engine.perform;

/** The human's keys (all 128, any channel) and sustain pedal, as last reported. */
final class HumanKeys {

    private final boolean[] down = new boolean[128];
    private int count;
    private boolean sustain;

    /** Presses {@code pitch}; returns whether it was already down. */
    boolean press(int pitch) {
        if (down[pitch]) return true;
        down[pitch] = true;
        count++;
        return false;
    }

    /** Releases {@code pitch}; returns whether it was down. */
    boolean release(int pitch) {
        if (!down[pitch]) return false;
        down[pitch] = false;
        count--;
        return true;
    }

    void setSustain(boolean pedalDown) {
        sustain = pedalDown;
    }

    boolean sustain() {
        return sustain;
    }

    int count() {
        return count;
    }

    /** No key down and the pedal up: nothing the human plays is sounding. */
    boolean allUp() {
        return count == 0 && !sustain;
    }

    /** Down flags by MIDI key (live array, read only). */
    boolean[] downByPitch() {
        return down;
    }
}
