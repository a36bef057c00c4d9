package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * Finds the end of the human's phrase (call-and-response): every key and the sustain pedal up, and silence longer
 * than {@code max(floor, multiple x median)}, where the median is over the player's last {@value #HISTORY}
 * inter-onset intervals, so the threshold follows how the player is playing. Onsets closer than
 * {@value #CHORD_WINDOW_MS} ms are one onset (a chord, however rolled). Before any interval is known the median is one
 * beat. Intervals are measured within phrases only, never across an answer. Allocation-free.
 */
final class PhraseDetector {

    static final int HISTORY = 8;
    static final long CHORD_WINDOW_MS = 35;
    /** With the player clock, a phrase ends after a rest of more than two beats: this many since the last release. */
    static final double REST_BEATS = 2.25;
    /** ... and this many since the last onset. */
    static final double ONSET_BEATS = 3.25;
    /** Before the beat settles, a phrase ends no sooner than this many of its longest interval after its last onset. */
    static final double LONGEST_INTERVALS = 1.25;
    private static final long CHORD_WINDOW_NANOS = CHORD_WINDOW_MS * 1_000_000;

    private final long[] intervals = new long[HISTORY];
    private final long[] sorted = new long[HISTORY];
    private int intervalCount;
    private int nextInterval;

    private int onsets;
    private long firstOnset;
    private long lastOnset;
    private long silentSince;
    /** The longest interval between two onsets of the current phrase (0 before its second onset). */
    private long longestInterval;

    /** A human key went down at {@code nanos}. */
    void noteOn(long nanos) {
        if (onsets == 0) {
            firstOnset = nanos;
            longestInterval = 0;
        } else if (nanos - lastOnset >= CHORD_WINDOW_NANOS) {
            longestInterval = Math.max(longestInterval, nanos - lastOnset);
            intervals[nextInterval] = nanos - lastOnset;
            nextInterval = (nextInterval + 1) % HISTORY;
            intervalCount = Math.min(intervalCount + 1, HISTORY);
        }
        onsets++;
        lastOnset = nanos;
    }

    /** Everything the human plays went silent at {@code nanos} (last key or pedal up). */
    void silent(long nanos) {
        silentSince = nanos;
    }

    /** Forgets the current phrase (after an answer starts, a reset, a panic); the player's intervals are kept. */
    void startNewPhrase() {
        onsets = 0;
    }

    /** Whether a phrase has started (a key went down since the last {@link #startNewPhrase}). */
    boolean inPhrase() {
        return onsets > 0;
    }

    /** Whether the phrase has ended by {@code nanos}, given that the human is {@code allUp}. */
    boolean ended(long nanos, boolean allUp, long floorNanos, double multiple, long beatNanos) {
        return onsets > 0 && allUp && nanos - silentSince >= threshold(floorNanos, multiple, beatNanos);
    }

    /**
     * Whether the phrase has ended by {@code nanos} in the player's time (the player clock): the human is
     * {@code allUp}, and the rest is longer than two beats of {@code restBeatNanos} ({@value #REST_BEATS} beats since
     * the last release and {@value #ONSET_BEATS} since the last onset, so that a rest of one or two beats after a
     * short, detached note is not taken for the end either), and at least {@code floorNanos}. The beat a rest is
     * counted in is the clock's, or longer while it is not {@code settled} ({@link BeatCertainty#restBeatNanos}); until
     * then the phrase also lasts {@value #LONGEST_INTERVALS} of its longest interval past its last onset: a slow
     * opening of a whole note and a dotted half, whose tempo a few onsets cannot tell, followed by a quarter and a rest
     * of two beats, was ended at that rest by the prior's beats.
     */
    boolean endedInBeats(long nanos, boolean allUp, long floorNanos, long restBeatNanos, boolean settled) {
        return onsets > 0 && allUp && nanos - silentSince >= restThreshold(floorNanos, restBeatNanos)
                && nanos - lastOnset >= sinceOnsetNanos(restBeatNanos, settled);
    }

    /** The moment the phrase ends (or ended) by {@link #ended}'s rule. */
    long endedAt(long floorNanos, double multiple, long beatNanos) {
        return silentSince + threshold(floorNanos, multiple, beatNanos);
    }

    /** The moment the phrase ends (or ended) by {@link #endedInBeats}'s rule. */
    long endedInBeatsAt(long floorNanos, long restBeatNanos, boolean settled) {
        return Math.max(silentSince + restThreshold(floorNanos, restBeatNanos), lastOnset + sinceOnsetNanos(restBeatNanos, settled));
    }

    /** The least time since the last onset that ends a phrase in the player's time (see {@link #endedInBeats}). */
    private long sinceOnsetNanos(long restBeatNanos, boolean settled) {
        long inBeats = Math.round(ONSET_BEATS * restBeatNanos);
        return settled ? inBeats : Math.max(inBeats, Math.round(LONGEST_INTERVALS * longestInterval));
    }

    /** The silence after the last release that ends a phrase in the player's time (see {@link #endedInBeats}). */
    long restThreshold(long floorNanos, long restBeatNanos) {
        return Math.max(floorNanos, Math.round(REST_BEATS * restBeatNanos));
    }

    /** The silence that ends a phrase now: {@code max(floor, multiple x median interval)}. */
    long threshold(long floorNanos, double multiple, long beatNanos) {
        return Math.max(floorNanos, Math.round(multiple * medianInterval(beatNanos)));
    }

    /** The moment the human last went silent (every key and the pedal up). */
    long silentSince() {
        return silentSince;
    }

    /** From the phrase's first onset to the moment it went silent. */
    long callNanos() {
        return onsets > 0 ? Math.max(0, silentSince - firstOnset) : 0;
    }

    /** The median of the recent intervals, or {@code fallback} when none is known. */
    long medianInterval(long fallback) {
        int n = intervalCount;
        if (n == 0) return fallback;
        System.arraycopy(intervals, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);   // primitives, sorted in place: nothing allocated
        return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
