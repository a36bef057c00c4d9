package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

import java.util.Arrays;

/**
 * The beat a handful of onsets suggest, for the {@link BeatTracker}'s induction and its review of the metrical level:
 * the melody's note values (clustered intervals, as in Dixon's BeatRoot), the level of the beat among them under the
 * tempo prior ({@link #chooseLevel}), and the onsets placed on that beat's sixteenths and numbered from its phase
 * ({@link #place}, {@link #numberFromTheBeat}). It places the onsets in the window as it weighs each level: the
 * window's sixteenths are its scratch. Allocation-free.
 */
final class BeatInduction {

    static final double PRIOR_SIGMA = 0.55;
    static final double LEVEL_WEIGHT = 2;
    static final double LEVEL_HOLD = 0.5;
    static final double EIGHTH_WEIGHT = 0.6;
    /**
     * Per octave of tempo, how much a slower level is preferred: in doubt, the slower. A beat twice too slow still puts
     * an answer on the player's sixteenths and beats (its sixteenths are the player's eighths); one twice too fast puts
     * half its notes between them and may enter on an off-beat.
     */
    static final double SLOWER_LEVEL_BONUS = 0.3;
    /**
     * Between the beat of the note value that fills most time and that of the one heard most often, when neither is a
     * power of two of the other ({@link #inducedBeat}), what keeping to each one's sixteenth grid weighs
     * ({@link #sixteenthCoherence}, 0..1): a 6/8 line of dotted quarters and quarter-eighth pairs fills as many
     * dotted-quarter beats as quarter ones, but its quarters fall on thirds of a dotted quarter, between the lines of
     * that beat's sixteenths.
     */
    static final double COHERENCE_WEIGHT = 1;
    /**
     * A beat faster than {@value #FAST_FROM} times the prior's tempo loses up to {@value #FAST_PENALTY} of score, all of
     * it from {@value #FAST_FULL} times (from 162 and 192 BPM for a prior of 120): a reel written in sixteenths and played
     * at 96 or 140 BPM was tracked at 192 or 280, its answer in 32nd notes of the player's.
     */
    static final double FAST_FROM = 1.35;
    static final double FAST_FULL = 1.6;
    static final double FAST_PENALTY = 1.5;
    /** The shortest share of the melody's commonest note value tried as its beat ({@link #chooseLevel}). */
    private static final double SHORTEST_LEVEL = 0.125;
    /** An interval of this many beats or more holds a rest: the level's fit does not ask for onsets on its inner beats. */
    static final int REST_BEATS = 3;
    /** After the player was lost, the beat found again is within this factor of the beat lost. */
    static final double RELOCK_FACTOR = 1.4;
    private static final double CARRY_LIMIT = 0.34;
    /** Notes closer than this many sixteenths, two intervals or more in a row, are a run ({@link #inARun}). */
    private static final double RUN_SIXTEENTHS = 0.75;
    /**
     * {@link #dottedEighthsInARow}: this many intervals in a row of three sixteenths each, within
     * {@value #DOTTED_EIGHTH_TOLERANCE} of a sixteenth each and all together, are the player's eighths heard as a faster
     * beat's dotted eighths.
     */
    static final int DOTTED_EIGHTH_RUN = 3;
    private static final double DOTTED_EIGHTH_TOLERANCE = 0.25;
    /** {@link #tripletsOfTheBeat}: intervals in a row, each within this share of a third or sixth of the beat found. */
    private static final int TRIPLET_RUN = 2;
    private static final double TRIPLET_TOLERANCE = 0.15;
    /** {@link #tripletsOfTheBeat}: a beat within this share of 1.5 or 3 times as fast as the one found. */
    private static final double TRIPLET_RATIO_TOLERANCE = 0.06;
    /**
     * {@link #tripletsOfTheBeat}: the beat found before the triplets, from these many onsets up to the first triplet's,
     * over these many beats, keeping to its sixteenths this closely.
     */
    private static final int ONSETS_BEFORE_TRIPLETS = 4;
    private static final double BEATS_BEFORE_TRIPLETS = 2;
    private static final double COHERENCE_BEFORE_TRIPLETS = 0.8;
    /** {@link #tripletsOfTheBeat}: how much more closely the other onsets may keep to the faster beat's sixteenths. */
    private static final double TRIPLET_COHERENCE_SLACK = 0.05;
    /**
     * {@link #chooseLevel}: a level's refined period ({@link #bestFittingPeriod}) within this much (in log period) of
     * its multiple of the commonest interval is taken where the onsets keep to its sixteenths this closely
     * ({@link #sixteenthCoherence}), however its placement suits a beat.
     */
    private static final double REFINED_NEAR = 0.05;
    private static final double REFINED_COHERENCE = 0.8;

