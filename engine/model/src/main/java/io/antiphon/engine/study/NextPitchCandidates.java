package io.antiphon.engine.study;


/** The one rule both next-pitch measures pick their prediction by. */
final class NextPitchCandidates {

    private NextPitchCandidates() {
    }

    /**
     * The most probable pitch above {@code floor} other than {@code excluded} (ties: the lower pitch).
     *
     * @param scores     a score per pitch in {@code scores[from, from + count)}, {@code scores[from]} that of {@code lowestPitch}
     * @param floor      only pitches above it are candidates ({@link QuarterChorale.REST}: all are)
     * @param excluded   a pitch that is not a candidate ({@link QuarterChorale.REST}: none)
     */
    static int mostProbable(float[] scores, int from, int count, int lowestPitch, int floor, int excluded) {
        int best = -1;
        for (int i = 0; i < count; i++) {
            int pitch = lowestPitch + i;
            if (pitch <= floor || pitch == excluded) continue;
            if (best < 0 || scores[from + i] > scores[from + best - lowestPitch]) best = pitch;
        }
        return best >= 0 ? best : mostProbable(scores, from, count, lowestPitch, QuarterChorale.REST, excluded);
    }
}
