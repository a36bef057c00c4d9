package io.antiphon.engine.perform;

/**
 * How sure the player clock is of the player's beat, which decides what a rest inside a phrase is counted in
 * ({@link PhraseDetector#endedInBeats}).
 */
enum BeatCertainty {
    /** No beat found yet: the clock runs at the prior's tempo, which may be far from the player's. */
    SOUGHT,
    /** Found from the onsets so far, and induced afresh at each onset: it may still turn out another metrical level. */
    FOUND,
    /** Heard over enough onsets and now followed. */
    SETTLED;

    /** The player clock's certainty now. */
    static BeatCertainty of(BeatTracker beats) {
        return beats.settled() ? SETTLED : beats.locked() ? FOUND : SOUGHT;
    }
}
