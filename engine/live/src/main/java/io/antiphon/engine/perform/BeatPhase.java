package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

import java.util.Arrays;

/**
 * The {@link BeatTracker}'s beat phase, decided again from the notes in its window ({@link #shift}): the sixteenth the
 * long notes fall on and, at a phrase's end, where the player stopped; in a compound metre (6/8 counted in quarters,
 * {@link #compoundPhase}) the quarter phase of the bar lines, from the dotted-quarter grid its long notes keep to and
 * its opening. Allocation-free.
 */
final class BeatPhase {

    /** How much better (in sixteenths of note length on the beat) another beat phase must be for the beat to move to it. */
    static final double REPHASE_MARGIN = 2;
    /** The longest note length, in sixteenths, that weighs for a beat phase: a long note or a rest says "beat" once. */
    private static final int PHASE_LENGTH_CAP = 2 * 4;
    /**
     * What the phrase's stop weighs for a beat phase ({@link BeatTracker#phraseEnded}), in sixteenths of note length: more than the
     * longest note and the margin together, so that one long note on an off-beat (a 6/8 line's quarter on its second
     * dotted quarter) does not outweigh it.
     */
    static final int PHRASE_END_WEIGHT = 12;
    /**
     * What a dotted eighth and its sixteenth on an eighth of the grid weigh for their quarter phase at a phrase's end
     * ({@link #weighDottedFigures}), over their note length: half the stop's weight, so that two outweigh a stop on the
     * other eighth, and one tips a line whose notes already lean its way.
     */
    static final int DOTTED_FIGURE_WEIGHT = PHRASE_END_WEIGHT / 2;
    /**
     * What the player's accents weigh for the eighth of the beat they mark ({@link MetricAccents}), in sixteenths of note
     * length: twice the stop's weight. Clear accents over the window are the player saying where the beat is; where the
     * player stops and a long note or two say less.
     */
    static final int ACCENT_WEIGHT = 2 * PHRASE_END_WEIGHT;
    /** A dotted quarter in sixteenths: the beat of a compound metre. */
    private static final int DOTTED_SLOTS = 6;
    /**
     * A line is heard as compound when its long notes on the best dotted-quarter position weigh at least this share of
     * those on the best quarter position (an even-eighth line in 2/4 or 4/4 gives at most about 2/3; a 6/8 line of
     * quarter-eighth pairs 4/3). Over Nottingham's tunes, first 16 quarters of the score and the odd-onset rule too
     * (measured before {@link #COMPOUND_BALANCE}): 77 % of the 6/8 tunes (64 % at 0.8: a jig whose quarters fall on
     * its dotted beats, between three eighths, was counted on the wrong quarter phase), 2 % of 4/4, 5 % of 2/4 and 23 %
     * of 3/4 (a 3/4 bar is two dotted quarters too, and its bar lines are on a quarter either way).
     */
    static final double COMPOUND_RATIO = 0.7;
    /**
     * ... and only if the long notes on the lighter of the beat's two eighths weigh at least this share of those on the
     * heavier: 6/8's dotted-quarter beats fall on both eighths of a quarter in turn (its downbeats on one, its second
     * dotted quarters on the other), where a simple line's long notes keep to its beats. A third-party 4/4 song of
     * dotted quarters and eighths and quarters, with a rest of a beat inside, folded on dotted quarters at 0.74 to 0.76
     * of its quarters and was heard as compound: its beat moved half a quarter, onto its off-beat eighths, whose long
     * notes weighed 0.35 to 0.37 of those on its beats. The bound is close to such lines: the test's song
     * ({@code aSimpleLineOfDottedPairsAndARestIsNotCountedAsCompound}) weighs 0.38 to 0.46 as it goes.
     */
    static final double COMPOUND_BALANCE = 0.4;
    /** ... and only if at most one onset in this many falls on an odd sixteenth ({@link #compoundPhase}) ... */
    static final int ODD_ONSETS_SIMPLE = 8;
    /**
     * ... or, for a line heard as compound at the onset before, one in this many: a 3/8 or 6/8 tune's bars of sixteenth
     * pairs, once the window had lost its opening, put one onset in seven or so on an odd sixteenth; the line was
     * then heard as simple, and its beat moved half a quarter onto a dotted quarter's second eighth by a margin of three
     * sixteenths of long notes in thirty ({@code aThreeEightTunesSixteenthPairsDoNotMoveItsBeatOntoItsOffBeats}).
     */
    static final int ODD_ONSETS_KEPT = 4;
    /** A compound line's long notes keep to one of its bar's two dotted-quarter beats when they weigh this many times the other's. */
    private static final double ONE_SIDED = 2;
    /** Long notes lean to one of the bar's two dotted-quarter beats when they weigh this many times the other's ({@link #stoppedCompoundDownbeat}). */
    private static final double LEANING = 1.5;
    /** A silence of this many sixteenths or more before an onset is a rest ({@link #compoundPhase}). */
    private static final int REST_SLOTS = 3;
    /** No phrase end: {@link #shift} hears only the onsets. */
    static final long NO_END = Long.MIN_VALUE;
    /** No downbeat put by a compound line's opening ({@link #openingDownbeat}). */
    private static final long NO_DOWNBEAT = Long.MIN_VALUE;

