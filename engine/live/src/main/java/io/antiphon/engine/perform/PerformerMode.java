package io.antiphon.engine.perform;

/**
 * How the performer plays with the human (docs/design.md, Modes). The ordinal is the {@code mode} parameter's value.
 */
public enum PerformerMode {
    /** Listen, detect the end of the human's phrase, answer, hand back. */
    CALL_AND_RESPONSE,
    /** Both play at once: the model hears every human note and keeps generating around it. */
    JAM,
    /**
     * The human plays a melody; on every step of the clock a piano-roll model adds up to three voices below it
     * ({@link Harmonizer}). A {@link Performer} (an event model) set to this mode plays nothing; a {@link Harmonizer}
     * set to another mode plays nothing: each needs its own kind of model.
     */
    HARMONIZE;

    private static final PerformerMode[] ALL = values();

    static PerformerMode ofIndex(int index) {
        return ALL[index];
    }
}
