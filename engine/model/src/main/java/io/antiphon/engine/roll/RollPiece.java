package io.antiphon.engine.roll;

import java.util.Arrays;
import java.util.Objects;

/**
 * One piece as a piano roll: a sequence of frames, each the set of the 88 piano keys sounding in it (key index
 * 0 = MIDI 21, A0, through 87 = MIDI 108, C8). A held note and a re-struck one look the same; an empty frame is
 * silence. Immutable.
 */
public final class RollPiece {

    /** Keys on the roll: the piano's 88. */
    public static final int KEYS = 88;
    /** The MIDI note number of key index 0. */
    public static final int LOWEST_PITCH = 21;

    private final String name;
    private final int[][] frames;

    /**
     * @param name   unique within its corpus, e.g. {@code jsb-test-004}
     * @param frames per frame, the sounding key indices 0..87 (any order; duplicates are merged)
     */
    public RollPiece(String name, int[][] frames) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a piece needs a name");
        this.name = name;
        this.frames = new int[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            int[] keys = Arrays.stream(frames[t]).sorted().distinct().toArray();
            for (int key : keys) {
                if (key < 0 || key >= KEYS) throw new IllegalArgumentException(name + ", frame " + t + ": key index " + key + " is outside 0.." + (KEYS - 1));
            }
            this.frames[t] = keys;
        }
    }

    /** A piece from MIDI note numbers (21..108) per frame. */
    public static RollPiece ofPitches(String name, int[][] pitches) {
        int[][] keys = new int[pitches.length][];
        for (int t = 0; t < pitches.length; t++) {
            keys[t] = new int[pitches[t].length];
            for (int i = 0; i < pitches[t].length; i++) {
                int pitch = pitches[t][i];
                if (pitch < LOWEST_PITCH || pitch >= LOWEST_PITCH + KEYS) {
                    throw new IllegalArgumentException(name + ", frame " + t + ": pitch " + pitch + " is outside the 88 keys "
                            + LOWEST_PITCH + ".." + (LOWEST_PITCH + KEYS - 1));
                }
                keys[t][i] = pitch - LOWEST_PITCH;
            }
        }
        return new RollPiece(name, keys);
    }

    public String name() {
        return name;
    }

    /** Number of frames. */
    public int length() {
        return frames.length;
    }

    /** The sounding key indices of frame {@code t}, ascending (a copy). */
    public int[] keys(int t) {
        return frames[t].clone();
    }

    /** The sounding key indices of frame {@code t}, ascending; the caller must not modify the array. */
    int[] keysView(int t) {
        return frames[t];
    }

    /** Whether key index {@code key} sounds in frame {@code t}. */
    public boolean sounds(int t, int key) {
        return Arrays.binarySearch(frames[t], key) >= 0;
    }

    /** Lowest sounding key index of the piece, or -1 if it is silent throughout. */
    public int lowestKey() {
        int lowest = Integer.MAX_VALUE;
        for (int[] frame : frames) if (frame.length > 0) lowest = Math.min(lowest, frame[0]);
        return lowest == Integer.MAX_VALUE ? -1 : lowest;
    }

    /** Highest sounding key index of the piece, or -1 if it is silent throughout. */
    public int highestKey() {
        int highest = -1;
        for (int[] frame : frames) if (frame.length > 0) highest = Math.max(highest, frame[frame.length - 1]);
        return highest;
    }

    /** The piece moved by {@code semitones}; every key must stay on the 88. */
    public RollPiece transposed(int semitones) {
        if (semitones == 0) return this;
        int[][] moved = new int[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            moved[t] = frames[t].clone();
            for (int i = 0; i < moved[t].length; i++) moved[t][i] += semitones;
        }
        return new RollPiece(name, moved);
    }

    /** Frames predicted when the piece is scored (every frame after the first). */
    public int predictedFrames() {
        return Math.max(0, frames.length - 1);
    }

    @Override
    public String toString() {
        return name + " (" + frames.length + " frames)";
    }
}
