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
     * @param restBeats           beats of rest inserted inside the phrase (0: none)
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
     * @param lineOnSixteenths    answer onsets whose nearest player sixteenth the straight tempo through the call's onsets
     *                            ({@link TempoLine}, each onset at its score beat) puts within 30 ms of where it is: the
     *                            same mark for a follower that knew the score and kept one tempo
     * @param entranceErrorMs     the answer's first note to the nearest player beat (NaN: no answer)
     * @param waitBeats           the player's beats from the call's last onset to the answer's first note (NaN: no answer)
     * @param answeredInside      whether the answer's first note came before the call's last note (the player interrupted)
     * @param barFound            whether, after the call, the tracker's bar lines (bars of 4 beats) were the player's: its
     *                            beat nearest the player's last downbeat of the call (every fourth score beat from beat 0)
     *                            within a quarter beat of it, and the first of its bar
     * @param callLevel           mean velocity of the call's last four notes
     * @param answerLevel         mean velocity of the answer (NaN: no answer)
     * @param answerVelocitySd    standard deviation of the answer's velocities (NaN: no answer)
     * @param answers             answers given
     * @param hangingNotes        machine notes still sounding when the performance was over (before the final all-off)
     */
    public record Case(int melody, int restBeats, double bpm, double jitterMs, double drift, double rubato, double tempoError4,
                       double tempoError8, double tempoRatioAtEnd, boolean beatFound, double phaseErrorMs,
                       int answerNotes, int onSixteenths, int lineOnSixteenths, double entranceErrorMs, double waitBeats,
                       boolean answeredInside, boolean barFound,
                       double callLevel, double answerLevel, double answerVelocitySd, long answers, int hangingNotes) {

        /** A double or half tempo error at the call's end. */
        public boolean octaveError() {
            return Math.abs(tempoRatioAtEnd - 2) < 0.2 || Math.abs(tempoRatioAtEnd - 0.5) < 0.05;
        }

        /** This case's figures, as in {@code per_case}. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("melody", melody);
            map.put("rest_beats", restBeats);
            map.put("bpm", bpm);
            map.put("tempo_ratio_at_end", round(tempoRatioAtEnd));
            map.put("beat_phase_error_ms", round(phaseErrorMs));
            map.put("answer_notes", answerNotes);
            map.put("on_sixteenth_grid", round(onSixteenthShare()));
            map.put("line_on_sixteenth_grid", round(lineOnSixteenthShare()));
            map.put("entrance_error_ms", round(entranceErrorMs));
            map.put("wait_beats", round(waitBeats));
            map.put("answered_inside", answeredInside);
            map.put("bar_found", barFound);
            map.put("call_level", round(callLevel));
            map.put("answer_level", round(answerLevel));
            map.put("answer_velocity_sd", round(answerVelocitySd));
            return map;
        }

        public double onSixteenthShare() {
            return answerNotes == 0 ? Double.NaN : onSixteenths / (double) answerNotes;
        }

        /** The share of answer onsets the straight tempo through the call would have put on the grid ({@code lineOnSixteenths}). */
        public double lineOnSixteenthShare() {
            return answerNotes == 0 ? Double.NaN : lineOnSixteenths / (double) answerNotes;
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
                + " player's sixteenth-note grid (the true grid, continued at the call's final tempo), and the cases below 70%");
        keys.put("line_on_sixteenth_grid", "the same mean, minimum and cases below 70% had each answer onset been placed at its"
                + " nearest player sixteenth by the least-squares line through the call's onsets against their score beats (a"
                + " follower that knew the score and kept one tempo, hearing the same jitter: what extrapolating a straight tempo"
                + " from the call allows), and of those cases how many are below 70% for the answer too");
        keys.put("entrance_error_ms", "median, p90 and max of the distance from the answer's first note to the nearest player"
                + " beat, and the cases over 40 ms");
        keys.put("wait_beats", "median, p90 and max of the player's beats from the call's last onset to the answer's first note");
        keys.put("answered_inside_phrase", "cases whose answer began before the call's last note");
        keys.put("bar_lines_found", "cases whose tracker's bar lines (bars of 4 beats) were the player's after the call: its beat"
                + " nearest the player's last downbeat of the call (every fourth score beat from the first bar line) within a quarter"
                + " beat of it and the first of its bar");
        keys.put("rest_cases", "cases with a rest of one or two beats inserted inside the phrase, and of them answered inside it");
        keys.put("velocity_gap_over_15", "cases whose answer's mean velocity is more than 15 from the call's last four notes' mean");
        keys.put("answer_velocity_sd", "median and minimum over cases of the standard deviation of the answer's velocities,"
                + " and the cases below 3");
        keys.put("hanging_notes", "machine notes still sounding after the answers were over, over all cases");
        keys.put("must_show", "every mark holds: grid mean >= 85% and no case < 70%, every entrance within 40 ms, every"
                + " answer level within 15 and its spread >= 3, no answer inside a phrase, no hanging note");
        keys.put("per_case", "each case: melody, rest_beats, bpm, tempo_ratio_at_end (tracked / true), beat_phase_error_ms,"
                + " answer_notes, on_sixteenth_grid (share), line_on_sixteenth_grid (share), entrance_error_ms, wait_beats, answered_inside, bar_found, call_level,"
                + " answer_level, answer_velocity_sd");
        keys.put("velocity_correlation", "Pearson correlation over cases between the call's last four notes' mean velocity"
                + " and the answer's mean velocity");
        keys.put("mean_velocity_gap", "mean |answer level - call level| over cases");
        return keys;
    }

    /** Mean and minimum of the shares on the grid over the cases, and {@code below} cases below 70 %. */
    private static Map<String, Object> shareSummary(double[] shares, long below) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mean", round(Arrays.stream(shares).average().orElse(Double.NaN)));
        summary.put("min", round(Arrays.stream(shares).min().orElse(Double.NaN)));
        summary.put("cases_below_70_percent", below);
        return summary;
    }

    private static long belowSeventyPercent(double[] shares) {
        return Arrays.stream(shares).filter(v -> v < 0.7).count();
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
        long gridBelow = belowSeventyPercent(shares) + unanswered();
        map.put("answer_on_sixteenth_grid", shareSummary(shares, gridBelow));
        double[] lineShares = values(Case::lineOnSixteenthShare);
        Map<String, Object> lineGrid = shareSummary(lineShares, belowSeventyPercent(lineShares));
        lineGrid.put("answer_below_70_percent_too", cases.stream()
                .filter(c -> c.lineOnSixteenthShare() < 0.7 && c.onSixteenthShare() < 0.7).count());
        map.put("line_on_sixteenth_grid", lineGrid);
        double[] entrance = values(Case::entranceErrorMs);
        Map<String, Object> entranceMap = medianP90(entrance);
        entranceMap.put("max", round(Arrays.stream(entrance).max().orElse(Double.NaN)));
        long lateEntrances = Arrays.stream(entrance).filter(v -> v > 40).count() + unanswered();
        entranceMap.put("cases_over_40", lateEntrances);
        map.put("entrance_error_ms", entranceMap);
        double[] waits = values(Case::waitBeats);
        Map<String, Object> waitMap = medianP90(waits);
        waitMap.put("max", round(Arrays.stream(waits).max().orElse(Double.NaN)));
        map.put("wait_beats", waitMap);
        long inside = cases.stream().filter(Case::answeredInside).count();
        map.put("answered_inside_phrase", inside);
        map.put("bar_lines_found", cases.stream().filter(Case::barFound).count());
        Map<String, Object> rests = new LinkedHashMap<>();
        rests.put("cases", cases.stream().filter(c -> c.restBeats() > 0).count());
        rests.put("answered_inside", cases.stream().filter(c -> c.restBeats() > 0 && c.answeredInside()).count());
        map.put("rest_cases", rests);
        long gapOver = cases.stream().filter(c -> !(Math.abs(c.answerLevel() - c.callLevel()) <= 15)).count();
        map.put("velocity_gap_over_15", gapOver);
        double[] spreads = values(Case::answerVelocitySd);
        Map<String, Object> spread = new LinkedHashMap<>();
        spread.put("median", round(quantile(sorted(spreads), 0.5)));
        spread.put("min", round(Arrays.stream(spreads).min().orElse(Double.NaN)));
        long flat = Arrays.stream(spreads).filter(v -> v < 3).count() + unanswered();
        spread.put("cases_below_3", flat);
        map.put("answer_velocity_sd", spread);
        int hanging = cases.stream().mapToInt(Case::hangingNotes).sum();
        map.put("hanging_notes", hanging);
        double gridMean = Arrays.stream(shares).average().orElse(0);
        map.put("must_show", gridMean >= 0.85 && gridBelow == 0 && lateEntrances == 0 && gapOver == 0 && flat == 0
                && inside == 0 && hanging == 0);
        map.put("per_case", cases.stream().map(Case::toMap).toList());
        map.put("velocity_correlation", round(correlation()));
        map.put("mean_velocity_gap", round(cases.stream().filter(c -> !Double.isNaN(c.answerLevel()))
                .mapToDouble(c -> Math.abs(c.answerLevel() - c.callLevel())).average().orElse(Double.NaN)));
        return map;
    }

    /** Cases with no answer note: each fails every mark about the answer. */
    private long unanswered() {
        return cases.stream().filter(c -> c.answerNotes() == 0).count();
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
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
