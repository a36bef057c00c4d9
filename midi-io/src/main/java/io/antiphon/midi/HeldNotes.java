package io.antiphon.midi;

/**
 * The keys and sustain pedals an input source holds down right now, so that when the source goes away (a network
 * session ends, a port is lost) every note it started can be released. Sixteen channels of 128 keys; no allocation.
 * Not thread-safe: the thread that delivers the source's messages owns it.
 */
public final class HeldNotes {

    private final long[] keys = new long[16 * 2];
    private int pedals;   // bit per channel: sustain (CC 64) down

    /** Notes a channel message: note-on with velocity > 0 holds a key, note-off or velocity 0 releases it, CC 64 the pedal. */
    public void track(int status, int data1, int data2) {
        int kind = status & 0xF0;
        int channel = status & 0x0F;
        if (kind == 0x90 && data2 > 0) {
            keys[channel * 2 + (data1 >>> 6)] |= 1L << (data1 & 63);
        } else if (kind == 0x80 || kind == 0x90) {
            keys[channel * 2 + (data1 >>> 6)] &= ~(1L << (data1 & 63));
        } else if (kind == 0xB0 && data1 == 64) {
            pedals = data2 >= 64 ? pedals | (1 << channel) : pedals & ~(1 << channel);
        } else if (kind == 0xB0 && (data1 == 123 || data1 == 120)) {
            keys[channel * 2] = 0;
            keys[channel * 2 + 1] = 0;
        }
    }

    /** Whether this key (0..127) is held on this channel (0..15). */
    public boolean isDown(int channel, int key) {
        return (keys[(channel & 15) * 2 + ((key & 127) >>> 6)] & (1L << (key & 63))) != 0;
    }

    /** Whether any key or pedal is down. */
    public boolean any() {
        if (pedals != 0) return true;
        for (long word : keys) if (word != 0) return true;
        return false;
    }

    /** Sends a note-off (velocity 0) for every key held and a pedal-up for every pedal down, then forgets them. */
    public void releaseAll(MidiByteParser.Sink sink) {
        for (int channel = 0; channel < 16; channel++) {
            for (int half = 0; half < 2; half++) {
                long word = keys[channel * 2 + half];
                while (word != 0) {
                    int bit = Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    sink.shortMessage(0x80 | channel, half * 64 + bit, 0);
                }
                keys[channel * 2 + half] = 0;
            }
            if ((pedals & (1 << channel)) != 0) sink.shortMessage(0xB0 | channel, 64, 0);
        }
        pedals = 0;
    }
}
