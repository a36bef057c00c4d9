package io.antiphon.engine.study;

/**
 * Running totals of the next-pitch measure: how often the predicted pitch of the next melody note is exactly right,
 * and how far it is from the right one on average, in semitones. Not thread-safe.
 */
public final class NextPitchScore {

    private long predictions;
    private long exact;
    private long distanceSum;

    /** Scores one prediction. */
    public void add(int predictedPitch, int actualPitch) {
        predictions++;
        if (predictedPitch == actualPitch) exact++;
        distanceSum += Math.abs(predictedPitch - actualPitch);
    }

    public long predictions() {
        return predictions;
    }

    /** Share of predictions that hit the right pitch (NaN before any). */
    public double exactRate() {
        return predictions == 0 ? Double.NaN : exact / (double) predictions;
    }

    /** Mean absolute distance in semitones between predicted and actual pitch (NaN before any). */
    public double meanAbsoluteDistance() {
        return predictions == 0 ? Double.NaN : distanceSum / (double) predictions;
    }
}
