package io.antiphon.engine.harness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What {@link GrooveEvaluation} measured: one {@link Case} per performance, and the figures over all of them
 * ({@link #toMap}, its keys explained in {@link #KEYS}).
 */
public record GrooveResult(List<Case> cases) {

    /** The JSON keys of {@link #toMap} and what each means. */
    public static final Map<String, String> KEYS = keys();

    /**
     * One performance.
     *
     * @param melody              index of the melody
     * @param bpm                 the performed tempo at the start
     * @param jitterMs            the onsets' timing jitter (standard deviation)
     * @param drift               the tempo at the end over the tempo at the start
     * @param rubato              the depth of the tempo's breathing
     * @param tempoError4         |tracked - true| / true tempo one step after the 4th beat (NaN: no beat found yet)
     * @param tempoError8         the same after the 8th beat
     * @param tempoRatioAtEnd     tracked / true tempo at the call's last onset (2 or 0.5: a double or half tempo error)
     * @param beatFound           whether the tracker had found the beat by the call's last onset
     * @param phaseErrorMs        mean distance from the player's last four beats to the tracker's nearest beats
     * @param answerNotes         the answer's note-ons
     * @param onSixteenths        answer onsets within 30 ms of the player's sixteenth grid
     * @param entranceErrorMs     the answer's first note to the nearest player beat (NaN: no answer)
     * @param answeredInside      whether the answer's first note came before the call's last note (the player interrupted)
     * @param callLevel           mean velocity of the call's last four notes
     * @param answerLevel         mean velocity of the answer (NaN: no answer)
     * @param answers             answers given
     */
    public record Case(int melody, double bpm, double jitterMs, double drift, double rubato, double tempoError4,
                       double tempoError8, double tempoRatioAtEnd, boolean beatFound, double phaseErrorMs,
                       int answerNotes, int onSixteenths, double entranceErrorMs, boolean answeredInside,
                       double callLevel, double answerLevel, long answers) {

        /** A double or half tempo error at the call's end. */
        public boolean octaveError() {
            return Math.abs(tempoRatioAtEnd - 2) < 0.2 || Math.abs(tempoRatioAtEnd - 0.5) < 0.05;
        }

        public double onSixteenthShare() {
            return answerNotes == 0 ? Double.NaN : onSixteenths / (double) answerNotes;
        }
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("cases", "performances measured (melodies x tempi)");
        keys.put("tempo_error_after_4_beats", "median and p90 of |tracked - true| / true tempo just after the 4th beat, in %"
                + " (cases with no beat found yet are counted in not_found_after_4_beats)");
        keys.put("not_found_after_4_beats", "cases whose beat was not yet found after 4 beats");
        keys.put("tempo_error_after_8_beats", "the same after the 8th beat");
        keys.put("half_or_double_tempo", "cases tracked at half or double the true tempo at the call's end");
        keys.put("beat_phase_error_ms", "median and p90 of the mean distance from the player's last four beats to the"
                + " tracker's nearest beats, at the call's end");
        keys.put("answer_on_sixteenth_grid", "mean and minimum over cases of the share of answer onsets within 30 ms of the"
                + " player's sixteenth-note grid (the true grid, continued at the call's final tempo)");
        keys.put("entrance_error_ms", "median, p90 and max of the distance from the answer's first note to the nearest player beat");
        keys.put("answered_inside_phrase", "cases whose answer began before the call's last note");
        keys.put("velocity_correlation", "Pearson correlation over cases between the call's last four notes' mean velocity"
                + " and the answer's mean velocity");
        keys.put("mean_velocity_gap", "mean |answer level - call level| over cases");
        return keys;
    }

    /** The figures over all cases, in {@link #KEYS}' order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cases", cases.size());
        map.put("tempo_error_after_4_beats", medianP90(percent(Case::tempoError4)));
        map.put("not_found_after_4_beats", cases.stream().filter(c -> Double.isNaN(c.tempoError4())).count());
        map.put("tempo_error_after_8_beats", medianP90(percent(Case::tempoError8)));
        map.put("half_or_double_tempo", cases.stream().filter(Case::octaveError).count());
        map.put("beat_phase_error_ms", medianP90(values(Case::phaseErrorMs)));
        double[] shares = values(Case::onSixteenthShare);
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("mean", round(Arrays.stream(shares).average().orElse(Double.NaN)));
        grid.put("min", round(Arrays.stream(shares).min().orElse(Double.NaN)));
        map.put("answer_on_sixteenth_grid", grid);
        double[] entrance = values(Case::entranceErrorMs);
        Map<String, Object> entranceMap = medianP90(entrance);
        entranceMap.put("max", round(Arrays.stream(entrance).max().orElse(Double.NaN)));
        map.put("entrance_error_ms", entranceMap);
        map.put("answered_inside_phrase", cases.stream().filter(Case::answeredInside).count());
        map.put("velocity_correlation", round(correlation()));
        map.put("mean_velocity_gap", round(cases.stream().filter(c -> !Double.isNaN(c.answerLevel()))
                .mapToDouble(c -> Math.abs(c.answerLevel() - c.callLevel())).average().orElse(Double.NaN)));
        return map;
    }

    private double[] values(ToDoubleFunction<Case> f) {
        return cases.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).toArray();
    }

    private double[] percent(ToDoubleFunction<Case> f) {
        return Arrays.stream(values(f)).map(v -> v * 100).toArray();
    }

    private static Map<String, Object> medianP90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("median", round(quantile(sorted, 0.5)));
        map.put("p90", round(quantile(sorted, 0.9)));
        return map;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private double correlation() {
        List<Case> answered = cases.stream().filter(c -> !Double.isNaN(c.answerLevel())).toList();
        int n = answered.size();
        if (n < 3) return Double.NaN;
        double mx = answered.stream().mapToDouble(Case::callLevel).average().orElseThrow();
        double my = answered.stream().mapToDouble(Case::answerLevel).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (Case c : answered) {
            double dx = c.callLevel() - mx;
            double dy = c.answerLevel() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.round(v * 1000) / 1000.0;
    }
}
