package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

import java.util.Arrays;

/**
 * The {@link BeatTracker}'s grid fitted to the onsets in its window: the weighted least-squares line through them (time
 * against sixteenth index), a Kalman tempo tracker's steady state in batch form, and, while the player keeps one tempo,
 * the robust line through all of them alike. The grid is beat {@code b} at {@code origin + b * period} ns. Allocation-free.
 */
final class GridFit {

    /**
     * The time constant, in beats, of the fit's memory: long enough that a steady player's tempo, carried past the
     * phrase into the answer, is not at the mercy of the last few jittered onsets (12 before: a tempo 0.3 % off puts an
     * answer's notes 30 ms off the player's grid after 12 beats at 72 BPM); short enough to follow drift and rubato.
     */
    static final double MEMORY_BEATS = 20;
    /** Tukey's biweight constant, in robust standard deviations of the onsets from the grid ({@link #fit}). */
    static final double BIWEIGHT_C = 4.685;
    /** The least biweight cutoff, ms: an exact player (a sequencer) has no spread to measure. */
    static final long MIN_CUTOFF_MS = 20;
    /** How many standard errors a parabola through the window must bend to be heard as a change of tempo. */
    static final double CURVE_T = 2;
    /** The least weight of onsets for that test (below it, the memory decides). */
    private static final double CURVE_ONSETS = 8;

    private final OnsetWindow window;
    private final TempoPrior prior;
    private final double[] distances = new double[OnsetWindow.CAPACITY];
    /** Each onset's weight in the last fit ({@link #fit}) but for its age. */
    private final double[] robust = new double[OnsetWindow.CAPACITY];
    private double period;
    private double origin;
    private double confidence;

    GridFit(OnsetWindow window, TempoPrior prior) {
        this.window = window;
        this.prior = prior;
    }

    /** The fitted beat period, ns. */
    double period() {
        return period;
    }

    /** The fitted time of beat 0, ns. */
    double origin() {
        return origin;
    }

    /** How well the onsets fit the grid, 0..1. */
    double confidence() {
        return confidence;
    }

    /**
     * Fits the grid (period and origin) again to the onsets in the window, as seen at {@code now}, from the grid
     * ({@code fromPeriod}, {@code fromOrigin}) they were placed on; {@code tracking}: the beat is found; {@code settled}:
     * induction is over. A line weighted by age
     * ({@value #MEMORY_BEATS} beats' memory), lower off the beat, and, once settled, lower the further an onset lies
     * from the current grid (by a factor never below a third). Then, once the beat is found (while it is still being
     * induced too), if the window keeps one tempo ({@link #steady}), that line is replaced by one through every onset in
     * the window alike, however old, each weighted by how close it lies to the first line (Tukey's biweight,
     * {@link #biweightCutoff}): a triplet or an ornament does not move it, and the tempo carried into the answer is
     * measured from the whole phrase, not mostly from its last notes. A short call ends before the beat settles
     * ({@value BeatTracker#INDUCTION_ONSETS} onsets); weighted by age and position, eight notes of quarters and halves that close
     * on a dotted quarter and an eighth were fitted 1.4 to 2.5 % slow at 72 BPM, their last onsets then counted a
     * sixteenth early and weighing too little to pull the line back.
     */
    void fit(long now, double fromPeriod, double fromOrigin, double fromConfidence, boolean tracking, boolean settled) {
        period = fromPeriod;
        origin = fromOrigin;
        confidence = fromConfidence;
        double slot = period / SLOTS_PER_BEAT;
        double sw = 0, ss = 0, st = 0, sss = 0, sst = 0;
        double fitWeight = 0;
        double misfit = 0;
        for (int i = 0; i < window.count(); i++) {
            double ageBeats = (now - window.time(i)) / period;
            double age = Math.exp(-ageBeats / MEMORY_BEATS);
            double residual = (window.time(i) - origin) / slot - window.slot(i);
            double w = window.slot(i) % SLOTS_PER_BEAT == 0 ? 1.0 : window.slot(i) % 2 == 0 ? 0.6 : 0.3;
            // two onsets on one sixteenth (a tuplet's notes between sixteenths) say nothing of the grid
            if (i > 0 && window.slot(i) == window.slot(i - 1) || i + 1 < window.count() && window.slot(i) == window.slot(i + 1)) w = 0;
            if (settled) {
                double r = Math.min(Math.abs(residual), 0.5) / 0.35;
                w *= Math.exp(-0.5 * r * r);
                misfit += age * Math.min(Math.abs(residual), 0.5);
                fitWeight += age;
            }
            robust[i] = w;
            w *= age;
            sw += w;
            ss += w * window.slot(i);
            st += w * window.time(i);
            sss += w * window.slot(i) * window.slot(i);
            sst += w * window.slot(i) * (double) window.time(i);
        }
        if (tracking && !prior.locked() && sw > 0) {
            double meanS = ss / sw;
            double varS = sss / sw - meanS * meanS;
            double lineSlot = (sst / sw - meanS * st / sw) / varS;
            double lineOrigin = st / sw - lineSlot * meanS;
            if (varS >= 2.0 && lineSlot > 0 && steady(lineSlot, lineOrigin, meanS)) {
                double cutoff = biweightCutoff(lineSlot, lineOrigin);
                double rsw = 0, rss = 0, rst = 0, rsss = 0, rsst = 0;
                for (int i = 0; i < window.count(); i++) {
                            double r = Math.abs(window.time(i) - lineOrigin - lineSlot * window.slot(i)) / cutoff;
                    double w = r >= 1 ? 0 : (1 - r * r) * (1 - r * r);
                    rsw += w;
                    rss += w * window.slot(i);
                    rst += w * window.time(i);
                    rsss += w * window.slot(i) * window.slot(i);
                    rsst += w * window.slot(i) * (double) window.time(i);
                }
                double rMeanS = rsw > 0 ? rss / rsw : 0;
                if (rsw > 0 && rsss / rsw - rMeanS * rMeanS >= 2.0) {
                    sw = rsw;
                    ss = rss;
                    st = rst;
                    sss = rsss;
                    sst = rsst;
                }
            }
        }
        if (sw <= 0) return;
        double meanS = ss / sw;
        double meanT = st / sw;
        double varS = sss / sw - meanS * meanS;
        double newSlot = slot;
        if (!prior.locked() && varS >= 2.0) {
            double cov = sst / sw - meanS * meanT;
            newSlot = cov / varS;
            double p = prior.clamp(newSlot * SLOTS_PER_BEAT);
            // a single fit moves the period by at most 8%
            p = Math.max(period * 0.92, Math.min(period * 1.08, p));
            if (!settled) p = prior.clamp(newSlot * SLOTS_PER_BEAT);
            newSlot = p / SLOTS_PER_BEAT;
        }
        period = newSlot * SLOTS_PER_BEAT;
        origin = meanT - newSlot * meanS;
        if (!settled) {
            // fit quality of the induced grid
            double sum = 0;
            double total = 0;
            for (int i = 0; i < window.count(); i++) {
                    double residual = (window.time(i) - origin) / newSlot - window.slot(i);
                sum += Math.min(Math.abs(residual), 0.5);
                total++;
            }
            confidence = 1 - 2 * sum / total;
        } else {
            confidence = fitWeight > 0 ? 1 - 2 * misfit / fitWeight : confidence;
        }
    }

