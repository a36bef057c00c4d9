package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.Split;

import java.io.IOException;
import java.util.List;

/** Pieces as piano rolls at a fixed number of frames per quarter note, divided into a train/valid/test split. */
public interface RollCorpus {

    /** A short name for messages and bundle metadata, e.g. {@code jsb}. */
    String name();

    /** Frames per quarter note: the roll's time resolution. */
    int framesPerQuarter();

    /** The pieces of one split, in a fixed order; read from disk on each call. */
    List<RollPiece> pieces(Split split) throws IOException;

    /** How the corpus is split into train, valid and test, in a word or two (kept in bundle metadata). */
    default String splitRule() throws IOException {
        return "published";
    }
}