    private final OnsetWindow window;
    private final TempoPrior prior;
    private final NoteValues values;
    /** Scratch of {@link #tripletsOfTheBeat}: the onsets of the window next to an interval of a triplet of the beat. */
    private final boolean[] nextToATriplet = new boolean[OnsetWindow.CAPACITY];
    /** Whether the player's eighths were heard as the dotted eighths of a beat two thirds of theirs ({@link #inducedBeat}). */
    private boolean eighthsHeardDotted;
    /** The score of the level {@link #chooseLevel} chose last (negative infinity if none was in range). */
    private double levelScore;

    BeatInduction(OnsetWindow window, TempoPrior prior) {
        this.window = window;
        this.prior = prior;
        values = new NoteValues(window, prior);
    }

    /** Sets whether the player's eighths are heard as the dotted eighths of a beat two thirds of theirs. */
    void setEighthsHeardDotted(boolean heard) {
        eighthsHeardDotted = heard;
    }

    /**
     * The beat period the first {@code n} onsets suggest: from their commonest interval ({@link #chooseLevel}), or the
     * prior's refined to them with the tempo locked. When the level is reviewed, {@code tracked} is the current beat
     * ({@link NoteValues#sortOut}); 0 at induction. {@code held} is the beat found, whose level is preferred
     * ({@link #LEVEL_HOLD}), 0 if none; {@code lost} the beat when the player was lost, 0 if not: the beat found again
     * is within {@value #RELOCK_FACTOR} times it. Overwrites the intervals and the window's sixteenths.
     */
    double inducedBeat(int n, double tracked, double held, double lost) {
        values.sortOut(n, tracked);
        double unit = values.unit();
        double commonest = values.commonest();
        double beat;
        if (prior.locked()) {
            beat = bestFittingPeriod(prior.period(), n);
        } else {
            // the note value that fills most time, and the one heard most often where no power of two of one is the
            // other (a slow air's long notes of three beats fill more time than its quarters, and no beat is made of
            // three quarters; a waltz's dotted quarters fill more time than its quarters, and no beat is made of two
            // thirds or four thirds of a quarter)
            beat = chooseLevel(unit, n, held, lost);
            double coherence = sixteenthCoherence(beat, n);
            if (!NoteValues.isOther(unit, commonest)) commonest = values.other(unit, beat, coherence, n);
            if (NoteValues.isOther(unit, commonest)) {
                // and between those two, how closely the onsets keep to each one's sixteenths
                double byTime = levelScore + COHERENCE_WEIGHT * coherence;
                double byCount = chooseLevel(commonest, n, held, lost);
                if (levelScore + COHERENCE_WEIGHT * sixteenthCoherence(byCount, n) > byTime) beat = byCount;
            }
            // a beat whose sixteenths hold the player's eighths as dotted eighths, three or more in a row, is two thirds
            // of the player's: no line runs on in dotted eighths, and a hornpipe of triplets and eighths fits that faster
            // beat's sixteenths note for note. Once heard so, that beat is not taken again while the player is followed.
            boolean again = eighthsHeardDotted && tracked > 0 && Math.abs(Math.log(1.5 * beat / tracked)) < REFINED_NEAR;
            if (1.5 * beat <= prior.slowestBeat() && (again || dottedEighthsInARow(beat, 0, n))) {
                beat *= 1.5;
                eighthsHeardDotted = true;
            }
        }
        return beat;
    }