    private final OnsetWindow window;
    private final MetricAccents accents;
    private final double[] phaseScores = new double[4];
    private final double[] dottedScores = new double[DOTTED_SLOTS];
    /**
     * {@link #dottedScores} before and after the window's longest rest ({@link OnsetWindow#silence}), each note's length what
     * sounded of it: a rest of a quarter inside a 6/8 phrase moves its bar lines off the dotted grid of the notes before.
     */
    private final double[] dottedBeforeRest = new double[DOTTED_SLOTS];
    private final double[] dottedAfterRest = new double[DOTTED_SLOTS];
    /** The longest note on each dotted-quarter grid, of the window and before and after its rest: a fold's tie-break ({@link #foldDottedGrids}). */
    private final double[] longestOnDotted = new double[DOTTED_SLOTS];
    private final double[] longestBeforeRest = new double[DOTTED_SLOTS];
    private final double[] longestAfterRest = new double[DOTTED_SLOTS];
    /** What sounded of the notes on each sixteenth of a compound bar (two dotted quarters), before and after the rest. */
    private final double[] barBeforeRest = new double[2 * DOTTED_SLOTS];
    private final double[] barAfterRest = new double[2 * DOTTED_SLOTS];
    /** What sounded on the dotted-quarter beats, by quarter phase ({@link #heavierLongNotes}). */
    private final double[] quarterSides = new double[SLOTS_PER_BEAT];
    /** Onsets in the window (the newest aside) on an odd sixteenth, counted by {@link #shift}. */
    private int oddOnsets;
    /** Whether the line was heard as compound at the last {@link #shift} ({@link #compoundPhase}). */
    private boolean heardCompound;
    /** The dotted-quarter grids (sixteenth modulo six) the window's notes keep to: the whole window's, before and after its rest, and the newest notes' ({@link #foldDottedGrids}). */
    private int dottedGrid;
    private int dottedGridBefore;
    private int dottedGridAfter;
    private int recentDottedGrid;
    /** Whether a rest inside the phrase moved the bar lines onto another dotted grid ({@link #foldDottedGrids}). */
    private boolean restMovedBarLines;
    /**
     * The sixteenth of the downbeat a compound line's opening put ({@link #compoundPhase}, while the window still began
     * with the first onset), renumbered with the beat; {@link #NO_DOWNBEAT} if none since the last induction.
     */
    private long openingDownbeat = NO_DOWNBEAT;

    BeatPhase(OnsetWindow window, MetricAccents accents) {
        this.window = window;
        this.accents = accents;
    }

    /** Forgets the downbeat a compound line's opening put (the beats were numbered afresh). */
    void forgetOpening() {
        openingDownbeat = NO_DOWNBEAT;
    }

    /** Forgets that the line was heard as compound. */
    void forgetCompound() {
        heardCompound = false;
    }

    /** Whether the line was heard as compound at the last {@link #shift}. */
    boolean heardCompound() {
        return heardCompound;
    }

    /** The onsets were renumbered {@code shift} sixteenths on ({@link #shift}'s, or the bar's first beat moved): the opening's downbeat moves with them. */
    void renumbered(long shift) {
        if (openingDownbeat != NO_DOWNBEAT) openingDownbeat -= shift;
    }

