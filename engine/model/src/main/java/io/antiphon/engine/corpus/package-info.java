/**
 * The training corpora as pieces in the model's musical time: the JSB chorales, the Nottingham tunes and a folder of
 * the user's MIDI files, with their fixed train/valid/test splits, transposition for training, and where the data
 * folder is ({@link io.antiphon.engine.corpus.DataDirectory}). Depends on {@code token} and midi-io's {@code file};
 * training, evaluation, the piano-roll models and the studies read it (docs/user-guide.md, Corpora).
 */
package io.antiphon.engine.corpus;
