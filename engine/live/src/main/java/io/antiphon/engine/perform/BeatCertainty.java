package io.antiphon.engine.perform;

/**
 * How sure the player clock is of the player's beat, which decides what a rest inside a phrase is counted in
 * ({@link #restBeatNanos}, {@link PhraseDetector#endedInBeats}).
 */
enum BeatCertainty {
    /**
     * No beat found yet: the clock runs at the prior's tempo, which may be far from the player's. Rests count in two of
     * its beats: two notes or a bar of quarters at 72 BPM and a rest of two beats were ended in 120 BPM's beats.
     */
    SOUGHT(2),
    /**
     * Found from the onsets so far, and induced afresh at each onset: it may still turn out another metrical level.
     * Rests count in 1.5 of its beats: triplet eighths make the beat being induced 1.5 times the player's (the triplets
     * are its eighths, the player's quarters its dotted quarters), and a rest of two of the player's beats was three of it.
     */
    FOUND(1.5),
    /** Heard over enough onsets and now followed: rests count in its beats. */
    SETTLED(1);

    /** How many of the clock's beats one beat of a rest is counted as. */
    final double restBeats;

    BeatCertainty(double restBeats) {
        this.restBeats = restBeats;
    }

    /** The player clock's certainty now. */
    static BeatCertainty of(BeatTracker beats) {
        return beats.settled() ? SETTLED : beats.locked() ? FOUND : SOUGHT;
    }

    /** The beat a rest is counted in, for a clock beat of {@code beatNanos}. */
    long restBeatNanos(long beatNanos) {
        return Math.round(restBeats * beatNanos);
    }
}