    /**
     * Whether onsets {@code from} to {@code n - 1} hold {@value #DOTTED_EIGHTH_RUN} intervals in a row of three
     * sixteenths of {@code beat} each, a dotted pair of four and a half and one and a half counting as two (the
     * player's dotted eighth and sixteenth, which fill two of the player's eighths). In the first four bars of 1,676 third-party folk tunes no line holds three dotted
     * eighths in a row; where a beat holds them, they are the player's eighths, and the beat is two thirds of the
     * player's. (Were they the player's quarters, the beat four thirds of the player's, 1.5 times it is half the
     * player's tempo, whose sixteenths hold the player's eighths.) Quarter triplets, 2 2/3 sixteenths each, are told
     * apart by their sum.
     */
    boolean dottedEighthsInARow(double beat, int from, int n) {
        double sixteenth = beat / SLOTS_PER_BEAT;
        int inARow = 0;
        int start = 0;
        for (int i = Math.max(1, from + 1); i < n; i++) {
            double interval = (window.time(i) - window.time(i - 1)) / sixteenth;
            int eighths;
            if (Math.abs(interval - 3) < DOTTED_EIGHTH_TOLERANCE) {
                eighths = 1;
            } else if (i + 1 < n && Math.abs(interval - 4.5) < DOTTED_EIGHTH_TOLERANCE
                    && Math.abs((window.time(i + 1) - window.time(i)) / sixteenth - 1.5) < DOTTED_EIGHTH_TOLERANCE) {
                eighths = 2;
            } else {
                inARow = 0;
                continue;
            }
            if (inARow == 0) start = i - 1;
            inARow += eighths;
            i += eighths - 1;
            if (inARow >= DOTTED_EIGHTH_RUN && Math.abs((window.time(i) - window.time(start)) / sixteenth
                    - 3 * inARow) < DOTTED_EIGHTH_TOLERANCE) return true;
        }
        return false;
    }

    /**
     * Places the first {@code n} onsets on the sixteenths of {@code beat} ({@link #place}, runs sharing them) and numbers
     * them from its beat at or before the first onset ({@link #numberFromTheBeat}).
     */
    void placeOnTheBeat(double beat, int n) {
        place(beat / SLOTS_PER_BEAT, n, true);
        numberFromTheBeat(beat, n);
    }

    /**
     * Renumbers the first {@code n} onsets, placed on the sixteenths of {@code beat}, so that slot 0 is the beat at or
     * before the first onset ({@link #numberFromTheBeat}), the longest notes weighed by their intervals as heard.
     */
    void numberFromTheFirstOnset(double beat, int n) {
        values.intervals(n);
        window.renumber(window.slot(0));
        numberFromTheBeat(beat, n);
    }

    /**
     * Renumbers the first {@code n} onsets, placed from slot 0, so that slot 0 is the beat of {@code beat} at or before
     * the first onset, on the phase {@link #bestPhase} gives, of the parity of sixteenths the onsets keep to
     * ({@link OnsetWindow#sixteenthParity}).
     */
    private void numberFromTheBeat(double beat, int n) {
        int phase = bestPhase(beat, n, window.sixteenthParity(n));
        int shift = phase == 0 ? 0 : phase - SLOTS_PER_BEAT;
        for (int i = 0; i < n; i++) window.setSlot(i, window.slot(i) - shift);
    }

