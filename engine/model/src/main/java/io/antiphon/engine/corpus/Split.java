package io.antiphon.engine.corpus;

/** The part of a corpus a piece belongs to: fitted on, used to choose a model, or held out for the final score. */
public enum Split { TRAIN, VALID, TEST }
