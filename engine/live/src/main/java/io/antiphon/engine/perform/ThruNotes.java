package io.antiphon.engine.perform;

/**
 * MIDI thru: the human's channel messages passed to the output unchanged (their own channel), and what of them still
 * sounds there, notes by channel and key and the sustain pedal by channel, so that nothing the human started through
 * thru can hang. The release of a note or pedal that thru passed always passes, even after thru was turned off;
 * {@link #releaseAll} ends everything thru passed at once; a release of something thru did not pass (it started
 * before thru was on, or was already ended by {@link #releaseAll}) is not sent, since the output never heard its
 * start. Allocation-free.
 */
final class ThruNotes {

    private static final int NOTE_OFF = 0x80;
    private static final int CONTROL_CHANGE = 0xB0;
    private static final int SUSTAIN_PEDAL = 64;

    private final OrderedOut out;
    private final boolean[] held = new boolean[16 * 128];
    private final boolean[] pedalDown = new boolean[16];
    private int count;

    ThruNotes(OrderedOut out) {
        this.out = out;
    }

    /**
     * Passes a note-on (velocity 1..127) and records the note as sounding on its channel. A note-on of a key thru
     * already sounds (a second port, or a device that retriggers without a note-off) ends the sounding note first, so
     * that every note-on at the output is matched by exactly one note-off.
     */
    void noteOn(long nanos, int status, int key, int velocity) {
        int index = (status & 0x0F) << 7 | key;
        if (held[index]) {
            out.send(nanos, NOTE_OFF | status & 0x0F, key, 0);
        } else {
            held[index] = true;
            count++;
        }
        out.send(nanos, status, key, velocity);
    }

    /** Passes a note-off (or a note-on of velocity 0) if thru passed the note's note-on and it still sounds. */
    void noteOff(long nanos, int status, int key, int velocity) {
        int index = (status & 0x0F) << 7 | key;
        if (!held[index]) return;
        held[index] = false;
        count--;
        out.send(nanos, status, key, velocity);
    }

    /**
     * A sustain pedal message (CC 64, {@code value} 64..127 down): pressing is passed when thru is on, releasing when
     * thru passed the pedal down on that channel.
     */
    void sustain(long nanos, int status, int value, boolean thruOn) {
        int channel = status & 0x0F;
        boolean down = value >= SUSTAIN_PEDAL;
        if (down ? !thruOn : !pedalDown[channel]) return;
        pedalDown[channel] = down;
        out.send(nanos, status, SUSTAIN_PEDAL, value);
    }

    /** Passes any other channel message (a controller, pitch bend, pressure) as it is. */
    void pass(long nanos, int status, int data1, int data2) {
        out.send(nanos, status, data1, data2);
    }

    /** Ends every note thru passed (a note-off each), then lifts every sustain pedal thru passed down. */
    void releaseAll(long nanos) {
        for (int index = 0; count > 0 && index < held.length; index++) {
            if (held[index]) {
                held[index] = false;
                count--;
                out.send(nanos, NOTE_OFF | index >>> 7, index & 0x7F, 0);
            }
        }
        for (int channel = 0; channel < 16; channel++) {
            if (pedalDown[channel]) {
                pedalDown[channel] = false;
                out.send(nanos, CONTROL_CHANGE | channel, SUSTAIN_PEDAL, 0);
            }
        }
    }

    /** Notes thru passed that still sound at the output. */
    int count() {
        return count;
    }
}
