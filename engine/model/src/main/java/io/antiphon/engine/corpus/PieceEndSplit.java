package io.antiphon.engine.corpus;

import io.antiphon.engine.token.TimedNote;

import java.util.ArrayList;
import java.util.List;

/**
 * The split of a small folder of MIDI files, inside each piece: in onset order, the first 80 % of a piece's notes are
 * {@link Split#TRAIN}, the next 10 % {@link Split#VALID} and the last 10 % {@link Split#TEST}. A cut never falls inside
 * a chord (notes with the same onset stay together), and the validation and test parts start at tick 0. A piece of
 * fewer than {@value #MIN_NOTES} notes is all training. So every piece is heard in training and every piece's ending is
 * held out: three files are enough to train, choose the best epoch and report test figures.
 */
public final class PieceEndSplit {

    /** Below this many notes a piece gives nothing to validation and test. */
    public static final int MIN_NOTES = 10;
    static final double TRAIN_SHARE = 0.8;
    static final double VALID_SHARE = 0.1;

    private PieceEndSplit() {
    }

    /** The part of {@code notes} (a piece's notes in onset order) that belongs to {@code split}; may be empty. */
    public static List<TimedNote> part(List<TimedNote> notes, Split split) {
        int n = notes.size();
        if (n < MIN_NOTES) return split == Split.TRAIN ? notes : List.of();
        int validStart = chordBoundary(notes, (int) Math.round(n * TRAIN_SHARE));
        int testStart = Math.max(validStart, chordBoundary(notes, (int) Math.round(n * (TRAIN_SHARE + VALID_SHARE))));
        return switch (split) {
            case TRAIN -> notes.subList(0, validStart);
            case VALID -> fromZero(notes.subList(validStart, testStart));
            case TEST -> fromZero(notes.subList(testStart, n));
        };
    }

    /** The first index at or after {@code index} whose note does not share its onset with the note before it. */
    private static int chordBoundary(List<TimedNote> notes, int index) {
        int i = Math.max(1, index);
        while (i < notes.size() && notes.get(i).startTick() == notes.get(i - 1).startTick()) i++;
        return i;
    }

    private static List<TimedNote> fromZero(List<TimedNote> notes) {
        if (notes.isEmpty()) return notes;
        long start = notes.get(0).startTick();
        List<TimedNote> moved = new ArrayList<>(notes.size());
        for (TimedNote note : notes) {
            moved.add(new TimedNote(note.pitch(), note.velocity(), note.startTick() - start, note.endTick() - start));
        }
        return moved;
    }
}
