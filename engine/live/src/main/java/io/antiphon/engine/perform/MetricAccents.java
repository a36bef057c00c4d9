package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

import java.util.Arrays;

/**
 * The player's accents as evidence of the beat: where the notes on one place of the grid are played clearly louder than
 * those on another once the phrase's contour is taken out (the least-squares line through the velocities: a crescendo
 * or a diminuendo says nothing of the beat), that place is the stronger: of the beat's two eighths, the beat
 * ({@link #accentedEighth}); of a pair of beats, the bar's strong one ({@link #accentedBeatParity}). A player leans on
 * the beat, and BeatRoot weighs an onset's salience by its dynamics as well as by its length (Dixon 2001); a line whose
 * note values say nothing of the beat (running eighths after a pickup) still says it in its accents. Allocation-free.
 */
final class MetricAccents {

    /**
     * How much louder, in velocity, the accented place's notes must be played on average than the other's: 4 (it was 5,
     * and a player's +6 on the beat, played through the real demo at 140 BPM, measured 4.9 once the contour was out).
     */
    static final double ACCENT_VELOCITY = 4;
    /** ... and by how many standard errors of that difference: a player's unevenness is no accent. */
    static final double ACCENT_T = 3;
    /** The fewest notes on each of the two places for their accents to count. */
    static final int ACCENT_NOTES = 3;
    /** The longest bar whose beats are told apart ({@code beats_per_bar}'s top). */
    static final int MOST_BEATS_PER_BAR = 16;
    /** The least variance of a velocity about the contour: an exact player (a sequencer) has none to measure. */
    private static final double LEAST_VARIANCE = 1;
    private static final int NEITHER = -1;

    private final OnsetWindow window;
    /** Per place of the grid ({@link #gather}): how many notes, and their velocities' sum and sum of squares, less the contour. */
    private final int[] counts = new int[MOST_BEATS_PER_BAR];
    private final double[] sums = new double[MOST_BEATS_PER_BAR];
    private final double[] squares = new double[MOST_BEATS_PER_BAR];
    /** The contour, a velocity at onset index {@code i}: {@code intercept + slope * i} ({@link #fitContour}). */
    private double intercept;
    private double slope;

    MetricAccents(OnsetWindow window) {
        this.window = window;
    }

    /**
     * The eighth of the beat the window's accents put the beat on, by the sixteenths its onsets are placed on: 0 if the
     * notes on the beat are clearly louder than those on the half beat, 2 if those on the half beat are, -1 if neither
     * is (or the velocities are not known). Notes on the odd sixteenths do not count.
     */
    int accentedEighth() {
        if (!gather(SLOTS_PER_BEAT, SLOTS_PER_BEAT / 2)) return NEITHER;
        int louder = louderOf(0, 1);
        return louder == NEITHER ? NEITHER : louder * (SLOTS_PER_BEAT / 2);
    }

    /**
     * Which beats of a pair the window's accents make the strong ones: 0 if the notes on the even beats are clearly
     * louder than those on the odd ones, 1 if the odd ones', -1 if neither. Notes between the beats do not count.
     */
    int accentedBeatParity() {
        if (!gather(2 * SLOTS_PER_BEAT, SLOTS_PER_BEAT)) return NEITHER;
        return louderOf(0, 1);
    }

    /**
     * Which beat of a bar of {@code beatsPerBar} the window's accents make its first, by the beats its onsets are placed
     * on (beat 0 the window's slot 0): the beat whose notes are played clearly louder than those on each other beat of
     * the bar that has {@value #ACCENT_NOTES} notes or more (as {@link #accentedEighth} tells the beat's eighth: a downbeat
     * stands out from every other beat, so a player who leans on beats 1 and 3 alike says where the strong beats are,
     * not which of them is the bar's first); -1 if none is, the bar has fewer than two beats, or the velocities are not
     * known. Notes between the beats do not count.
     */
    int accentedBeatOfBar(int beatsPerBar) {
        if (beatsPerBar < 2 || beatsPerBar > MOST_BEATS_PER_BAR || !gather(beatsPerBar * SLOTS_PER_BEAT, SLOTS_PER_BEAT)) return NEITHER;
        int loudest = NEITHER;
        for (int beat = 0; beat < beatsPerBar; beat++) {
            if (counts[beat] < ACCENT_NOTES) continue;
            if (loudest == NEITHER || sums[beat] / counts[beat] > sums[loudest] / counts[loudest]) loudest = beat;
        }
        if (loudest == NEITHER) return NEITHER;
        int compared = 0;
        for (int beat = 0; beat < beatsPerBar; beat++) {
            if (beat == loudest || counts[beat] < ACCENT_NOTES) continue;
            if (louderOf(loudest, beat) != loudest) return NEITHER;
            compared++;
        }
        return compared > 0 ? loudest : NEITHER;
    }

    /**
     * Fits the contour and gathers, for each place of the grid modulo {@code modulus} sixteenths that is a whole number
     * of {@code step} sixteenths (place {@code k} at {@code k * step}), how many onsets of known velocity fall there and
     * their velocities' sum and sum of squares less the contour; false if the contour cannot be fitted.
     */
    private boolean gather(int modulus, int step) {
        if (!fitContour()) return false;
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0);
        Arrays.fill(squares, 0);
        for (int i = 0; i < window.count(); i++) {
            int v = window.velocity(i);
            int place = (int) Math.floorMod(window.slot(i), modulus);
            if (v <= 0 || place % step != 0) continue;
            double residual = v - (intercept + slope * i);
            counts[place / step]++;
            sums[place / step] += residual;
            squares[place / step] += residual * residual;
        }
        return true;
    }

    /**
     * Of the places {@code a} and {@code b} {@link #gather} filled, the one whose notes are clearly louder: {@code a},
     * {@code b} or {@link #NEITHER}.
     */
    private int louderOf(int a, int b) {
        int countA = counts[a], countB = counts[b];
        if (countA < ACCENT_NOTES || countB < ACCENT_NOTES) return NEITHER;
        double meanA = sums[a] / countA;
        double meanB = sums[b] / countB;
        double variance = (squares[a] - countA * meanA * meanA + squares[b] - countB * meanB * meanB) / (countA + countB - 2);
        double standardError = Math.sqrt(Math.max(variance, LEAST_VARIANCE) * (1.0 / countA + 1.0 / countB));
        double louder = meanA - meanB;
        if (Math.abs(louder) < ACCENT_VELOCITY || Math.abs(louder) < ACCENT_T * standardError) return NEITHER;
        return louder > 0 ? a : b;
    }

    /**
     * Fits the contour: the least-squares line of velocity against onset index over the window's onsets of known
     * velocity; false if fewer than twice {@value #ACCENT_NOTES} have one.
     */
    private boolean fitContour() {
        int n = window.count();
        double known = 0, sumI = 0, sumV = 0, sumII = 0, sumIV = 0;
        for (int i = 0; i < n; i++) {
            int v = window.velocity(i);
            if (v <= 0) continue;
            known++;
            sumI += i;
            sumV += v;
            sumII += (double) i * i;
            sumIV += (double) i * v;
        }
        if (known < 2 * ACCENT_NOTES) return false;
        double spread = sumII - sumI * sumI / known;
        slope = spread > 0 ? (sumIV - sumI * sumV / known) / spread : 0;
        intercept = (sumV - slope * sumI) / known;
        return true;
    }
}