    /**
     * How many sixteenths later the beat's phase moves, decided again from the whole window placed on the grid of
     * {@code period} ns (up to {@value OnsetWindow#CAPACITY} onsets, where induction had a dozen); 0 if it stays:
     * the sixteenth that the longest notes fall on (by the interval each opens; the newest, still sounding, does not
     * count), and at a phrase's end where the player stopped ({@code stop},
     * a sixteenth index; {@link #NO_END} during the phrase) and its closing note ({@code closingNote}, the sixteenth it
     * began on; {@link #NO_END} if it was short or the phrase goes on). The beat moves there, by renumbering, only if
     * that phase is clearly better ({@value #REPHASE_MARGIN} sixteenths of note length): an even-eighth line that opened
     * with a pickup is put back on its beats once its long notes have been heard, without flip-flopping. The sixteenth
     * grid itself does not move. The first onset does not count here (induction's phase, {@link BeatInduction#bestPhase}, leans on
     * it): folk tunes open with a pickup as often as not, an eighth, a sixteenth or a triplet before the beat, and a
     * running line's pickup counted as a beat kept its beats a sixteenth or an eighth off until the stop. A stop
     * {@code betweenEighths} (a sixteenth, or an eighth played staccato, released before the eighth it began on was half
     * over) says nothing of where the bar line is, and weighs for no phase of a simple line. In a simple
     * line, the player's accents weigh for the eighth they mark ({@value #ACCENT_WEIGHT}, {@link MetricAccents}).
     */
    int shift(double period, long stop, long closingNote, boolean betweenEighths) {
        Arrays.fill(phaseScores, 0);
        Arrays.fill(dottedScores, 0);
        Arrays.fill(dottedBeforeRest, 0);
        Arrays.fill(dottedAfterRest, 0);
        Arrays.fill(longestOnDotted, 0);
        Arrays.fill(longestBeforeRest, 0);
        Arrays.fill(longestAfterRest, 0);
        Arrays.fill(barBeforeRest, 0);
        Arrays.fill(barAfterRest, 0);
        oddOnsets = 0;
        double sixteenth = period / SLOTS_PER_BEAT;
        int rest = window.count();
        long longestRest = Math.round(REST_SLOTS * sixteenth) - 1;
        for (int i = 1; i < window.count(); i++) {
            if (window.silence(i) > longestRest) {
                longestRest = window.silence(i);
                rest = i;
            }
        }
        for (int i = 0; i < window.count() - 1; i++) {
            long slot = window.slot(i);
            long interval = window.slot(i + 1) - slot;
            double length = Math.min(interval, PHASE_LENGTH_CAP);
            phaseScores[(int) Math.floorMod(slot, SLOTS_PER_BEAT)] += length;
            // what sounded of the note: its interval less the whole sixteenths of silence after it (a detached quarter's
            // gap of half a sixteenth or more, rounded, took a sixteenth off every long note)
            long silenceAfter = window.silence(i + 1);
            double sounded = Math.min(Math.max(1, interval - (long) (silenceAfter / sixteenth)), PHASE_LENGTH_CAP);
            // a rest of a beat or more after a note is no part of its length on the dotted-quarter grid (running eighths
            // with a rest inside are no 6/8 line); the quarter phase still weighs it: a rest says "beat" once
            boolean restAfter = silenceAfter >= SLOTS_PER_BEAT * sixteenth;
            int dotted = (int) Math.floorMod(slot, DOTTED_SLOTS);
            dottedScores[dotted] += restAfter ? sounded : length;
            (i < rest ? dottedBeforeRest : dottedAfterRest)[dotted] += sounded;
            double[] longest = i < rest ? longestBeforeRest : longestAfterRest;
            longest[dotted] = Math.max(longest[dotted], sounded);
            longestOnDotted[dotted] = Math.max(longestOnDotted[dotted], length);
            (i < rest ? barBeforeRest : barAfterRest)[(int) Math.floorMod(slot, 2 * DOTTED_SLOTS)] += sounded;
            if ((slot & 1) != 0 && !window.dottedEighthsSixteenth(i)) oddOnsets++;
        }
        foldDottedGrids();
        int best = compoundPhase();
        heardCompound = best >= 0;
        // a compound line that stopped: its phrase closed at a bar line, and 6/8's bar lines are all on one quarter phase
        if (best >= 0 && stop != NO_END) best = stoppedCompoundDownbeat(best, stop, closingNote);
        if (best < 0) {
            if (stop != NO_END) {
                weighDottedFigures();
                if (!betweenEighths) phaseScores[phraseEndPhase(stop, closingNote)] += PHRASE_END_WEIGHT;
            }
            int accented = accents.accentedEighth();
            if (accented >= 0) phaseScores[accented] += ACCENT_WEIGHT;
            best = argmax(phaseScores);
            if (best == 0 || phaseScores[best] <= phaseScores[0] + REPHASE_MARGIN) return 0;
            // a sixteenth's move would put the onsets on the other parity of sixteenths: not where they keep to this one
            if ((best & 1) != 0 && window.sixteenthParity(window.count()) == 0) return 0;
        } else if (best == 0) {
            return 0;
        }
        return best <= SLOTS_PER_BEAT / 2 ? best : best - SLOTS_PER_BEAT;
    }

