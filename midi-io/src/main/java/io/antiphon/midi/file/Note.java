package io.antiphon.midi.file;

/**
 * One sounded note read from (or written to) a Standard MIDI File.
 *
 * @param pitch        MIDI key number 0..127
 * @param velocity     note-on velocity 1..127
 * @param channel      MIDI channel 0..15 (9 is General MIDI percussion)
 * @param track        index of the SMF track the note came from
 * @param startTick    onset in the file's ticks
 * @param endTick      release in the file's ticks ({@code >= startTick})
 * @param startSeconds onset in seconds through the file's full tempo map
 * @param endSeconds   release in seconds through the file's full tempo map
 */
public record Note(int pitch, int velocity, int channel, int track,
                   long startTick, long endTick, double startSeconds, double endSeconds) {

    /** General MIDI percussion channel (channel 10, zero-based 9). */
    public static final int PERCUSSION_CHANNEL = 9;

    public Note {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("pitch out of range 0..127: " + pitch);
        if (velocity < 0 || velocity > 127) throw new IllegalArgumentException("velocity out of range 0..127: " + velocity);
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("channel out of range 0..15: " + channel);
        if (endTick < startTick) throw new IllegalArgumentException("note ends before it starts: " + startTick + ".." + endTick);
    }

    public boolean isPercussion() {
        return channel == PERCUSSION_CHANNEL;
    }

    public long durationTicks() {
        return endTick - startTick;
    }
}
