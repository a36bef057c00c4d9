package io.antiphon.engine.corpus;

import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenEncoder;
import java.util.List;
import java.util.Objects;

/**
 * One piece of music of a corpus, in the model's musical time (24 ticks a quarter note).
 *
 * @param name  unique within its corpus, e.g. {@code jsb-train-017}
 * @param notes its notes (the corpora give them in onset order); same-key overlaps are allowed, the tokenizer
 *              resolves them
 */
public record Piece(String name, List<TimedNote> notes) {

    public Piece {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a piece needs a name");
        notes = List.copyOf(notes);
    }

    /** The piece as event tokens ({@link TokenEncoder}). */
    public int[] tokens() {
        return TokenEncoder.encode(notes);
    }

    /** Every piece as event tokens, in order. */
    public static List<int[]> tokens(List<Piece> pieces) {
        List<int[]> sequences = new java.util.ArrayList<>(pieces.size());
        for (Piece piece : pieces) sequences.add(piece.tokens());
        return sequences;
    }
}