    /**
     * At a simple line's phrase end: each dotted eighth followed by its sixteenth ({@link OnsetWindow#dottedEighthsSixteenth}) that
     * begins on an eighth of the grid weighs {@value #DOTTED_FIGURE_WEIGHT} sixteenths more for its quarter phase
     * ({@link #phaseScores}). The figure begins on a beat: in the calls of three third-party sets of folk tunes (the
     * first four bars of 1,800 tunes of music21's ABC corpus, their top line), 1,145 of the 1,147 such figures on an
     * eighth in 2/2, 2/4, 3/2, 3/4 and 4/4 begin on a quarter beat (150 of 205 in 3/8, 6/8 and 9/8). A 2/4 song that
     * opened with an eighth's pickup and closes with an eighth on the beat and its rest has the opening and the stop
     * both on its off-beat eighths; its dotted figures put the beat back. A figure that begins on an odd sixteenth (the
     * dotted eighth after a Scotch snap's sixteenth) says nothing here.
     */
    private void weighDottedFigures() {
        for (int i = 1; i < window.count() - 1; i++) {
            int figure = (int) Math.floorMod(window.slot(i - 1), SLOTS_PER_BEAT);
            if ((figure & 1) == 0 && window.dottedEighthsSixteenth(i)) phaseScores[figure] += DOTTED_FIGURE_WEIGHT;
        }
    }

    /**
     * The beat phase a simple line's phrase end ({@code stop}, {@code closingNote}: {@link #shift}) speaks for: the
     * current one if its closing long note began on the beat (a dotted quarter on the beat released half a beat later,
     * the eighth before the next part's pickup silent: the stop alone moved the beat half a beat), else where the player
     * stopped (a phrase closes at a bar line). A long closing note that began off the beat does not speak for its phase:
     * a 6/8 line heard in quarters closes on its second dotted quarter as often as not.
     */
    private int phraseEndPhase(long stop, long closingNote) {
        if (closingNote != NO_END && Math.floorMod(closingNote, SLOTS_PER_BEAT) == 0) return 0;
        return (int) Math.floorMod(stop, SLOTS_PER_BEAT);
    }

    /**
     * Which beats of a pair the longer notes begin on (by the interval each opens, as {@link #shift} weighs them): 0
     * for the even beats, 1 for the odd ones; -1 if neither holds {@value #REPHASE_MARGIN} sixteenths more. Where the
     * player stopped off the beat (a sixteenth released early), a beat tracked at twice the player's tempo still has
     * the player's quarters on its strong beats and the running notes between them.
     */
    int heavierBeatParity() {
        double even = 0, odd = 0;
        for (int i = 0; i < window.count() - 1; i++) {
            long slot = window.slot(i);
            if (Math.floorMod(slot, SLOTS_PER_BEAT) != 0) continue;
            double length = Math.min(window.slot(i + 1) - slot, PHASE_LENGTH_CAP);
            if (Math.floorMod(Math.floorDiv(slot, SLOTS_PER_BEAT), 2) == 0) even += length;
            else odd += length;
        }
        if (even > odd + REPHASE_MARGIN) return 0;
        return odd > even + REPHASE_MARGIN ? 1 : -1;
    }

