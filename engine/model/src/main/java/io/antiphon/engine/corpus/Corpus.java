package io.antiphon.engine.corpus;

import java.io.IOException;
import java.util.List;

/** A collection of pieces divided into a fixed train/valid/test split. */
public interface Corpus {

    /** A short name for messages and model metadata, e.g. {@code jsb}. */
    String name();

    /** The pieces of one split, in a fixed order; read from disk on each call. */
    List<Piece> pieces(Split split) throws IOException;

    /** How the corpus is split into train, valid and test, in a word or two (kept in bundle metadata). */
    default String splitRule() throws IOException {
        return "file-name";
    }
}
