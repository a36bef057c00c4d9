package io.antiphon.engine.realtime;

/**
 * What is sounding at the output: how many note-ons minus note-offs were sent per (channel, key), and which channels
 * carried notes lately. The scheduler's last line of defence against hanging notes. One thread owns it.
 */
public final class SoundingAtOutput {

    /** Receives one sounding note. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int channel, int key);
    }

    private final byte[] counts = new byte[16 * 128];
    private int usedChannels;
    private int sounding;

    /** A note-on was sent. Counts saturate at 127 per key. */
    public void noteOn(int channel, int key) {
        int index = channel << 7 | key;
        if (counts[index] < Byte.MAX_VALUE) {
            counts[index]++;
            sounding++;
        }
        usedChannels |= 1 << channel;
    }

    /** Returns whether {@code key} was sounding on {@code channel}; if so, one of its notes ends. */
    public boolean noteOff(int channel, int key) {
        int index = channel << 7 | key;
        if (counts[index] == 0) return false;
        counts[index]--;
        sounding--;
        return true;
    }

    /** Notes sounding (a key struck twice and released once counts once). */
    public int sounding() {
        return sounding;
    }

    /** Bit c set when channel c carried a note-on since the last call; clears the bits. */
    public int takeUsedChannels() {
        int channels = usedChannels;
        usedChannels = 0;
        return channels;
    }

    /** Visits every sounding note once per note-on still unmatched, then forgets them all. */
    public void releaseAll(Visitor visitor) {
        for (int index = 0; index < counts.length; index++) {
            while (counts[index] > 0) {
                counts[index]--;
                sounding--;
                visitor.visit(index >>> 7, index & 0x7F);
            }
        }
    }
}
