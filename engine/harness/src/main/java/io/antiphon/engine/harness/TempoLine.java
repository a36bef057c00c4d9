package io.antiphon.engine.harness;

/**
 * A straight tempo through a performance's onsets: the least-squares line of onset time against score beat. What a
 * follower that knew every note's place in the score, and kept one tempo, would make of the same jittered onsets: the
 * floor {@link GrooveEvaluation} sets the player clock beside.
 *
 * @param nanosAtBeatZero the line's time of score beat 0
 * @param nanosPerBeat    its beat period
 */
public record TempoLine(double nanosAtBeatZero, double nanosPerBeat) {

    /** The line through onsets at score beats {@code beats} played at {@code nanos} (two distinct beats at least). */
    public static TempoLine fit(double[] beats, long[] nanos) {
        if (beats.length != nanos.length) throw new IllegalArgumentException("one time per beat: " + beats.length + " beats, " + nanos.length + " times");
        int n = beats.length;
        double meanBeat = 0;
        double meanNanos = 0;
        for (int i = 0; i < n; i++) {
            meanBeat += beats[i] / n;
            meanNanos += nanos[i] / (double) n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (beats[i] - meanBeat) * (beats[i] - meanBeat);
            sxy += (beats[i] - meanBeat) * (nanos[i] - meanNanos);
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("a tempo needs onsets on two beats at least");
        double slope = sxy / sxx;
        return new TempoLine(meanNanos - slope * meanBeat, slope);
    }

    /** The line's time of score beat {@code beat}. */
    public long nanosAt(double beat) {
        return Math.round(nanosAtBeatZero + nanosPerBeat * beat);
    }
}
