package io.antiphon.engine.corpus;

import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Pitch-shift augmentation for training (never for validation or test): a piece may be moved by up to
 * {@value #MAX_SEMITONES} semitones either way, provided every note stays on the 88 keys 21..108.
 * A transposed piece is named after the original with the shift appended, e.g. {@code jsb-train-017+3}.
 */
public final class Transposition {

    public static final int MAX_SEMITONES = 6;

    private Transposition() {
    }

    /** The shifts -6..+6 (0 included) that keep every note of the piece within 21..108, ascending. */
    public static List<Integer> allowedShifts(Piece piece) {
        int lowest = piece.notes().stream().mapToInt(TimedNote::pitch).min().orElse(Vocabulary.LOWEST_PITCH);
        int highest = piece.notes().stream().mapToInt(TimedNote::pitch).max().orElse(Vocabulary.HIGHEST_PITCH);
        int down = Math.max(-MAX_SEMITONES, Vocabulary.LOWEST_PITCH - lowest);
        int up = Math.min(MAX_SEMITONES, Vocabulary.HIGHEST_PITCH - highest);
        return IntStream.rangeClosed(down, up).boxed().toList();
    }

    /**
     * The piece moved by {@code semitones}; the piece itself for 0.
     *
     * @throws IllegalArgumentException if the shift is not one of {@link #allowedShifts}
     */
    public static Piece transpose(Piece piece, int semitones) {
        List<Integer> allowed = allowedShifts(piece);
        if (!allowed.contains(semitones)) {
            throw new IllegalArgumentException("Cannot transpose " + piece.name() + " by " + semitones
                    + " semitones: the allowed shifts are " + allowed.get(0) + ".." + allowed.get(allowed.size() - 1)
                    + " (at most " + MAX_SEMITONES + " either way, every note within 21..108)");
        }
        if (semitones == 0) return piece;
        return new Piece(piece.name() + String.format(Locale.ROOT, "%+d", semitones),
                piece.notes().stream().map(n -> n.transposed(semitones)).toList());
    }

    /** The piece moved by a shift drawn uniformly from {@link #allowedShifts} (0 included). */
    public static Piece random(Piece piece, RandomGenerator random) {
        List<Integer> allowed = allowedShifts(piece);
        return transpose(piece, allowed.get(random.nextInt(allowed.size())));
    }
}
