package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * The note values of a melody, from the intervals between the onsets in the {@link OnsetWindow} ({@link #sortOut}):
 * intervals clustered within {@value #CLUSTER_TOLERANCE} of each other (or 25 ms) are one value, as in Dixon's
 * BeatRoot; the value that fills most time with sound and the one heard most often are the candidates for the beat's
 * level ({@link BeatInduction}). Dotted pairs that subdivide a beat count as two even intervals. Allocation-free.
 */
final class NoteValues {

    static final double CLUSTER_TOLERANCE = 0.1;
    private static final double CLUSTER_NANOS = 25e6;
    /** A dotted pair's long interval is this many times its short one, or up to ({@link #evenDottedPairs}) ... */
    private static final double DOTTED_PAIR_LOW = 2.3;
    /** ... this many. */
    private static final double DOTTED_PAIR_HIGH = 4.5;
    /** A dotted pair whose long note is the note value that fills most time lasts this many of it (three sixteenths and one). */
    private static final double DOTTED_UNIT_PAIR = 4.0 / 3;
    /** At induction, the dotted pairs of the unit ({@link #unitPair}) count as even only if there are this many or more. */
    private static final int UNIT_PAIRS = 2;
    /** ... and only if a pair lasts no longer than this many of the prior's beats (a beat of 86 BPM for a prior of 120). */
    private static final double UNIT_PAIR_BEATS = 1.4;
    /** A dotted pair's neighbouring intervals are longer than this many of its short one. */
    private static final double PAIR_NEIGHBOUR = 1.5;
    /** How close (in log period) a dotted pair must come to a beat or half a beat to fill it, or to the first pair of its run. */
    private static final double PAIR_FIT = 0.1;
    /** Dotted pairs in a row, each as long as the first, that count as even intervals whatever they fill. */
    private static final int PAIR_RUN = 3;
    /** A run's long intervals together are at least this many times its short ones (a dotted pair's are three). */
    private static final double DOTTED_RUN_RATIO = 2.5;
    /**
     * The commonest interval's levels are tried too when it lies this far (in octaves) from every power of two of the
     * interval that fills most time: about the cluster tolerance, so a value of half or twice the other is not another.
     */
    private static final double OTHER_NOTE_VALUE_OCTAVES = 0.15;
    /** Note values heard equally often are weighed against each other from this many hearings each. */
    private static final int TIED_MEMBERS = 3;
    /**
     * The unit's beat holds the onsets badly when their {@link BeatInduction#sixteenthCoherence} on it is below this: then another
     * note value as long as half that beat or longer, one its sixteenths cannot hold, offers its levels too
     * ({@link #other}).
     */
    private static final double LONG_VALUE_OFF_GRID = 0.7;
    /**
     * Below this, a shorter other note value offers its levels too (it may be a tuplet of the beat): at 0.75, calls that
     * open with a triplet's pickup were heard at 1.5 times their tempo.
     */
    private static final double SHORT_VALUE_OFF_GRID = 0.6;
    /** An interval longer than this many times the upper quartile of the intervals holds a rest: it is no candidate for the melody's note value. */
    private static final double REST_QUARTILES = 2.5;
    /** An interval whose silence before the next onset is over this share of it is a note and a rest: it fills no time with its note value. */
    private static final double DETACHED_SHARE = 0.5;


    private final OnsetWindow window;
    private final TempoPrior prior;
    private final double[] iois = new double[OnsetWindow.CAPACITY];
    private final double[] sorted = new double[OnsetWindow.CAPACITY];
    /** The note value that fills most time, of the intervals {@link #noteValues} last sorted out. */
    private double unitValue;
    /** The note value heard most often ... */
    private double commonestValue;
    /** ... and how often. */
    private int commonestMembers;
    /** How many intervals the last {@link #clusterSum} counted. */
    private int clusterMembers;

    /** The shortest interval that is a rest, of the intervals last sorted out. */
    private double longest;

    NoteValues(OnsetWindow window, TempoPrior prior) {
        this.window = window;
        this.prior = prior;
    }

    /**
     * Sorts out the note values of the first {@code n} onsets' intervals: the one that fills most time ({@link #unit})
     * and the one heard most often ({@link #commonest}). When the level is reviewed, {@code tracked} is the current
     * beat, and the dotted pairs that subdivide it (or half of it) count as even intervals ({@link #evenDottedPairs});
     * at induction (0) those that subdivide the note value that fills most time (or four thirds of it, where that value
     * is their own dotted note). Of note values heard equally often ({@value #TIED_MEMBERS} times or more: two may be one
     * value split by rubato, or chance), the commonest is the one that offers other levels than the one that fills most
     * time.
     */
    void sortOut(int n, double tracked) {
        intervals(n);
        int m = n - 1;
        longest = noteValues(m);
        boolean evened = tracked > 0 ? evenDottedPairs(m, tracked, tracked / 2, false) : evenDottedPairs(m, unitValue, unitValue, true);
        if (evened) longest = noteValues(m);
        double commonest = commonestValue;
        int mostMembers = commonestMembers;
        for (int i = 0; i < m && mostMembers >= TIED_MEMBERS && !isOther(unitValue, commonest); i++) {
            if (iois[i] > longest) continue;
            double sum = clusterSum(i, m);
            if (clusterMembers == mostMembers) commonest = sum / clusterMembers;
        }
        commonestValue = commonest;
    }

    /** The note value that fills most time, of the intervals last sorted out. */
    double unit() {
        return unitValue;
    }

    /** The note value heard most often, of the intervals last sorted out. */
    double commonest() {
        return commonestValue;
    }

    /** Interval {@code i} (between onsets {@code i} and {@code i + 1}), ns; a dotted pair's evened. */
    double interval(int i) {
        return iois[i];
    }

    /**
     * The note value heard most often (twice or more) of those among the first {@code n - 1} intervals, below
     * the shortest rest ({@link #longest}), that no power of two of {@code unit} is, if the onsets keep badly to the sixteenths of
     * {@code beat}, the unit's level (their {@code coherence} on them below {@value #LONG_VALUE_OFF_GRID}; {@value #SHORT_VALUE_OFF_GRID} for a value shorter
     * than half the beat); else {@code unit}. A 3/4 song of dotted halves, halves and quarters, its dotted halves filling
     * most time and heard most often, was heard in dotted quarters (two thirds of the player's tempo): its quarters fell
     * between that beat's sixteenths, and no power of two of a dotted half is a quarter.
     */
    double other(double unit, double beat, double coherence, int n) {
        if (coherence >= LONG_VALUE_OFF_GRID) return unit;
        double other = unit;
        int otherMembers = 1;
        for (int i = 0; i < n - 1; i++) {
            if (iois[i] > longest || !isOther(unit, iois[i])) continue;
            if (iois[i] < beat / 2 && coherence >= SHORT_VALUE_OFF_GRID) continue;
            double sum = clusterSum(i, n - 1);
            if (clusterMembers > otherMembers) {
                otherMembers = clusterMembers;
                other = sum / clusterMembers;
            }
        }
        return other;
    }

    /**
     * The note values of the first {@code m} intervals: the one that fills most time ({@link #unitValue}) and the one
     * heard most often ({@link #commonestValue}, {@link #commonestMembers}), each the mean of its cluster of intervals;
     * an interval of several times the upper quartile is a rest, not a note value, however much time it fills.
     *
     * @return the shortest interval that is a rest
     */
    private double noteValues(int m) {
        System.arraycopy(iois, 0, sorted, 0, m);
        Arrays.sort(sorted, 0, m);   // a few dozen primitives: sorted in place, nothing allocated
        double longest = REST_QUARTILES * sorted[(3 * m) / 4];
        double best = 0;
        double bestSounded = 0;
        unitValue = sorted[m / 2];
        double soundedUnit = unitValue;
        commonestMembers = 0;
        commonestValue = unitValue;
        for (int i = 0; i < m; i++) {
            if (iois[i] > longest) continue;
            double sum = clusterSum(i, m);
            if (sum > best) {
                best = sum;
                unitValue = sum / clusterMembers;
            }
            if (clusterMembers > commonestMembers) {
                commonestMembers = clusterMembers;
                commonestValue = sum / clusterMembers;
            }
            double sounded = soundedTime(i, m);
            if (sounded > bestSounded) {
                bestSounded = sounded;
                soundedUnit = sum / clusterMembers;
            }
        }
        // the time a note value fills is what its notes sounded: a detached note and the rest after it fill a quarter
        // with silence (a hornpipe's sixteenths on the beat, each then a rest, made the quarter its note value, and its
        // beat was taken at half the player's tempo)
        if (bestSounded > 0) unitValue = soundedUnit;
        return longest;
    }

    /**
     * The time the intervals of interval {@code i}'s cluster ({@link #clusterSum}, of the first {@code m}) fill with
     * sound: each that is not mostly a rest (the silence before the next onset over {@value #DETACHED_SHARE} of it).
     */
    private double soundedTime(int i, int m) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            if (inCluster(i, j) && window.silence(j + 1) <= DETACHED_SHARE * iois[j]) sum += iois[j];
        }
        return sum;
    }

    /**
     * Counts each dotted pair among the first {@code m} intervals that fills {@code whole} or {@code part} as two even
     * intervals: a long interval and one about a third of it ({@value #DOTTED_PAIR_LOW} to {@value #DOTTED_PAIR_HIGH}
     * times shorter), each next to intervals longer than the short one (a triplet's run is no pair). A hornpipe's dotted
     * eighth and sixteenth subdivide its beat, as swung eighths do; counted as note values, a few bars of them made the
     * dotted eighth the commonest value, and the beat was taken as three quarters or four thirds of the player's. The
     * pair must fill the beat being reviewed or half of it, or at induction the note value that fills most time, so that
     * a waltz's dotted quarter and eighth (two of its quarters) still count as the note values they are. A run of
     * {@value #PAIR_RUN} or more pairs of one length, dotted together ({@value #DOTTED_RUN_RATIO} to one or more), counts
     * whatever it fills: a clog or hornpipe whose bars are all dotted pairs, after a triplet's pickup, has no other note
     * value to fill, and was heard at three quarters or four thirds of the player's tempo. After its first pair, a run
     * may hold Scotch snaps (the short note first) if its pairs last no longer than the slowest beat tracked: a
     * strathspey's dotted pairs and snaps in turn were heard at three quarters or four thirds of the player's tempo too.
     * At {@code induction}, where the dotted note is itself the value that fills most time, its dotted pairs
     * ({@link #unitPair}, {@value #UNIT_PAIRS} or more) count as even wherever they stand, in a run or not: a 6/8 line of
     * dotted eighths, sixteenths and eighths, or a run of dotted pairs that jitter broke into runs too short, was
     * heard at two thirds or three quarters of the player's tempo.
     *
     * @return whether any pair was evened
     */
    private boolean evenDottedPairs(int m, double whole, double part, boolean induction) {
        boolean evened = false;
        int unitPairs = induction ? unitPairs(m, whole) : 0;
        for (int i = 0; i + 1 < m; i++) {
            boolean dotted = dottedPair(i, m);
            // a run begins with a dotted pair, its long note first (read from a snap, it may be read a note late)
            if (!dotted && !longFirstPair(i)) continue;
            double pair = iois[i] + iois[i + 1];
            boolean alone = i == 0 || iois[i - 1] > PAIR_NEIGHBOUR * iois[i + 1];
            boolean fills = Math.abs(Math.log(pair / whole)) < PAIR_FIT || Math.abs(Math.log(pair / part)) < PAIR_FIT;
            boolean ofTheUnit = unitPairs >= UNIT_PAIRS && dotted && unitPair(i, m, whole);
            int pairs = 1;
            if (!(dotted && alone && fills) && !ofTheUnit) {
                // or a run of them, each as long as the first, clearly dotted together (a jig's quarters and eighths,
                // two to one, come out near three to one now and then when played at speed), after the first the short
                // note first or last and the neighbours not longer (a strathspey's dotted pairs and Scotch snaps in turn)
                double longs = Math.max(iois[i], iois[i + 1]);
                double shorts = Math.min(iois[i], iois[i + 1]);
                boolean snapped = false;
                while (i + 2 * pairs + 1 < m && unevenPair(i + 2 * pairs)
                        && Math.abs(Math.log((iois[i + 2 * pairs] + iois[i + 2 * pairs + 1]) / pair)) < PAIR_FIT) {
                    longs += Math.max(iois[i + 2 * pairs], iois[i + 2 * pairs + 1]);
                    shorts += Math.min(iois[i + 2 * pairs], iois[i + 2 * pairs + 1]);
                    snapped |= iois[i + 2 * pairs] < iois[i + 2 * pairs + 1];
                    pairs++;
                }
                if (pairs < PAIR_RUN || longs < DOTTED_RUN_RATIO * shorts) continue;
                // a snap is quick, within a beat: a slow air's quarter before a dotted half is no snap
                if (snapped && pair > prior.slowestBeat()) continue;
            }
            for (int k = 0; k < pairs; k++, i += 2) {
                double even = (iois[i] + iois[i + 1]) / 2;
                iois[i] = even;
                iois[i + 1] = even;
            }
            i--;
            evened = true;
        }
        return evened;
    }

    /** How many dotted pairs ({@link #dottedPair}) of {@code unit} ({@link #unitPair}) the first {@code m} intervals hold. */
    private int unitPairs(int m, double unit) {
        int pairs = 0;
        for (int i = 0; i + 2 < m; i++) {
            if (dottedPair(i, m) && unitPair(i, m, unit)) pairs++;
        }
        return pairs;
    }

    /**
     * Whether intervals {@code i} and {@code i + 1} (of the first {@code m}, an interval after them heard) last four
     * thirds of {@code unit}, the note value that fills most time: a dotted eighth and its sixteenth
     * when the dotted eighths fill most time, so that no pair fills the unit itself. A pair longer than
     * {@value #UNIT_PAIR_BEATS} of the prior's beats is two beats rather than one (a song's dotted quarter and eighth, at
     * 140 BPM or slower), and stays as it is.
     */
    private boolean unitPair(int i, int m, double unit) {
        double pair = iois[i] + iois[i + 1];
        return i + 2 < m && Math.abs(Math.log(pair / (DOTTED_UNIT_PAIR * unit))) < PAIR_FIT
                && pair <= UNIT_PAIR_BEATS * prior.period();
    }

    /**
     * Whether intervals {@code i} and {@code i + 1} are uneven as a dotted pair's, in either order: one
     * {@value #DOTTED_PAIR_LOW} to {@value #DOTTED_PAIR_HIGH} times the other (a dotted pair, or a Scotch snap).
     */
    private boolean unevenPair(int i) {
        double ratio = Math.max(iois[i], iois[i + 1]) / Math.min(iois[i], iois[i + 1]);
        return ratio >= DOTTED_PAIR_LOW && ratio <= DOTTED_PAIR_HIGH;
    }

    /**
     * Whether intervals {@code i} and {@code i + 1} (of the first {@code m}) are a dotted pair's: the second
     * {@value #DOTTED_PAIR_LOW} to {@value #DOTTED_PAIR_HIGH} times shorter, and the interval after it longer than the
     * short one.
     */
    private boolean dottedPair(int i, int m) {
        return longFirstPair(i) && (i + 2 >= m || iois[i + 2] > PAIR_NEIGHBOUR * iois[i + 1]);
    }

    /** {@link #unevenPair} with its long interval first. */
    private boolean longFirstPair(int i) {
        return iois[i] > iois[i + 1] && unevenPair(i);
    }

    /**
     * The total of the intervals within {@value #CLUSTER_TOLERANCE} (or 25 ms) of interval {@code i}, of the first
     * {@code m}; their number is left in {@link #clusterMembers}.
     */
    private double clusterSum(int i, int m) {
        double sum = 0;
        int members = 0;
        for (int j = 0; j < m; j++) {
            if (inCluster(i, j)) {
                sum += iois[j];
                members++;
            }
        }
        clusterMembers = members;
        return sum;
    }

    /** Whether interval {@code j} is within {@value #CLUSTER_TOLERANCE} (or 25 ms) of interval {@code i}: one note value. */
    private boolean inCluster(int i, int j) {
        return Math.abs(iois[j] - iois[i]) <= Math.max(CLUSTER_TOLERANCE * iois[i], CLUSTER_NANOS);
    }

    /** Whether no power of two of note value {@code a} is {@code b}: their beats are other levels. */
    static boolean isOther(double a, double b) {
        double octaves = Math.log(a / b) / Math.log(2);
        return Math.abs(octaves - Math.rint(octaves)) > OTHER_NOTE_VALUE_OCTAVES;
    }

    /** The consecutive intervals of the first {@code n} onsets into {@link #iois}. */
    void intervals(int n) {
        for (int i = 1; i < n; i++) iois[i - 1] = window.time(i) - window.time(i - 1);
    }

}
