package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

/**
 * The player's accents as evidence of the beat's phase ({@link #accentedEighth}): where the notes on one eighth of the
 * beat (the beat, or the half beat) are played clearly louder than those on the other once the phrase's contour is taken
 * out (the least-squares line through the velocities: a crescendo or a diminuendo says nothing of the beat), that eighth
 * is the beat. A player leans on the beat, and BeatRoot weighs an onset's salience by its dynamics as well as by its
 * length (Dixon 2001); a line whose note values say nothing of the beat (running eighths after a pickup) still says it
 * in its accents. Allocation-free.
 */
final class MetricAccents {

    /** How much louder, in velocity, the accented eighth's notes must be played on average than the other's. */
    static final double ACCENT_VELOCITY = 5;
    /** ... and by how many standard errors of that difference: a player's unevenness is no accent. */
    static final double ACCENT_T = 3;
    /** The fewest notes on each of the two eighths for their accents to count. */
    static final int ACCENT_NOTES = 3;
    /** The least variance of a velocity about the contour: an exact player (a sequencer) has none to measure. */
    private static final double LEAST_VARIANCE = 1;

    private final OnsetWindow window;

    MetricAccents(OnsetWindow window) {
        this.window = window;
    }

    /**
     * The eighth of the beat the window's accents put the beat on, by the sixteenths its onsets are placed on: 0 if the
     * notes on the beat are clearly louder than those on the half beat, 2 if those on the half beat are, -1 if neither
     * is (or the velocities are not known). Notes on the odd sixteenths do not count.
     */
    int accentedEighth() {
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
        if (known < 2 * ACCENT_NOTES) return -1;
        double spread = sumII - sumI * sumI / known;
        double slope = spread > 0 ? (sumIV - sumI * sumV / known) / spread : 0;
        double intercept = (sumV - slope * sumI) / known;
        int onBeat = 0, onHalf = 0;
        double beatSum = 0, halfSum = 0, beatSquares = 0, halfSquares = 0;
        for (int i = 0; i < n; i++) {
            int v = window.velocity(i);
            int position = (int) Math.floorMod(window.slot(i), SLOTS_PER_BEAT);
            if (v <= 0 || (position & 1) != 0) continue;
            double residual = v - (intercept + slope * i);
            if (position == 0) {
                onBeat++;
                beatSum += residual;
                beatSquares += residual * residual;
            } else {
                onHalf++;
                halfSum += residual;
                halfSquares += residual * residual;
            }
        }
        if (onBeat < ACCENT_NOTES || onHalf < ACCENT_NOTES) return -1;
        double beatMean = beatSum / onBeat;
        double halfMean = halfSum / onHalf;
        double variance = (beatSquares - onBeat * beatMean * beatMean + halfSquares - onHalf * halfMean * halfMean)
                / (onBeat + onHalf - 2);
        double standardError = Math.sqrt(Math.max(variance, LEAST_VARIANCE) * (1.0 / onBeat + 1.0 / onHalf));
        double louder = beatMean - halfMean;
        if (Math.abs(louder) < ACCENT_VELOCITY || Math.abs(louder) < ACCENT_T * standardError) return -1;
        return louder > 0 ? 0 : 2;
    }
}
