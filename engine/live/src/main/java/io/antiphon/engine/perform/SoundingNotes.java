package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * The machine's sounding notes: every note-on is recorded here with its onset tick and channel, and its note-off goes
 * to that same channel. Both go out through a {@link NoteSink}: the performer's {@link OrderedOut}, or the
 * {@link ExpressionStage} in front of it. What is recorded here is the part as the model played it; the stage may
 * still hold a note-off that has been recorded here (see {@link ExpressionStage}).
 */
final class SoundingNotes {

    private final NoteSink out;
    /** Onset tick by MIDI key, -1 when up. */
    private final long[] onsetTicks = new long[128];
    private final int[] channels = new int[128];
    private int count;
    private PerformerListener listener = PerformerListener.NONE;

    SoundingNotes(NoteSink out) {
        this.out = out;
        Arrays.fill(onsetTicks, -1);
    }

    /**
     * Who hears of each machine note sent ({@link PerformerListener#machineNote}) as it is given here (the harmonizer's;
     * the performer's listener hears its notes from the {@link ExpressionStage}, as they go out).
     */
    void setListener(PerformerListener listener) {
        this.listener = listener;
    }

    /** Sends a note-on at {@code nanos} (channel 0..15) and records it as sounding since {@code tick}. */
    void noteOn(long nanos, long tick, int channel, int pitch, int velocity) {
        onsetTicks[pitch] = tick;
        channels[pitch] = channel;
        count++;
        out.noteOn(nanos, tick, channel, pitch, velocity);
        listener.machineNote(nanos, channel, pitch, velocity);
    }

    /** Ends sounding key {@code pitch} where its part ends it: at {@code tick}, whose time is {@code nanos}. */
    void release(long nanos, long tick, int pitch) {
        up(pitch);
        out.release(nanos, tick, channels[pitch], pitch);
        listener.machineNote(nanos, channels[pitch], pitch, 0);
    }

    /** Sends the note-off of sounding key {@code pitch} at {@code nanos} (now) on its note-on's channel. */
    void noteOff(long nanos, int pitch) {
        up(pitch);
        out.cut(nanos, channels[pitch], pitch);
        listener.machineNote(nanos, channels[pitch], pitch, 0);
    }

    private void up(int pitch) {
        if (onsetTicks[pitch] < 0) throw Messages.notSounding(pitch);
        onsetTicks[pitch] = -1;
        count--;
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

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalStateException notSounding(int pitch) {
            return new IllegalStateException("machine key " + pitch + " is not sounding");
        }
    }
}