    /**
     * In a compound metre (6/8, 9/8, 12/8 counted in quarters), the beat phase the bar's downbeat is on; -1 if the line
     * is not heard as compound. Compound: the long notes keep to a dotted-quarter grid (six sixteenths) more closely than
     * to any quarter one ({@link #phaseScores}, {@link #dottedScores}: note length by position, a rest of a beat or more
     * after a note not counted on the dotted grid; {@value #COMPOUND_RATIO}
     * of it is enough) while both eighths of the beat hold long notes ({@value #COMPOUND_BALANCE}), and at most one
     * onset in {@value #ODD_ONSETS_SIMPLE} falls on an odd sixteenth (at half tempo a simple line's eighths
     * do, and its fold on dotted quarters is chance; a sixteenth after a dotted eighth, {@link OnsetWindow#dottedEighthsSixteenth},
     * is a 6/8 line's own rhythm and does not count), one in {@value #ODD_ONSETS_KEPT} if it was heard as compound
     * at the onset before ({@link #heardCompound}). Both quarter phases then hold as many long notes, so the phrase's
     * start decides: a 6/8 line opens on a dotted-quarter beat or an eighth or
     * two before one (its pickup), and that beat is a downbeat ({@link #openingDownbeat}); without the first onset in the
     * window (a jig of more than {@value OnsetWindow#CAPACITY} notes), the downbeat the opening put stays if it is still on the dotted
     * grid (a jig whose quarters keep to its second dotted quarters, or a few bars heard as a simple line on the way,
     * moved the beat there, and its phrase's close at a bar line then moved it no further), else the current phase if it
     * is, else the quarter phase with more long notes.
     *
     * <p>A rest of a quarter or two inside the phrase (the longest silence before an onset in the window, of
     * {@value #REST_SLOTS} sixteenths or more: {@link BeatTracker#silent}) moves every later bar line off the dotted grid of the bars
     * before it, onto another quarter. Where the notes before and after it keep to different dotted grids, each side is
     * folded on its own (a note's length is then what sounded of it, not the rest after it): the opening's grid and the
     * first onset give the downbeat, and the quarters through it are the player's on both sides.
     */
    private int compoundPhase() {
        double dottedBest = restMovedBarLines ? dottedBeforeRest[dottedGridBefore] + dottedAfterRest[dottedGridAfter]
                : dottedScores[dottedGrid];
        int heavier = argmax(phaseScores);
        double quarterBest = phaseScores[heavier];
        if (dottedBest <= COMPOUND_RATIO * quarterBest) return -1;
        if (phaseScores[(heavier + 2) % SLOTS_PER_BEAT] < COMPOUND_BALANCE * quarterBest) return -1;
        if (oddOnsets * (heardCompound ? ODD_ONSETS_KEPT : ODD_ONSETS_SIMPLE) > window.count() - 1) return -1;
        if (window.fromFirstOnset()) {
            long first = window.slot(0);
            long downbeat = first + Math.floorMod((restMovedBarLines ? dottedGridBefore : dottedGrid) - first, DOTTED_SLOTS);
            openingDownbeat = downbeat;
            return (int) Math.floorMod(downbeat, SLOTS_PER_BEAT);
        }
        int a = Math.floorMod(recentDottedGrid, SLOTS_PER_BEAT);
        int b = Math.floorMod(recentDottedGrid + 2, SLOTS_PER_BEAT);
        if (openingDownbeat != NO_DOWNBEAT) {
            int opening = (int) Math.floorMod(openingDownbeat, SLOTS_PER_BEAT);
            if (opening == a || opening == b) return opening;
        }
        if (a == 0 || b == 0) return 0;
        return phaseScores[a] >= phaseScores[b] ? a : b;
    }

    /**
     * The quarter phase of a compound line's downbeat once the player stopped ({@code stop}, on the sixteenth grid):
     * where its notes put it ({@code notes}, {@link #compoundPhase}) if its closing note ({@code closingNote},
     * {@link #NO_END} if short) began there (a jig's last dotted quarter, released on the bar's second dotted quarter)
     * or it stopped there (a half cadence's dotted quarter on the bar's second dotted quarter, held to the bar line);
     * else where its long notes put it ({@link #heavierLongNotes}), or where its notes put it if its long notes lean
     * there ({@value #LEANING} times what sounded on the other side: the opening and the long notes agree, against the
     * stop alone; a phrase that ends with a quarter on its last bar's second dotted quarter and an eighth's rest stops
     * half a quarter off its bar lines), or where its notes put it if it closed with a quarter on a dotted-quarter beat
     * and an eighth's rest ({@link #closedOnAQuarterAndAnEighthsRest}), or else on its closing long note's onset, or
     * else where the player stopped.
     */
    private int stoppedCompoundDownbeat(int notes, long stop, long closingNote) {
        boolean closedThere = closingNote != NO_END && Math.floorMod(closingNote, SLOTS_PER_BEAT) == notes;
        if (closedThere || Math.floorMod(stop, SLOTS_PER_BEAT) == notes) return notes;
        int longNotes = heavierLongNotes();
        if (longNotes >= 0 && longNotesOutweigh(longNotes, ONE_SIDED)) return longNotes;
        if (closingNote == NO_END && closedOnAQuarterAndAnEighthsRest(stop)) return notes;
        if (longNotes == notes && longNotesOutweigh(notes, LEANING)) return notes;
        return (int) Math.floorMod(closingNote != NO_END ? closingNote : stop, SLOTS_PER_BEAT);
    }

