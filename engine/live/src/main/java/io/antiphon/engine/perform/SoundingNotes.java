package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * The machine's sounding notes: every note-on is recorded here with its onset tick and channel, and its note-off goes
 * to that same channel. Both go out through the performer's {@link OrderedOut}.
 */
final class SoundingNotes {

    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;

    private final OrderedOut out;
    /** Onset tick by MIDI key, -1 when up. */
    private final long[] onsetTicks = new long[128];
    private final int[] channels = new int[128];
    private int count;
    private PerformerListener listener = PerformerListener.NONE;

    SoundingNotes(OrderedOut out) {
        this.out = out;
        Arrays.fill(onsetTicks, -1);
    }

    /** Who hears of each machine note sent ({@link PerformerListener#machineNote}). */
    void setListener(PerformerListener listener) {
        this.listener = listener;
    }

    /** Sends a note-on at {@code nanos} (channel 0..15) and records it as sounding since {@code tick}. */
    void noteOn(long nanos, long tick, int channel, int pitch, int velocity) {
        onsetTicks[pitch] = tick;
        channels[pitch] = channel;
        count++;
        out.send(nanos, NOTE_ON | channel, pitch, velocity);
        listener.machineNote(nanos, channel, pitch, velocity);
    }

    /** Sends the note-off of sounding key {@code pitch} at {@code nanos} on its note-on's channel. */
    void noteOff(long nanos, int pitch) {
        if (onsetTicks[pitch] < 0) throw new IllegalStateException("machine key " + pitch + " is not sounding");
        onsetTicks[pitch] = -1;
        count--;
        out.send(nanos, NOTE_OFF | channels[pitch], pitch, 0);
        listener.machineNote(nanos, channels[pitch], pitch, 0);
    }

    boolean isDown(int pitch) {
        return onsetTicks[pitch] >= 0;
    }

    /** The channel (0..15) of sounding key {@code pitch}'s note-on. */
    int channel(int pitch) {
        return channels[pitch];
    }

    int count() {
        return count;
    }

    /** Onset ticks by MIDI key, -1 when up (live array, read only). */
    long[] onsetTicks() {
        return onsetTicks;
    }
}