    /**
     * Whether {@code candidate}, a beat 1.5 or 3 times as fast as the one found ({@code beat}), would count the player's
     * triplets as its own eighths or sixteenths, so that the beat found holds. A line in quarters that breaks into
     * triplet eighths (the first violin of a Beethoven quartet, found at 72 BPM from its quarters) was induced afresh at
     * the triplets' second interval, at 108 BPM: the triplets, the commonest value, were taken for eighths, and the
     * quarters before them still kept to that beat's sixteenths. It holds where the first {@code n} onsets hold
     * {@value #TRIPLET_RUN} or more intervals in a row of a third or a sixth of the beat found (within
     * {@value #TRIPLET_TOLERANCE}; measured as 1.5 or 3 times the candidate, which induction fitted to them), the beat
     * was found before them ({@value #ONSETS_BEFORE_TRIPLETS} onsets or more up to the first triplet's, which comes
     * {@value #BEATS_BEFORE_TRIPLETS} beats or more after the first onset, keeping to {@code beat}'s sixteenths:
     * {@link #coherence} {@value #COHERENCE_BEFORE_TRIPLETS} or more), and the onsets next to no triplet interval keep
     * to {@code beat}'s sixteenths nearly as closely as to the candidate's ({@value #TRIPLET_COHERENCE_SLACK}). Its
     * blind side: a 6/8 line that opens with three dotted quarters and runs on in eighths sounds as a line of quarters
     * breaking into triplets, and is held in dotted quarters.
     */
    boolean tripletsOfTheBeat(double beat, double candidate, int n) {
        double ratio = beat / candidate;
        double multiple = Math.abs(ratio / 1.5 - 1) < TRIPLET_RATIO_TOLERANCE ? 1.5 : Math.abs(ratio / 3 - 1) < TRIPLET_RATIO_TOLERANCE ? 3 : 0;
        if (n < ONSETS_BEFORE_TRIPLETS + TRIPLET_RUN || multiple == 0) return false;
        boolean run = false;
        for (int divisor = 3; divisor <= 6; divisor += 3) {
            // measured on the candidate, which was fitted to them: the beat found may have been pulled a percent or two
            double triplet = candidate * multiple / divisor;
            int inARow = 0;
            for (int i = 1; i < n; i++) {
                boolean isTriplet = Math.abs((window.time(i) - window.time(i - 1)) / triplet - 1) < TRIPLET_TOLERANCE;
                inARow = isTriplet ? inARow + 1 : 0;
                run |= inARow >= TRIPLET_RUN;
                nextToATriplet[i] |= isTriplet;
                nextToATriplet[i - 1] |= isTriplet;
            }
        }
        int first = 0;
        while (first < n && !nextToATriplet[first]) first++;
        boolean holds = run && first + 1 >= ONSETS_BEFORE_TRIPLETS
                && window.time(first) - window.time(0) >= BEATS_BEFORE_TRIPLETS * beat
                && coherence(beat, first + 1, false) >= COHERENCE_BEFORE_TRIPLETS
                && coherence(beat, n, true) >= coherence(candidate, n, true) - TRIPLET_COHERENCE_SLACK;
        Arrays.fill(nextToATriplet, 0, n, false);
        return holds;
    }

    /**
     * {@link #sixteenthCoherence} of the first {@code n} onsets (with {@code skipTriplets}, of those not
     * {@link #nextToATriplet}) at the period within 4 % of {@code beat} they keep to best; 0 for fewer than three.
     */
    private double coherence(double beat, int n, boolean skipTriplets) {
        int counted = 0;
        for (int i = 0; i < n; i++) if (!(skipTriplets && nextToATriplet[i])) counted++;
        if (counted < 3) return 0;
        double best = 0;
        for (int step = -8; step <= 8; step++) best = Math.max(best, coherenceAt(beat * (1 + step / 200.0), n, skipTriplets, counted));
        return best;
    }

    /**
     * The sixteenth (0..3) of the placed onsets that is the beat: the one that puts long notes and the first onset on
     * beats; of those of {@code parity} (0 even, 1 odd), if it is not -1.
     */
    private int bestPhase(double beat, int n, int parity) {
        int phase = 0;
        double bestScore = -1;
        for (int p = 0; p < SLOTS_PER_BEAT; p++) {
            if (parity >= 0 && (p & 1) != parity) continue;
            double score = 0;
            for (int i = 0; i < n; i++) {
                if (Math.floorMod(window.slot(i) - p, SLOTS_PER_BEAT) != 0) continue;
                double length = i < n - 1 ? values.interval(i) : beat;
                score += Math.min(length, 2 * beat) + (i == 0 ? beat : 0);
            }
            if (score > bestScore) {
                bestScore = score;
                phase = p;
            }
        }
        return phase;
    }