    /**
     * In a compound line, the quarter phase of the bar's two dotted-quarter beats that more of the long notes sounded
     * on ({@link #quarterSides}); -1 if it is one long note (two longest notes' weight is needed). Where they keep to it
     * ({@link #longNotesOutweigh} {@value #ONE_SIDED} times: a bar of a dotted quarter and three eighths, or a 3/4 line
     * of a quarter's pickup and a dotted quarter that folds on dotted quarters), the line's downbeats are there,
     * whatever quarter it stopped on; a jig's quarters and eighths put long notes on both.
     */
    private int heavierLongNotes() {
        Arrays.fill(quarterSides, 0);
        int before = dottedGridBefore;
        int after = dottedGridAfter;
        for (int beat = before; beat < 2 * DOTTED_SLOTS; beat += DOTTED_SLOTS) {
            quarterSides[beat % SLOTS_PER_BEAT] += barBeforeRest[beat];
            quarterSides[(after + beat - before) % SLOTS_PER_BEAT] += barAfterRest[after + beat - before];
        }
        int heavier = argmax(quarterSides);
        // over more than one long note: a single one held across the bar line may be a syncopation
        return quarterSides[heavier] >= 2 * PHASE_LENGTH_CAP ? heavier : -1;
    }

    /** Whether what sounded on quarter phase {@code side} ({@link #heavierLongNotes}) is {@code factor} times the other's or more. */
    private boolean longNotesOutweigh(int side, double factor) {
        double other = 0;
        for (int q = 0; q < SLOTS_PER_BEAT; q++) if (q != side) other = Math.max(other, quarterSides[q]);
        return quarterSides[side] >= factor * other;
    }

    /**
     * Whether the phrase closed with a quarter on a dotted-quarter beat, the player stopping at its end ({@code stop}), an
     * eighth before the next dotted-quarter beat: a jig's cadence, its last quarter on the bar's second dotted quarter
     * and the eighth before the bar line silent, as often as a quarter on a downbeat. The stop cannot tell those apart;
     * the opening can.
     */
    private boolean closedOnAQuarterAndAnEighthsRest(long stop) {
        long last = window.slot(window.count() - 1);
        return stop - last == SLOTS_PER_BEAT && Math.floorMod(last - recentDottedGrid, DOTTED_SLOTS) == 0;
    }

    /**
     * The dotted-quarter grids the folded notes keep to ({@link #dottedScores}, {@link #dottedBeforeRest},
     * {@link #dottedAfterRest}), once per {@link #shift}: where a rest moved the bar lines (notes after it, on another
     * grid), each side keeps to its own, and the newest notes to the one after it; else the whole window's. Of grids
     * that hold as much, the one with the longest note: a run of eighths folds on all three alike, and an opening of an
     * eighth's pickup, three eighths and a quarter-eighth pair before a rest holds as much on the pickup's grid as on the
     * bar lines'; the lowest-numbered grid was taken before, which depends only on where the count began.
     */
    private void foldDottedGrids() {
        dottedGrid = argmax(dottedScores, longestOnDotted);
        dottedGridBefore = argmax(dottedBeforeRest, longestBeforeRest);
        dottedGridAfter = argmax(dottedAfterRest, longestAfterRest);
        restMovedBarLines = dottedAfterRest[dottedGridAfter] > 0 && dottedGridBefore != dottedGridAfter;
        recentDottedGrid = restMovedBarLines ? dottedGridAfter : dottedGrid;
    }

    /** The index of the highest score; of tied ones, the one with the highest {@code tieBreak}. */
    private static int argmax(double[] scores, double[] tieBreak) {
        int best = 0;
        for (int p = 1; p < scores.length; p++) {
            if (scores[p] > scores[best] || scores[p] == scores[best] && tieBreak[p] > tieBreak[best]) best = p;
        }
        return best;
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int p = 1; p < scores.length; p++) if (scores[p] > scores[best]) best = p;
        return best;
    }
}
