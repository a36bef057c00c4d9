package io.antiphon.engine.perform;

/** When an answer starts once the call has ended. The ordinal is the {@code answer_start} parameter's value. */
public enum AnswerStart {
    /** At once. */
    NOW,
    /** On the next beat of the clock's grid. */
    BEAT,
    /** On the next bar line of the clock's grid ({@code beats_per_bar} beats a bar). */
    BAR;

    private static final AnswerStart[] ALL = values();

    static AnswerStart ofIndex(int index) {
        return ALL[index];
    }
}