    /**
     * Whether the onsets in the window keep one tempo: a parabola through them (time against sixteenth, each onset
     * weighted by {@link #robust}, centred on {@code centre}) bends less than {@value #CURVE_T} standard errors away
     * from the line ({@code slot}, {@code origin}). A player who drifts or breathes bends it; a steady one's jitter
     * does not, and then the tempo is best measured from all of the window alike.
     */
    private boolean steady(double slot, double origin, double centre) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, y0 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < window.count(); i++) {
            double w = robust[i];
            double x = window.slot(i) - centre;
            double y = window.time(i) - origin - slot * window.slot(i);
            s0 += w;
            s1 += w * x;
            s2 += w * x * x;
            s3 += w * x * x * x;
            s4 += w * x * x * x * x;
            y0 += w * y;
            y1 += w * x * y;
            y2 += w * x * x * y;
        }
        if (s0 < CURVE_ONSETS) return false;
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (!(Math.abs(det) > 1e-9)) return false;
        double a = (y0 * (s2 * s4 - s3 * s3) - s1 * (y1 * s4 - s3 * y2) + s2 * (y1 * s3 - s2 * y2)) / det;
        double b = (s0 * (y1 * s4 - y2 * s3) - y0 * (s1 * s4 - s3 * s2) + s2 * (s1 * y2 - y1 * s2)) / det;
        double c = (s0 * (s2 * y2 - s3 * y1) - s1 * (s1 * y2 - s2 * y1) + y0 * (s1 * s3 - s2 * s2)) / det;
        double squares = 0;
        for (int i = 0; i < window.count(); i++) {
            double x = window.slot(i) - centre;
            double r = window.time(i) - origin - slot * window.slot(i) - a - b * x - c * x * x;
            squares += robust[i] * r * r;
        }
        double variance = squares / (s0 - 3);
        double standardError = Math.sqrt(variance * (s0 * s2 - s1 * s1) / det);
        return Math.abs(c) < CURVE_T * standardError;
    }

    /**
     * The biweight's cutoff for the line ({@code slot}, {@code origin}), in nanoseconds: {@value #BIWEIGHT_C} robust
     * standard deviations of the onsets' distances from it (the median distance over 0.6745), at least
     * {@value #MIN_CUTOFF_MS} ms. A player's jitter then counts nearly whole (95 % efficiency for normal jitter, whatever
     * its size), and an onset several times further off than the others, a triplet or an ornament, not at all.
     */
    private double biweightCutoff(double slot, double origin) {
        for (int i = 0; i < window.count(); i++) {
            distances[i] = Math.abs(window.time(i) - origin - slot * window.slot(i));
        }
        Arrays.sort(distances, 0, window.count());
        int count = window.count();
        double median = (count & 1) == 1 ? distances[count / 2] : (distances[count / 2 - 1] + distances[count / 2]) / 2;
        return Math.max(BIWEIGHT_C * median / 0.6745, MIN_CUTOFF_MS * 1e6);
    }
}
