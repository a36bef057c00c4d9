package io.antiphon.engine.study;

import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A held-out chorale as the next-pitch measure reads it: a frame of the piano-roll benchmark file
 * ({@code jsb-chorales-quarter.json}) per quarter note, in that file's key and register (Boulanger-Lewandowski's, the
 * one the piano-roll model was trained on), so both models are asked about exactly the same notes. The soprano is the
 * highest key of a frame. A key sounding on consecutive frames is one held note (the file does not mark re-strikes).
 *
 * @param name   the chorale, e.g. {@code jsb-test-004}
 * @param frames per frame, the MIDI pitches sounding, ascending
 */
public record QuarterChorale(String name, int[][] frames) {

    /** "No pitch": the soprano of a silent frame, the floor when the soprano sounds alone. */
    public static final int REST = -1;
    /** Velocity of every note (the file has no dynamics), as the event corpus gives the chorales. */
    private static final int VELOCITY = 80;

    /** The chorales of {@code split} of the benchmark file. */
    public static List<QuarterChorale> of(PianoRollCorpus corpus, Split split) throws IOException {
        List<QuarterChorale> result = new ArrayList<>();
        for (RollPiece piece : corpus.pieces(split)) {
            int[][] frames = new int[piece.length()][];
            for (int t = 0; t < frames.length; t++) {
                int[] keys = piece.keys(t);
                frames[t] = new int[keys.length];
                for (int i = 0; i < keys.length; i++) frames[t][i] = keys[i] + RollPiece.LOWEST_PITCH;
            }
            result.add(new QuarterChorale(piece.name(), frames));
        }
        return result;
    }

    /** The soprano's pitch in {@code frame} (its highest key), or {@link REST} in silence. */
    public int soprano(int frame) {
        int[] pitches = frames[frame];
        return pitches.length == 0 ? REST : pitches[pitches.length - 1];
    }

    /**
     * The highest pitch below the soprano in {@code frame}, or {@link REST} when the soprano sounds
     * alone: the floor above which the full-texture measure looks for the soprano's next pitch.
     */
    public int highestLowerVoice(int frame) {
        int[] pitches = frames[frame];
        return pitches.length < 2 ? REST : pitches[pitches.length - 2];
    }

    /** The soprano's notes (runs of the same highest pitch), a frame lasting a quarter note. */
    public List<TimedNote> sopranoNotes() {
        List<TimedNote> notes = new ArrayList<>();
        for (int f = 0; f < frames.length; ) {
            int pitch = soprano(f);
            int end = f + 1;
            while (end < frames.length && soprano(end) == pitch) end++;
            if (pitch != REST) notes.add(note(pitch, f, end));
            f = end;
        }
        return notes;
    }

    /** Every key's notes (runs of frames it sounds in), in onset order. */
    public List<TimedNote> allNotes() {
        boolean[][] roll = roll(false);
        List<TimedNote> notes = new ArrayList<>();
        for (int key = 0; key < Vocabulary.PITCHES; key++) {
            for (int f = 0; f < roll.length; ) {
                if (!roll[f][key]) {
                    f++;
                    continue;
                }
                int end = f + 1;
                while (end < roll.length && roll[end][key]) end++;
                notes.add(note(key + Vocabulary.LOWEST_PITCH, f, end));
                f = end;
            }
        }
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return notes;
    }

    /** The keys sounding in each frame (all of them, or the soprano alone), as the piano-roll model hears them. */
    public boolean[][] roll(boolean sopranoOnly) {
        boolean[][] roll = new boolean[frames.length][Vocabulary.PITCHES];
        for (int f = 0; f < frames.length; f++) {
            if (sopranoOnly) {
                int pitch = soprano(f);
                if (pitch != REST) roll[f][pitch - Vocabulary.LOWEST_PITCH] = true;
            } else {
                for (int pitch : frames[f]) roll[f][pitch - Vocabulary.LOWEST_PITCH] = true;
            }
        }
        return roll;
    }

    private static TimedNote note(int pitch, int startFrame, int endFrame) {
        return new TimedNote(pitch, VELOCITY, (long) startFrame * Vocabulary.TICKS_PER_QUARTER,
                (long) endFrame * Vocabulary.TICKS_PER_QUARTER);
    }
}