    /**
     * How well the first {@code n} onsets, placed on the sixteenths of {@code beat} with their best phase, suit that
     * beat: the share of beats from the first to the last onset that an onset falls on, plus the share of onsets on a
     * beat or half beat. A beat twice too fast leaves beats empty; one twice too slow puts notes on sixteenths.
     */
    private double levelFit(double beat, int n) {
        place(beat / SLOTS_PER_BEAT, n, false);
        int phase = bestPhase(beat, n, -1);
        int onBeatOrHalf = 0;
        int beatsHit = 0;
        long lastBeatHit = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long slot = window.slot(i) - phase;
            if (Math.floorMod(slot, 2) == 0) onBeatOrHalf++;
            if (Math.floorMod(slot, SLOTS_PER_BEAT) == 0) {
                long b = Math.floorDiv(slot, SLOTS_PER_BEAT);
                if (b != lastBeatHit) beatsHit++;
                lastBeatHit = b;
            }
        }
        long firstBeat = Math.floorDiv(window.slot(0) - phase, SLOTS_PER_BEAT);
        long lastBeat = Math.floorDiv(window.slot(n - 1) - phase, SLOTS_PER_BEAT);
        // a rest is not a beat left empty: the inner beats of the longest interval, if of REST_BEATS or more, do not
        // count (one rest inside a phrase; long notes that recur are the level's too-fast beats left empty)
        long rested = 0;
        for (int i = 1; i < n; i++) {
            long gap = (window.slot(i) - window.slot(i - 1)) / SLOTS_PER_BEAT;
            if (gap >= REST_BEATS) rested = Math.max(rested, gap - 1);
        }
        long beats = Math.max(1, lastBeat - firstBeat + 1 - rested);
        return Math.min(1, beatsHit / (double) beats) + onBeatOrHalf / (double) n;
    }

    /**
     * Sixteenth indexes for the first {@code n} onsets, from 0: each interval rounded to whole sixteenths of
     * {@code slot} ns, with the previous rounding's remainder, and at least one. With {@code runsShare} (the level
     * chosen, as the tracker's induction places them), an interval of a run ({@link #inARun}) that rounds to none takes
     * none: the two onsets share a sixteenth, as the tracker's placing on its fitted grid lets them, and a run of
     * thirty-seconds takes a sixteenth for every two of its notes. Counted a sixteenth each, a Northumbrian tune's two runs of thirty-seconds at 72 BPM, re-induced at
     * that level, took twice the sixteenths they fill, and the line through them came out at 85 BPM. While the level
     * is chosen ({@link #levelFit}) every note keeps a sixteenth of its own: a level twice too slow, its sixteenths the
     * player's eighths, then puts the player's sixteenths on sixteenths of their own, where they count against it.
     */
    private void place(double slot, int n, boolean runsShare) {
        window.setSlot(0, 0);
        double carry = 0;
        for (int i = 1; i < n; i++) {
            double exact = values.interval(i - 1) / slot + carry;
            long step = Math.round(exact);
            if (step == 0 && !(runsShare && inARun(i - 1, n - 1, slot))) step = 1;
            window.setSlot(i, window.slot(i - 1) + step);
            // what the rounding left is carried (three triplet eighths are four sixteenths, not three), up to about a
            // third of a sixteenth: more would be a wrong period adding up, not a tuplet
            carry = Math.max(-CARRY_LIMIT, Math.min(CARRY_LIMIT, exact - step));
        }
    }

    /**
     * Whether interval {@code j} (of the first {@code m}) is one of a run: under {@value #RUN_SIXTEENTHS} of a sixteenth
     * of {@code slot} ns, and so is the interval before or after it (thirty-seconds, a triplet sixteenths' pickup). A
     * single quick interval, a dotted pair's sixteenth heard at a level too slow, is no run.
     */
    private boolean inARun(int j, int m, double slot) {
        double quick = RUN_SIXTEENTHS * slot;
        return values.interval(j) < quick && (j > 0 && values.interval(j - 1) < quick || j + 1 < m && values.interval(j + 1) < quick);
    }

    /**
     * The period within 15% of {@code beat} whose sixteenth grid the first {@code n} onsets fit best (least squares
     * after placing them on it): one jittered interval must not decide how the others are counted.
     */
    private double bestFittingPeriod(double beat, int n) {
        // coarse (1% steps over +-15%), then fine (0.1% steps over +-1% around the coarse best)
        double best = beat;
        double bestFit = -1;
        for (int pass = 0; pass < 2; pass++) {
            double center = best;
            int steps = pass == 0 ? 15 : 10;
            double divisor = pass == 0 ? 100.0 : 1000.0;
            for (int step = -steps; step <= steps; step++) {
                double candidate = center * (1 + step / divisor);
                double fit = sixteenthCoherence(candidate, n);
                if (fit > bestFit + 1e-9) {
                    bestFit = fit;
                    best = candidate;
                }
            }
        }
        return prior.clamp(best);
    }

    /**
     * How closely the first {@code n} onsets keep to one sixteenth grid of {@code beat}, at whatever phase: the length
     * of the mean of their phases on it as unit vectors (1: all on the grid; about 0 for a wrong period). Nothing is
     * placed or rounded, so a triplet or a jittered onset pulls no grid line its way.
     */
    double sixteenthCoherence(double beat, int n) {
        return coherenceAt(beat, n, false, n);
    }

    /** {@link #sixteenthCoherence} over the {@code counted} onsets of the first {@code n} that {@code skipTriplets} leaves. */
    private double coherenceAt(double beat, int n, boolean skipTriplets, int counted) {
        double omega = 2 * Math.PI * SLOTS_PER_BEAT / beat;
        long t0 = window.time(0);
        double c = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (skipTriplets && nextToATriplet[i]) continue;
            double angle = omega * (window.time(i) - t0);
            c += Math.cos(angle);
            s += Math.sin(angle);
        }
        return Math.hypot(c, s) / counted;
    }

    /**
     * The beat period for the first {@code n} onsets, whose commonest interval is {@code unit}: half, one, two or four of
     * it (each refined to the period the onsets fit best), whichever suits the onsets best ({@link #levelFit}, twice)
     * under the log-normal prior around {@code tempo_bpm}, within the range the tracked beat keeps to
     * ({@link TempoPrior#fastestBeat}, {@link TempoPrior#slowestBeat}). Where half of it is slower than the slowest beat
     * ({@link TempoPrior#slowestBeat}), a quarter or an eighth of it is tried too: a song of whole notes and halves at 72 BPM,
     * whose every level from half its whole note up was out of range, ran at the prior's 120 BPM, its answer a
     * third of a quarter off the grid. Its score is left in {@link #levelScore}.
     *
     * <p>A refined period whose placement suits a beat worse is a finer grid that miscounts, unless it lies within
     * {@value #REFINED_NEAR} of the candidate and the onsets keep to its sixteenths ({@value #REFINED_COHERENCE} or
     * more): then it is the candidate's tempo measured more closely. The commonest interval's mean, over a dozen onsets
     * played with ±12 ms, can be 3 to 5 % off; placed on that grid, the interval across a rest of two beats in a short
     * call came out a sixteenth long, a syncopated sixteenth after it an eighth, and {@link #levelFit}, which counts
     * onsets on eighths, preferred that. The line fitted through them was 3.5 % fast, the answer off the grid.
     */
    private double chooseLevel(double unit, int n, double held, double lost) {
        double bestScore = Double.NEGATIVE_INFINITY;
        double chosen = lost > 0 ? lost : prior.period();
        double first = 0.5;
        while (first > SHORTEST_LEVEL && unit * first > prior.slowestBeat()) first /= 2;
        for (double multiple = first; multiple <= 4; multiple *= 2) {
            double candidate = unit * multiple;
            if (candidate > prior.slowestBeat() || candidate < prior.fastestBeat()) continue;
            if (lost > 0 && Math.abs(Math.log(candidate / lost)) > Math.log(RELOCK_FACTOR)) continue;
            // the period the onsets fit best, unless its placement suits a beat worse (a finer grid that miscounts) and
            // it is not the candidate's own tempo, measured more closely
            double refined = bestFittingPeriod(candidate, n);
            double fit = levelFit(candidate, n);
            double refinedFit = levelFit(refined, n);
            if (refinedFit >= fit || Math.abs(Math.log(refined / candidate)) < REFINED_NEAR
                    && sixteenthCoherence(refined, n) >= REFINED_COHERENCE) {
                candidate = refined;
                fit = Math.max(fit, refinedFit);
            }
            double log = Math.log(candidate / prior.period());
            // the note-value prior: the commonest note value is most likely an eighth, as in the corpora
            double eighths = Math.abs(Math.log(unit / (candidate / 2)) / Math.log(2));
            double score = -0.5 * (log / PRIOR_SIGMA) * (log / PRIOR_SIGMA) + LEVEL_WEIGHT * fit - EIGHTH_WEIGHT * eighths
                    + SLOWER_LEVEL_BONUS * log / Math.log(2);
            // a beat well above the prior's tempo must be clearly better (running sixteenths are not a fast beat's eighths)
            double fastness = (-log - Math.log(FAST_FROM)) / Math.log(FAST_FULL / FAST_FROM);
            score -= FAST_PENALTY * Math.max(0, Math.min(1, fastness));
            // once found, the level holds unless another is clearly better: no flip-flop on one jittered onset
            if (held > 0 && Math.abs(Math.log(candidate / held)) < 0.2) score += LEVEL_HOLD;
            if (score > bestScore) {
                bestScore = score;
                chosen = candidate;
            }
        }
        levelScore = bestScore;
        return prior.clamp(chosen);
    }
}
