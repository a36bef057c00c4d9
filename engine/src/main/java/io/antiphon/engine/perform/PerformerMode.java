package io.antiphon.engine.perform;

/** How the performer plays with the human (DESIGN.md §5). The ordinal is the {@code mode} parameter's value. */
public enum PerformerMode {
    /** Listen, detect the end of the human's phrase, answer, hand back. */
    CALL_AND_RESPONSE,
    /** Both play at once: the model hears every human note and keeps generating around it. */
    JAM;

    private static final PerformerMode[] ALL = values();

    static PerformerMode ofIndex(int index) {
        return ALL[index];
    }
}
