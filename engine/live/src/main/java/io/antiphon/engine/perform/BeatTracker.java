package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * The player's tempo and beat, tracked online from the human's note onsets (the {@code player} clock source). A pure
 * object: onsets and queries carry their time; no threads, no wall clock; allocation-free.
 *
 * <p><b>Onsets.</b> Key presses within {@value #CHORD_WINDOW_MS} ms of the first of a group are one onset (a chord,
 * however rolled). An onset closer to the previous one than {@value #ORNAMENT_SIXTEENTHS} of a sixteenth of the current
 * beat (and than half the player's recent median interval) is an ornament (a grace note, a flam): the later one, the
 * main note, takes its place. A run of three or more such onsets (a trill, a turn, a grace group) counts once, at its
 * first note or its latest, whichever the grid puts on the stronger position (before the beat is found, its first): a
 * trill's notes do not move the beat.
 *
 * <p><b>Induction</b> (until the beat is found, and again after the player is lost): the commonest inter-onset
 * interval, by the time its notes fill (intervals clustered within {@value #CLUSTER_TOLERANCE} of each other or 25 ms,
 * as in Dixon's BeatRoot; an interval of over 2.5 times the upper quartile is a rest and no candidate), is the melody's
 * common note value (where the value heard most often is no power of two of it, a slow air's dotted halves or a
 * waltz's dotted quarters against its quarters, both are tried); the beat is half, one, two or four of them (a quarter or an
 * eighth too where half is slower than the slowest beat: a song of whole notes), each refined to the period whose sixteenth grid the
 * onsets keep to most closely (their phases on it as unit vectors: nothing rounded, so triplets pull no grid line),
 * whichever suits the
 * onsets best: a beat that most onsets land on and that few onsets divide further than in halves (twice too fast
 * leaves beats empty, but the inner beats of the longest interval, if of {@value #REST_BEATS} beats or more, are a
 * rest, not empty beats; twice too slow puts notes on sixteenths), weighed by a log-normal prior around {@code tempo_bpm}
 * (sigma {@value #PRIOR_SIGMA} in log tempo, within {@value #RANGE_FACTOR}x either way and {@code tempo_bpm}'s range) and, in doubt, leaning to the
 * slower level ({@link #SLOWER_LEVEL_BONUS}); a beat well above the prior's tempo must be clearly better
 * ({@link #FAST_PENALTY}: running sixteenths are not a fast beat's eighths). The onsets are then placed on a sixteenth
 * grid of that beat, and the beat's phase is the one that puts the longest notes (by the interval they open) and the first onset on beats.
 *
 * <p><b>Tracking</b> (afterwards): each onset takes the sixteenth the current grid predicts for it; the grid is the
 * weighted least-squares line through the recent onsets (time against sixteenth index), weights decaying with age in
 * beats (time constant {@value #MEMORY_BEATS} beats, so it follows drift and rubato), lower off the beat, and low for
 * an onset far from its sixteenth (an ornament, a triplet); while the player keeps one tempo, every onset in the window
 * counts alike, and one far further from its sixteenth than the others not at all ({@link #fit}). This is a Kalman
 * tempo tracker's steady state in batch form; the grid is re-fitted at every onset, and the beat's phase is decided
 * again from the whole window ({@link #rephase}:
 * a line that opened with a pickup in running eighths gets its beat back once its long notes are heard, or, if it has
 * none, once the player stops at the end of the phrase, {@link #phraseEnded}; a compound
 * line, 6/8 counted in quarters, gets its beat on the bar line, also across a rest of a quarter inside it, heard from
 * the player's silences, {@link #silent} and {@link #compoundPhase}), and every
 * {@value #REVIEW_ONSETS} onsets the metrical level is chosen again from the whole window ({@link #reviewLevel}: a
 * beat induced from a run of triplets is 1.5 times the player's; so is one that holds the player's eighths as its
 * dotted eighths, {@link #dottedEighthsInARow}). Rests and
 * Antiphon's answers hold the grid: only the human's onsets move it.
 * Four onsets in a row far from the grid mean the player is lost: the tracker induces afresh from them, at a beat within
 * {@value #RELOCK_FACTOR}x of the one lost (drift and rubato lose the grid, not the metrical level).
 *
 * <p>With the tempo locked ({@code tempo_lock}) the beat period stays the prior's; only the phase is tracked. Taps
 * ({@link #tap}, the tap-tempo controller) set the period from their mean interval and put a beat on the last tap.
 *
 * <p>Beat 0 is the beat at or before the first onset the tracker induced from (or the first tap); bars count from it.
 */
public final class BeatTracker {

    static final long CHORD_WINDOW_MS = 50;
    static final int INDUCTION_ONSETS = 12;
    static final double CLUSTER_TOLERANCE = 0.1;
    private static final double CLUSTER_NANOS = 25e6;
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
    static final double RANGE_FACTOR = 2.5;
    /** The shortest share of the melody's commonest note value tried as its beat ({@link #chooseLevel}). */
    private static final double SHORTEST_LEVEL = 0.125;
    /** An interval of this many beats or more holds a rest: the level's fit does not ask for onsets on its inner beats. */
    static final int REST_BEATS = 3;
    /** After the player was lost, the beat found again is within this factor of the beat lost. */
    static final double RELOCK_FACTOR = 1.4;
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
    static final int WINDOW = 32;
    /** Once settled, the metrical level is reviewed every this many onsets ({@link #reviewLevel}). */
    static final int REVIEW_ONSETS = 8;
    /** How many times, at most, a settled window is placed again on its re-fitted grid ({@link #track}). */
    private static final int REPLACE_PASSES = 2;
    /** How far (in log period) the reviewed level must lie from the current beat to replace it: another level, not drift. */
    static final double LEVEL_CHANGE = 0.2;
    /**
     * A reviewed beat at least this far (in log period) from the current one, but less than another level, replaces it
     * when the window's onsets keep to its sixteenths by {@value #COHERENCE_GAIN} more ({@link #sixteenthCoherence}): a
     * tempo induced a few percent wrong from an opening triplet and a rest, whose eighths slip a sixteenth now and then
     * but never far enough from the grid to lose the player.
     */
    static final double TEMPO_SLIP = 0.03;
    static final double COHERENCE_GAIN = 0.25;
    private static final long CHORD_WINDOW_NANOS = CHORD_WINDOW_MS * 1_000_000;
    private static final int SLOTS_PER_BEAT = 4;
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
    private static final double CARRY_LIMIT = 0.34;
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
     * The unit's beat holds the onsets badly when their {@link #sixteenthCoherence} on it is below this: then another
     * note value as long as half that beat or longer, one its sixteenths cannot hold, offers its levels too
     * ({@link #otherNoteValue}).
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
    private static final double ORNAMENT_NANOS = 90e6;
    /**
     * An ornament's interval, in sixteenths of the beat: between a thirty-second's (half a sixteenth, a trill's notes,
     * which jitter puts on either side of it) and a triplet sixteenth's (2/3, a note).
     */
    private static final double ORNAMENT_SIXTEENTHS = 0.6;
    /** Notes closer than this many sixteenths, two intervals or more in a row, are a run ({@link #inARun}). */
    private static final double RUN_SIXTEENTHS = 0.75;
    /** The intervals whose median bounds an ornament's. */
    private static final int RECENT_INTERVALS = 8;
    private static final int TAPS = 5;
    private static final int LOST_AFTER = 4;
    /**
     * {@link #dottedEighthsInARow}: this many intervals in a row of three sixteenths each, within
     * {@value #DOTTED_EIGHTH_TOLERANCE} of a sixteenth each and all together, are the player's eighths heard as a faster
     * beat's dotted eighths.
     */
    private static final int DOTTED_EIGHTH_RUN = 3;
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
    /** How much better (in sixteenths of note length on the beat) another beat phase must be for the beat to move to it. */
    static final double REPHASE_MARGIN = 2;
    /**
     * How clearly the onsets must keep to one parity of sixteenths (the even ones, on the beat and half beat, or the odd
     * ones) for the beat's phase to keep to it ({@link #sixteenthParity}): by this share of the onsets more, and
     * {@value #PARITY_ONSETS} or more.
     */
    static final double PARITY_SHARE = 0.3;
    private static final int PARITY_ONSETS = 3;
    /** The longest note length, in sixteenths, that weighs for a beat phase: a long note or a rest says "beat" once. */
    private static final int PHASE_LENGTH_CAP = 2 * 4;
    /**
     * What the phrase's stop weighs for a beat phase ({@link #phraseEnded}), in sixteenths of note length: more than the
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
     * How long, in sixteenths, a phrase's last note must have sounded to be its closing note ({@link #phraseEnded}):
     * most of a dotted quarter, held legato or not.
     */
    private static final double CLOSING_NOTE_SLOTS = 4.5;
    /** How far past an eighth of the grid (in sixteenths) a release may fall and still stop the phrase on it. */
    private static final double STOP_SLACK = 0.25;
    /**
     * How far from a sixteenth of the grid (in sixteenths) an onset may be played and still be on it: closer counts in
     * the beat's metric weights ({@link #metricWeight}) and for where a phrase stopped ({@link #phraseEnded}); further,
     * it is far from the grid (four such in a row lose the player).
     */
    private static final double ON_A_SIXTEENTH = 0.3;
    /** No phrase end: {@link #rephase} hears only the onsets. */
    private static final long NO_END = Long.MIN_VALUE;
    /** No downbeat put by a compound line's opening ({@link #openingDownbeat}). */
    private static final long NO_DOWNBEAT = Long.MIN_VALUE;

    // the onsets heard, a ring: times and their sixteenth index on the grid (valid while tracking)
    private final long[] times = new long[WINDOW];
    private final long[] slots = new long[WINDOW];
    /** The silence before each onset (all the player's keys up), ns; 0 if a key was still down. */
    private final long[] silences = new long[WINDOW];
    private final double[] iois = new double[WINDOW];
    /** Scratch of {@link #tripletsOfTheBeat}: the onsets of the window next to an interval of a triplet of the beat. */
    private final boolean[] nextToATriplet = new boolean[WINDOW];
    private final double[] sorted = new double[WINDOW];
    /** The note value that fills most time, of the intervals {@link #noteValues} last sorted out. */
    private double unitValue;
    /** The note value heard most often ... */
    private double commonestValue;
    /** ... and how often. */
    private int commonestMembers;
    /** How many intervals the last {@link #clusterSum} counted. */
    private int clusterMembers;
    private final long[] reviewSlots = new long[WINDOW];
    private int sinceReview;
    private final double[] phaseScores = new double[4];
    private final double[] dottedScores = new double[DOTTED_SLOTS];
    /**
     * {@link #dottedScores} before and after the window's longest rest ({@link #silences}), each note's length what
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
    /** Onsets in the window (the newest aside) on an odd sixteenth, counted by {@link #rephase}. */
    private int oddOnsets;
    /** Whether the line was heard as compound at the last {@link #rephase} ({@link #compoundPhase}). */
    private boolean heardCompound;
    /** The dotted-quarter grids (sixteenth modulo six) the window's notes keep to: the whole window's, before and after its rest, and the newest notes' ({@link #foldDottedGrids}). */
    private int dottedGrid;
    private int dottedGridBefore;
    private int dottedGridAfter;
    private int recentDottedGrid;
    /** Whether a rest inside the phrase moved the bar lines onto another dotted grid ({@link #foldDottedGrids}). */
    private boolean restMovedBarLines;
    /** Whether the player's eighths were heard as the dotted eighths of a beat two thirds of theirs ({@link #inducedBeat}). */
    private boolean eighthsHeardDotted;
    /**
     * The sixteenth of the downbeat a compound line's opening put ({@link #compoundPhase}, while the window still began
     * with the first onset), renumbered with the beat; {@link #NO_DOWNBEAT} if none since the last induction.
     */
    private long openingDownbeat = NO_DOWNBEAT;
    private final double[] distances = new double[WINDOW];
    /** Each onset's weight in the last fit ({@link #fit}) but for its age, by window index. */
    private final double[] robust = new double[WINDOW];
    private final double[] recentIntervals = new double[RECENT_INTERVALS];
    private int count;
    private int head;
    /** Whether the window still begins with the first onset the tracker induced from (a phrase's first note leans to a beat). */
    private boolean windowFromFirstOnset = true;
    private long groupStart = Long.MIN_VALUE;
    /** When everything the player played last went silent ({@link #silent}); {@link Long#MIN_VALUE} once a key went down. */
    private long silentSince = Long.MIN_VALUE;
    /** Where the player last stopped ({@link #phraseEnded}), and the beat numbering it was heard in. */
    private long stopNanos;
    /** Where the player stopped, whether or not the phrase closed on a long note ({@link #phraseEnded}). */
    private long releasedNanos;
    private int stopEpoch = -1;
    private long onsetsHeard;
    /** The last onset heard (chords once), counted or not. */
    private long lastOnset;
    /** How many onsets in a row came closer than an ornament's interval to the one before. */
    private int ornamentRun;
    /** The first note of the current run of ornament-close onsets, and the silence before it. */
    private long runStart;
    private long runStartSilence;

    // the grid: beat b starts at origin + b * period (ns)
    private double priorPeriod;
    private boolean tempoLocked;
    private double period;
    private double origin;
    private boolean tracking;
    /** Induction is over: onsets are placed by the grid. */
    private boolean settled;
    private int gridEpoch;
    private int farInARow;
    /** The beat period when the player was lost, 0 if not lost since the last induction settled: re-induction stays near it. */
    private double lostPeriod;
    private double confidence;
    /** The score of the level {@link #chooseLevel} chose last (negative infinity if none was in range). */
    private double levelScore;

    private final long[] taps = new long[TAPS];
    private int tapCount;

    /** A tracker whose prior is {@code priorBpm}; it knows nothing of the player yet. */
    public BeatTracker(double priorBpm) {
        setPrior(priorBpm);
        period = priorPeriod;
    }

    /** The tempo the tracker expects (and, before it hears enough, assumes); with the tempo locked, the tempo. */
    public void setPrior(double bpm) {
        priorPeriod = 60e9 / bpm;
        if (tempoLocked || !tracking) period = priorPeriod;
    }

    /** With {@code locked}, the beat period stays the prior's and only the phase follows the player. */
    public void setTempoLocked(boolean locked) {
        tempoLocked = locked;
        if (locked) period = priorPeriod;
    }

    /** Forgets the player: the next onsets are induced from afresh. */
    public void reset() {
        count = 0;
        head = 0;
        windowFromFirstOnset = true;
        openingDownbeat = NO_DOWNBEAT;
        tracking = false;
        heardCompound = false;
        eighthsHeardDotted = false;
        settled = false;
        farInARow = 0;
        lostPeriod = 0;
        confidence = 0;
        tapCount = 0;
        groupStart = Long.MIN_VALUE;
        silentSince = Long.MIN_VALUE;
        ornamentRun = 0;
        period = priorPeriod;
    }

    /**
     * A human key went down at {@code nanos}.
     *
     * @return whether the onset counted (false: part of a chord already heard)
     */
    public boolean onset(long nanos) {
        if (groupStart != Long.MIN_VALUE && nanos - groupStart < CHORD_WINDOW_NANOS) return false;
        groupStart = nanos;
        onsetsHeard++;
        long silence = silentSince != Long.MIN_VALUE && count > 0 && silentSince > times[index(count - 1)] ? nanos - silentSince : 0;
        silentSince = Long.MIN_VALUE;
        long previous = lastOnset;
        lastOnset = nanos;
        long counted = nanos;
        if (count > 0 && nanos - previous < ornamentNanos()) {
            if (ornamentRun++ == 0) {
                runStart = times[index(count - 1)];
                runStartSilence = silences[index(count - 1)];
                count--; // the previous onset was an ornament of this one
            } else {
                // the third note or more of a run (a trill, a turn, a grace group): the run counts once, at its first
                // note or this one, whichever the grid puts on the stronger position (a trill's main note is its
                // first); before the beat is found, at its first. On the next beat after a run begun on a beat, the
                // run has ended: that is the next note (a trill's last thirty-second comes as close before it).
                int weight = tracking ? metricWeight(nanos) : 0;
                int startWeight = tracking ? metricWeight(runStart) : 0;
                if (weight == BEAT_WEIGHT && startWeight == BEAT_WEIGHT) {
                    ornamentRun = 0;
                } else {
                    if (weight <= startWeight) {
                        if (times[index(count - 1)] == runStart) return true;
                        counted = runStart;
                        silence = runStartSilence;
                    }
                    count--; // the run's onset counted so far gives way
                }
            }
        } else {
            ornamentRun = 0;
        }
        append(counted);
        silences[index(count - 1)] = silence;
        if (settled) {
            if (track(counted) && !reviewLevel()) rephase(NO_END, NO_END, false);
        } else if (count >= 3) {
            induce();
        }
        return true;
    }

    /** Everything the player plays went silent at {@code nanos} (the last key or the pedal up). */
    public void silent(long nanos) {
        silentSince = nanos;
    }

    /** A tap of the tap-tempo controller at {@code nanos}: two or more taps set the beat. */
    public void tap(long nanos) {
        if (tapCount > 0 && nanos - taps[(tapCount - 1) % TAPS] > 2_000_000_000L) tapCount = 0;
        taps[tapCount % TAPS] = nanos;
        tapCount++;
        if (tapCount < 2) return;
        lastOnset = nanos; // the window starts again at this tap: the next note is measured from it
        ornamentRun = 0;
        int n = Math.min(tapCount, TAPS);
        long first = taps[(tapCount - n) % TAPS];
        if (!tempoLocked) period = clampPeriod((nanos - first) / (double) (n - 1));
        double beats = tracking ? Math.rint((nanos - origin) / period) : 0;
        origin = nanos - beats * period;
        if (!tracking) gridEpoch++;
        tracking = true;
        heardCompound = false;
        settled = true;
        confidence = 1;
        count = 0;
        head = 0;
        windowFromFirstOnset = false;
        openingDownbeat = NO_DOWNBEAT;
        append(nanos);
        slots[index(0)] = Math.round(beats) * SLOTS_PER_BEAT;
    }

    /**
     * The player's phrase ended, its last note released at {@code releaseNanos}: where the player stopped is evidence of
     * the beat, and the beat's phase is decided again with it ({@link #rephase}). The stop is the release rounded up to
     * the grid's next eighth (a release up to a quarter of a sixteenth past an eighth counts as on it), wherever between
     * half and all of its value the last note was held, and at least the eighth after where the last onset was played
     * (up to {@value #ON_A_SIXTEENTH} of a sixteenth early counts as on its sixteenth). A short note on an
     * eighth released in its first sixteenth (a sixteenth, a staccato eighth) stopped
     * between two eighths, and a simple line's stop then weighs for no phase. A phrase closes at a bar line, or on a beat: the stop weighs for
     * its quarter phase more than the longest note ({@value #PHRASE_END_WEIGHT} sixteenths), so that a line of even
     * eighths that opened with a pickup, whose notes say nothing of the beat, gets its beat back. Each dotted eighth
     * followed by its sixteenth weighs for its beat there too ({@link #weighDottedFigures}): one that opened with a pickup
     * and stopped on its off-beat eighths gets its beat back from them. A compound line
     * ({@link #compoundPhase}) takes the stop's quarter phase: counted in quarters, 6/8's bar lines all fall on one of its
     * two quarter phases, and which one its notes cannot say when they run in eighths or its opening was a pickup. But a
     * phrase that closes on a long note ({@value #CLOSING_NOTE_SLOTS} sixteenths or more sounded) where its notes already
     * put a downbeat closed on that downbeat: a jig's closing dotted quarter is released on the bar's second dotted
     * quarter, half a quarter off its bar lines. So did one that stopped where its notes put a downbeat: a half cadence's
     * dotted quarter on the bar's second dotted quarter, held to the bar line. So did one whose long notes lean to where
     * its notes put the downbeat ({@link #stoppedCompoundDownbeat}). Where its notes put the downbeat elsewhere
     * than both, a compound line that closes on a long note closed at that note's onset, not at its release. The closing
     * note's onset, or else the stop, also marks the strong beats ({@link #strongBeatParity}). Its blind sides: a
     * compound line whose long notes all keep to its bars' second dotted quarters takes those for its downbeats
     * ({@link #heavierLongNotes}), wherever it closes; and a jig that opened with a dotted quarter's pickup on its first
     * bar's second dotted quarter, whose notes put its downbeats there, and closes on a downbeat's dotted quarter released
     * on the second dotted quarter, keeps them there (the stop agrees with its notes); and a line whose notes put its
     * downbeats on its second dotted quarters, its long notes leaning there too, keeps them there when the player
     * stopped on its bar lines' quarters (a call cut inside a bar).
     */
    public void phraseEnded(long releaseNanos) {
        if (!tracking || count < 2) return;
        double slot = period / SLOTS_PER_BEAT;
        // at least the eighth after the last onset (a key can go up at once: a repeated note's earlier note-off), after
        // where it was played, not the sixteenth it was counted on: a thirty-second before a beat is counted on the beat,
        // and its phrase stops there, not an eighth later
        double released = (releaseNanos - origin) / slot - STOP_SLACK;
        long last = slots[index(count - 1)];
        double played = (times[index(count - 1)] - origin) / slot;
        long stop = Math.max(2 * (long) Math.ceil(released / 2), 2 * (long) Math.floor((played + ON_A_SIXTEENTH) / 2) + 2);
        long closing = releaseNanos - times[index(count - 1)] >= CLOSING_NOTE_SLOTS * slot ? last : NO_END;
        // a short note on an eighth released in the second half of its first sixteenth: the player stopped between two
        // eighths (a key that went up at once, a repeated note's earlier note-off, says nothing: the next eighth stands)
        double held = (releaseNanos - times[index(count - 1)]) / slot;
        boolean betweenEighths = closing == NO_END && held >= 0.5 && (Math.max((long) Math.ceil(released), last + 1) & 1) == 1;
        stopNanos = Math.round(origin + (closing != NO_END ? closing : stop) * slot);
        releasedNanos = Math.round(origin + stop * slot);
        rephase(stop, closing, betweenEighths);
        stopEpoch = gridEpoch;
    }

    /**
     * Which beats of a pair are the strong ones, by where the player's last phrase closed ({@link #phraseEnded}: the onset
     * of its closing note if that was long, else where the player stopped): 0 for the even beats, 1 for the odd ones; if
     * that was not on a beat, where the player stopped if that was (a syncopated closing note, begun between two beats
     * and held to one), else the pair the longer notes begin on ({@link #heavierBeatParity}); -1 if neither tells or the
     * beats have been renumbered since. A phrase closes on a strong beat or at a bar
     * line, so in 2/4 and 4/4 the beats an even number after it are on the bar's strong half; and a beat tracked at
     * twice the player's tempo (running sixteenths heard as a fast beat's eighths) has the player's beats as its strong
     * ones (a jig's closing dotted quarter is three such beats long: its release is on a weak one).
     */
    public int strongBeatParity() {
        if (stopEpoch != gridEpoch || !tracking) return -1;
        double position = beatPosition(stopNanos);
        long beat = Math.round(position);
        if (!onABeat(position)) {
            // a closing long note begun between two beats (a syncopation) and held to one: that beat is where the
            // phrase closed
            double released = beatPosition(releasedNanos);
            if (releasedNanos != stopNanos && onABeat(released)) return (int) Math.floorMod(Math.round(released), 2);
            return heavierBeatParity();
        }
        int parity = (int) Math.floorMod(beat, 2);
        if (releasedNanos != stopNanos) {
            // a closing long note held to a beat of the other parity (the first at or after its release, less a quarter
            // beat: a detached note goes up before it) is a jig's dotted quarter (three of these beats) or a syncopated
            // song's closing note (begun on the player's off-beat); the longer notes tell, where they lean one way
            long releasedBeat = (long) Math.ceil(beatPosition(releasedNanos) - 0.25);
            if (Math.floorMod(releasedBeat, 2) != parity) {
                int heavier = heavierBeatParity();
                if (heavier >= 0) return heavier;
            }
        }
        return parity;
    }

    /** Whether a beat position is within an eighth of a beat of one. */
    private static boolean onABeat(double position) {
        return Math.abs(position - Math.rint(position)) <= 0.125;
    }

    /**
     * Which beats of a pair the longer notes begin on (by the interval each opens, as {@link #rephase} weighs them): 0
     * for the even beats, 1 for the odd ones; -1 if neither holds {@value #REPHASE_MARGIN} sixteenths more. Where the
     * player stopped off the beat (a sixteenth released early), a beat tracked at twice the player's tempo still has
     * the player's quarters on its strong beats and the running notes between them.
     */
    private int heavierBeatParity() {
        double even = 0, odd = 0;
        for (int i = 0; i < count - 1; i++) {
            long slot = slots[index(i)];
            if (Math.floorMod(slot, SLOTS_PER_BEAT) != 0) continue;
            double length = Math.min(slots[index(i + 1)] - slot, PHASE_LENGTH_CAP);
            if (Math.floorMod(Math.floorDiv(slot, SLOTS_PER_BEAT), 2) == 0) even += length;
            else odd += length;
        }
        if (even > odd + REPHASE_MARGIN) return 0;
        return odd > even + REPHASE_MARGIN ? 1 : -1;
    }

    // ---- queries ----

    /** Whether the tracker has found the player's beat (before that it runs at the prior). */
    public boolean locked() {
        return tracking;
    }

    /** Whether the beat has been heard over {@value #INDUCTION_ONSETS} onsets and is now only followed (not induced afresh at every onset). */
    public boolean settled() {
        return settled;
    }

    /** The prior's beat period in nanoseconds ({@code tempo_bpm}, or {@code --tempo}). */
    public long priorBeatNanos() {
        return Math.round(priorPeriod);
    }

    /** How well the recent onsets fit the grid, 0..1 (0 before the beat is found). */
    public double confidence() {
        return confidence;
    }

    /** The tracked tempo in beats per minute. */
    public double bpm() {
        return 60e9 / period;
    }

    /** The tracked beat period in nanoseconds. */
    public long beatNanos() {
        return Math.round(period);
    }

    /** Changes whenever the beats are renumbered (a new induction, the first taps): beat indexes before it mean nothing now. */
    public int gridEpoch() {
        return gridEpoch;
    }

    /** Onsets counted (chords once) since the tracker was made. */
    public long onsetsHeard() {
        return onsetsHeard;
    }

    /** Where {@code nanos} falls on the beat grid, in beats since beat 0 (fractional; negative before it). */
    public double beatPosition(long nanos) {
        return (nanos - origin) / period;
    }

    /** The time of beat {@code beat}. */
    public long beatTime(long beat) {
        return Math.round(origin + beat * period);
    }

    /** The index of the beat under way at {@code nanos}. */
    public long beatIndexAt(long nanos) {
        return (long) Math.floor(beatPosition(nanos));
    }

    /** The time of the first beat at or after {@code nanos}. */
    public long nextBeatNanos(long nanos) {
        return beatTime((long) Math.ceil(beatPosition(nanos)));
    }

    /** The time of the beat nearest {@code nanos}. */
    public long nearestBeatNanos(long nanos) {
        return beatTime(Math.round(beatPosition(nanos)));
    }

    /** The bar under way at {@code nanos}, from 1 (bar 1 starts at beat 0). */
    public long barAt(long nanos, int beatsPerBar) {
        return Math.floorDiv(beatIndexAt(nanos), beatsPerBar) + 1;
    }

    /** The beat within its bar at {@code nanos}, 1..beatsPerBar. */
    public int beatInBarAt(long nanos, int beatsPerBar) {
        return (int) Math.floorMod(beatIndexAt(nanos), beatsPerBar) + 1;
    }

    // ---- induction ----

    /**
     * The beat period the first {@code n} onsets suggest: from their commonest interval ({@link #chooseLevel}), or the
     * prior's refined to them with the tempo locked. When the level is reviewed, {@code tracked} is the current beat
     * ({@link #evenDottedPairs}); 0 at induction. Overwrites the interval and slot scratch arrays.
     */
    private double inducedBeat(int n, double tracked) {
        intervals(n);
        int m = n - 1;
        double longest = noteValues(m);
        // dotted pairs that subdivide the tracked beat (or half of it) or, at induction, the note value that fills most time
        // (or four thirds of it, where that value is their own dotted note)
        boolean evened = tracked > 0 ? evenDottedPairs(m, tracked, tracked / 2, false) : evenDottedPairs(m, unitValue, unitValue, true);
        if (evened) longest = noteValues(m);
        double unit = unitValue;
        double commonest = commonestValue;
        int mostMembers = commonestMembers;
        // of note values heard equally often (three times or more: two may be one value split by rubato, or chance), the
        // one that offers other levels than the one that fills most time
        for (int i = 0; i < m && mostMembers >= TIED_MEMBERS && !isOtherNoteValue(unit, commonest); i++) {
            if (iois[i] > longest) continue;
            double sum = clusterSum(i, m);
            if (clusterMembers == mostMembers) commonest = sum / clusterMembers;
        }
        double beat;
        if (tempoLocked) {
            beat = bestFittingPeriod(priorPeriod, n);
        } else {
            // the note value that fills most time, and the one heard most often where no power of two of one is the
            // other (a slow air's long notes of three beats fill more time than its quarters, and no beat is made of
            // three quarters; a waltz's dotted quarters fill more time than its quarters, and no beat is made of two
            // thirds or four thirds of a quarter)
            beat = chooseLevel(unit, n);
            double coherence = sixteenthCoherence(beat, n);
            if (!isOtherNoteValue(unit, commonest)) commonest = otherNoteValue(unit, beat, coherence, n, longest);
            if (isOtherNoteValue(unit, commonest)) {
                // and between those two, how closely the onsets keep to each one's sixteenths
                double byTime = levelScore + COHERENCE_WEIGHT * coherence;
                double byCount = chooseLevel(commonest, n);
                if (levelScore + COHERENCE_WEIGHT * sixteenthCoherence(byCount, n) > byTime) beat = byCount;
            }
            // a beat whose sixteenths hold the player's eighths as dotted eighths, three or more in a row, is two thirds
            // of the player's: no line runs on in dotted eighths, and a hornpipe of triplets and eighths fits that faster
            // beat's sixteenths note for note. Once heard so, that beat is not taken again while the player is followed.
            boolean again = eighthsHeardDotted && tracked > 0 && Math.abs(Math.log(1.5 * beat / tracked)) < REFINED_NEAR;
            if (1.5 * beat <= slowestBeat() && (again || dottedEighthsInARow(beat, 0, n))) {
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
    private boolean dottedEighthsInARow(double beat, int from, int n) {
        double sixteenth = beat / SLOTS_PER_BEAT;
        int inARow = 0;
        int start = 0;
        for (int i = Math.max(1, from + 1); i < n; i++) {
            double interval = (times[index(i)] - times[index(i - 1)]) / sixteenth;
            int eighths;
            if (Math.abs(interval - 3) < DOTTED_EIGHTH_TOLERANCE) {
                eighths = 1;
            } else if (i + 1 < n && Math.abs(interval - 4.5) < DOTTED_EIGHTH_TOLERANCE
                    && Math.abs((times[index(i + 1)] - times[index(i)]) / sixteenth - 1.5) < DOTTED_EIGHTH_TOLERANCE) {
                eighths = 2;
            } else {
                inARow = 0;
                continue;
            }
            if (inARow == 0) start = i - 1;
            inARow += eighths;
            i += eighths - 1;
            if (inARow >= DOTTED_EIGHTH_RUN && Math.abs((times[index(i)] - times[index(start)]) / sixteenth
                    - 3 * inARow) < DOTTED_EIGHTH_TOLERANCE) return true;
        }
        return false;
    }

    /**
     * The note value heard most often (twice or more) of those among the first {@code n - 1} intervals, below
     * {@code longest} (a rest), that no power of two of {@code unit} is, if the onsets keep badly to the sixteenths of
     * {@code beat}, the unit's level (their {@code coherence} on them below {@value #LONG_VALUE_OFF_GRID}; {@value #SHORT_VALUE_OFF_GRID} for a value shorter
     * than half the beat); else {@code unit}. A 3/4 song of dotted halves, halves and quarters, its dotted halves filling
     * most time and heard most often, was heard in dotted quarters (two thirds of the player's tempo): its quarters fell
     * between that beat's sixteenths, and no power of two of a dotted half is a quarter.
     */
    private double otherNoteValue(double unit, double beat, double coherence, int n, double longest) {
        if (coherence >= LONG_VALUE_OFF_GRID) return unit;
        double other = unit;
        int otherMembers = 1;
        for (int i = 0; i < n - 1; i++) {
            if (iois[i] > longest || !isOtherNoteValue(unit, iois[i])) continue;
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
            if (inCluster(i, j) && silences[index(j + 1)] <= DETACHED_SHARE * iois[j]) sum += iois[j];
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
                if (snapped && pair > slowestBeat()) continue;
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
                && pair <= UNIT_PAIR_BEATS * priorPeriod;
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
    private static boolean isOtherNoteValue(double a, double b) {
        double octaves = Math.log(a / b) / Math.log(2);
        return Math.abs(octaves - Math.rint(octaves)) > OTHER_NOTE_VALUE_OCTAVES;
    }

    private void induce() {
        int n = count;
        openingDownbeat = NO_DOWNBEAT;
        double beat = inducedBeat(n, 0);
        if (tracking && tripletsOfTheBeat(period, beat, n)) beat = period;
        place(beat / SLOTS_PER_BEAT, n, true);
        numberFromTheBeat(beat, n);
        period = beat;
        fit(times[index(n - 1)]);
        replace(n);
        fit(times[index(n - 1)]);
        farInARow = 0;
        sinceReview = 0;
        double span = (times[index(n - 1)] - times[index(0)]) / period;
        if (n >= 5 && span >= 3 && confidence >= 0.6 || n >= INDUCTION_ONSETS) {
            // found: the clock may follow; until settled, every onset induces afresh from all heard so far
            tracking = true;
            gridEpoch++;
            heardCompound = false;
            if (n >= INDUCTION_ONSETS) {
                settled = true;
                lostPeriod = 0;
            }
        }
    }

    /** The consecutive intervals of the first {@code n} onsets into {@link #iois}. */
    private void intervals(int n) {
        for (int i = 1; i < n; i++) iois[i - 1] = times[index(i)] - times[index(i - 1)];
    }

    /**
     * Renumbers the first {@code n} onsets, placed from slot 0, so that slot 0 is the beat of {@code beat} at or before
     * the first onset, on the phase {@link #bestPhase} gives, of the parity of sixteenths the onsets keep to
     * ({@link #sixteenthParity}).
     */
    private void numberFromTheBeat(double beat, int n) {
        int phase = bestPhase(beat, n, sixteenthParity(n));
        int shift = phase == 0 ? 0 : phase - SLOTS_PER_BEAT;
        for (int i = 0; i < n; i++) slots[index(i)] -= shift;
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
    private boolean tripletsOfTheBeat(double beat, double candidate, int n) {
        double ratio = beat / candidate;
        double multiple = Math.abs(ratio / 1.5 - 1) < TRIPLET_RATIO_TOLERANCE ? 1.5 : Math.abs(ratio / 3 - 1) < TRIPLET_RATIO_TOLERANCE ? 3 : 0;
        if (n < ONSETS_BEFORE_TRIPLETS + TRIPLET_RUN || multiple == 0) return false;
        boolean run = false;
        for (int divisor = 3; divisor <= 6; divisor += 3) {
            // measured on the candidate, which was fitted to them: the beat found may have been pulled a percent or two
            double triplet = candidate * multiple / divisor;
            int inARow = 0;
            for (int i = 1; i < n; i++) {
                boolean isTriplet = Math.abs((times[index(i)] - times[index(i - 1)]) / triplet - 1) < TRIPLET_TOLERANCE;
                inARow = isTriplet ? inARow + 1 : 0;
                run |= inARow >= TRIPLET_RUN;
                nextToATriplet[i] |= isTriplet;
                nextToATriplet[i - 1] |= isTriplet;
            }
        }
        int first = 0;
        while (first < n && !nextToATriplet[first]) first++;
        boolean holds = run && first + 1 >= ONSETS_BEFORE_TRIPLETS
                && times[index(first)] - times[index(0)] >= BEATS_BEFORE_TRIPLETS * beat
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
     * Places the first {@code n} onsets again, each on the sixteenth of the fitted grid nearest to it (not before the
     * previous one's): placing interval by interval lets roundings add up (three triplet eighths counted as three
     * sixteenths put every later onset a sixteenth off the earlier ones), which tilts the fitted tempo. Two onsets may
     * share a sixteenth (a triplet's three notes in two of them); neither then weighs in the fit ({@link #fit}).
     *
     * @return whether any onset moved
     */
    private boolean replace(int n) {
        double slot = period / SLOTS_PER_BEAT;
        boolean moved = false;
        for (int i = 0; i < n; i++) {
            long nearest = Math.round((times[index(i)] - origin) / slot);
            long placed = i == 0 ? nearest : Math.max(slots[index(i - 1)], nearest);
            moved |= placed != slots[index(i)];
            slots[index(i)] = placed;
        }
        return moved;
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
                if (Math.floorMod(slots[index(i)] - p, SLOTS_PER_BEAT) != 0) continue;
                double length = i < n - 1 ? iois[i] : beat;
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
            long slot = slots[index(i)] - phase;
            if (Math.floorMod(slot, 2) == 0) onBeatOrHalf++;
            if (Math.floorMod(slot, SLOTS_PER_BEAT) == 0) {
                long b = Math.floorDiv(slot, SLOTS_PER_BEAT);
                if (b != lastBeatHit) beatsHit++;
                lastBeatHit = b;
            }
        }
        long firstBeat = Math.floorDiv(slots[index(0)] - phase, SLOTS_PER_BEAT);
        long lastBeat = Math.floorDiv(slots[index(n - 1)] - phase, SLOTS_PER_BEAT);
        // a rest is not a beat left empty: the inner beats of the longest interval, if of REST_BEATS or more, do not
        // count (one rest inside a phrase; long notes that recur are the level's too-fast beats left empty)
        long rested = 0;
        for (int i = 1; i < n; i++) {
            long gap = (slots[index(i)] - slots[index(i - 1)]) / SLOTS_PER_BEAT;
            if (gap >= REST_BEATS) rested = Math.max(rested, gap - 1);
        }
        long beats = Math.max(1, lastBeat - firstBeat + 1 - rested);
        return Math.min(1, beatsHit / (double) beats) + onBeatOrHalf / (double) n;
    }

    /**
     * Sixteenth indexes for the first {@code n} onsets, from 0: each interval rounded to whole sixteenths of
     * {@code slot} ns, with the previous rounding's remainder, and at least one. With {@code runsShare} (the level
     * chosen, {@link #induce}), an interval of a run ({@link #inARun}) that rounds to none takes none: the two onsets
     * share a sixteenth, as {@link #replace} lets them, and a run of thirty-seconds takes a sixteenth for every two of
     * its notes. Counted a sixteenth each, a Northumbrian tune's two runs of thirty-seconds at 72 BPM, re-induced at
     * that level, took twice the sixteenths they fill, and the line through them came out at 85 BPM. While the level
     * is chosen ({@link #levelFit}) every note keeps a sixteenth of its own: a level twice too slow, its sixteenths the
     * player's eighths, then puts the player's sixteenths on sixteenths of their own, where they count against it.
     */
    private void place(double slot, int n, boolean runsShare) {
        slots[index(0)] = 0;
        double carry = 0;
        for (int i = 1; i < n; i++) {
            double exact = iois[i - 1] / slot + carry;
            long step = Math.round(exact);
            if (step == 0 && !(runsShare && inARun(i - 1, n - 1, slot))) step = 1;
            slots[index(i)] = slots[index(i - 1)] + step;
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
        return iois[j] < quick && (j > 0 && iois[j - 1] < quick || j + 1 < m && iois[j + 1] < quick);
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
        return clampPeriod(best);
    }

    /**
     * How closely the first {@code n} onsets keep to one sixteenth grid of {@code beat}, at whatever phase: the length
     * of the mean of their phases on it as unit vectors (1: all on the grid; about 0 for a wrong period). Nothing is
     * placed or rounded, so a triplet or a jittered onset pulls no grid line its way.
     */
    private double sixteenthCoherence(double beat, int n) {
        return coherenceAt(beat, n, false, n);
    }

    /** {@link #sixteenthCoherence} over the {@code counted} onsets of the first {@code n} that {@code skipTriplets} leaves. */
    private double coherenceAt(double beat, int n, boolean skipTriplets, int counted) {
        double omega = 2 * Math.PI * SLOTS_PER_BEAT / beat;
        long t0 = times[index(0)];
        double c = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (skipTriplets && nextToATriplet[i]) continue;
            double angle = omega * (times[index(i)] - t0);
            c += Math.cos(angle);
            s += Math.sin(angle);
        }
        return Math.hypot(c, s) / counted;
    }

    /**
     * The beat period for the first {@code n} onsets, whose commonest interval is {@code unit}: half, one, two or four of
     * it (each refined to the period the onsets fit best), whichever suits the onsets best ({@link #levelFit}, twice)
     * under the log-normal prior around {@code tempo_bpm}, within the range the tracked beat keeps to
     * ({@link #fastestBeat}, {@link #slowestBeat}). Where half of it is slower than the slowest beat
     * ({@link #slowestBeat}), a quarter or an eighth of it is tried too: a song of whole notes and halves at 72 BPM,
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
    private double chooseLevel(double unit, int n) {
        double bestScore = Double.NEGATIVE_INFINITY;
        double chosen = lostPeriod > 0 ? lostPeriod : priorPeriod;
        double first = 0.5;
        while (first > SHORTEST_LEVEL && unit * first > slowestBeat()) first /= 2;
        for (double multiple = first; multiple <= 4; multiple *= 2) {
            double candidate = unit * multiple;
            if (candidate > slowestBeat() || candidate < fastestBeat()) continue;
            if (lostPeriod > 0 && Math.abs(Math.log(candidate / lostPeriod)) > Math.log(RELOCK_FACTOR)) continue;
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
            double log = Math.log(candidate / priorPeriod);
            // the note-value prior: the commonest note value is most likely an eighth, as in the corpora
            double eighths = Math.abs(Math.log(unit / (candidate / 2)) / Math.log(2));
            double score = -0.5 * (log / PRIOR_SIGMA) * (log / PRIOR_SIGMA) + LEVEL_WEIGHT * fit - EIGHTH_WEIGHT * eighths
                    + SLOWER_LEVEL_BONUS * log / Math.log(2);
            // a beat well above the prior's tempo must be clearly better (running sixteenths are not a fast beat's eighths)
            double fastness = (-log - Math.log(FAST_FROM)) / Math.log(FAST_FULL / FAST_FROM);
            score -= FAST_PENALTY * Math.max(0, Math.min(1, fastness));
            // once found, the level holds unless another is clearly better: no flip-flop on one jittered onset
            if (tracking && Math.abs(Math.log(candidate / period)) < 0.2) score += LEVEL_HOLD;
            if (score > bestScore) {
                bestScore = score;
                chosen = candidate;
            }
        }
        levelScore = bestScore;
        return clampPeriod(chosen);
    }

    // ---- tracking ----

    /**
     * Every {@value #REVIEW_ONSETS} onsets once settled, and at once where the newest onsets run on in the beat's dotted
     * eighths ({@link #dottedEighthsInARow}), the metrical level is chosen again from the whole window (where
     * induction had a dozen onsets, perhaps all triplets or a rest among them; dotted pairs that fill a beat count as
     * even eighths, {@link #evenDottedPairs}): if that beat is another level (over
     * {@link #LEVEL_CHANGE} in log period away; the current level is preferred by {@link #LEVEL_HOLD}), or the same level
     * at a tempo whose sixteenths the window keeps to much more closely ({@link #TEMPO_SLIP}), the tracker induces afresh
     * from the window. A grid induced afresh that is found is then fitted as a tracked one is ({@link #fit}: the whole
     * window alike where it keeps one tempo), at once: induction's own fit, weighted by age and position, is carried into
     * the answer when the review falls on the call's last onset (a reel at 140 BPM that closes in triplets, re-induced at
     * its own level on its last note, went from 140.16 to 139.68 BPM, and its answer from on the grid to 58 % on it).
     *
     * @return whether it did
     */
    private boolean reviewLevel() {
        if (tempoLocked || ++sinceReview < REVIEW_ONSETS
                && !dottedEighthsInARow(period, count - 1 - DOTTED_EIGHTH_RUN, count)) return false;
        sinceReview = 0;
        if (1.5 * period <= slowestBeat() && dottedEighthsInARow(period, 0, count)) {
            slowToTheDottedEighths();
            return true;
        }
        System.arraycopy(slots, 0, reviewSlots, 0, WINDOW);
        double beat = inducedBeat(count, period);
        System.arraycopy(reviewSlots, 0, slots, 0, WINDOW);
        if (tripletsOfTheBeat(period, beat, count)) return false;
        double change = Math.abs(Math.log(beat / period));
        boolean slipped = change >= TEMPO_SLIP
                && sixteenthCoherence(beat, count) > sixteenthCoherence(period, count) + COHERENCE_GAIN;
        if (change < LEVEL_CHANGE && !slipped) return false;
        settled = false;
        tracking = false;
        induce();
        if (tracking) fit(times[index(count - 1)]);
        return true;
    }

    /**
     * Takes a beat 1.5 times as long as the one tracked, whose sixteenths held the player's eighths as dotted eighths
     * ({@link #dottedEighthsInARow}): every onset in the window goes to its nearest sixteenth of the slower beat from
     * the grid's origin (not interval by interval, as {@link #induce} places them: a window of triplets, placed so,
     * put the notes after them off the grid), numbered as induction numbers them (slot 0 the beat at or before the
     * first onset, the beat's phase the one that puts the longest notes on beats, {@link #bestPhase}), and the line is
     * fitted again.
     */
    private void slowToTheDottedEighths() {
        eighthsHeardDotted = true;
        openingDownbeat = NO_DOWNBEAT;
        heardCompound = false;
        period *= 1.5;
        long now = times[index(count - 1)];
        replace(count);
        intervals(count);
        long first = slots[index(0)];
        for (int i = 0; i < count; i++) slots[index(i)] -= first;
        numberFromTheBeat(period, count);
        fit(now);
        for (int pass = 0; pass < REPLACE_PASSES && replace(count); pass++) fit(now);
        gridEpoch++;
        farInARow = 0;
    }

    /**
     * Places the newest onset on the grid, on its nearest sixteenth (the previous onset's at the earliest: forced onto the
     * next one, a triplet's last note pushed every note after it a sixteenth late until the player was lost), and re-fits
     * it; false if that lost the player (a new induction ran instead). Every onset in the window is then placed again on
     * the re-fitted grid ({@link #replace}), and the grid re-fitted if one moved: a reel's pickup of three triplet
     * sixteenths, placed one by one as three sixteenths, put every later note a sixteenth after it, and the line through
     * them all leaned on the pickup (six reels of one collection, heard alone with exact timing at 96 BPM, came out 1.1
     * to 1.9 % fast); the line through the others puts the pickup back in two sixteenths, where its notes no longer
     * weigh.
     */
    private boolean track(long nanos) {
        double slot = period / SLOTS_PER_BEAT;
        int last = index(count - 1);
        long predicted = Math.round((nanos - origin) / slot);
        if (count >= 2) predicted = Math.max(predicted, slots[index(count - 2)]);
        slots[last] = predicted;
        double residual = (nanos - origin) / slot - predicted;
        farInARow = Math.abs(residual) > ON_A_SIXTEENTH ? farInARow + 1 : 0;
        if (farInARow >= LOST_AFTER) {
            // lost: start again from the onsets that did not fit, at a beat near the one lost (a player drifts or
            // changes the feel; no one halves or doubles the tempo in four notes)
            lostPeriod = period;
            head = index(count - LOST_AFTER);
            count = LOST_AFTER;
            settled = false;
            windowFromFirstOnset = false;
            tracking = false;
            induce();
            return false;
        }
        fit(nanos);
        // a note counted a sixteenth off when it was placed (a triplet's pickup taken for three sixteenths) is put where
        // the line through all the others has it; twice at most, as each re-fit may free another
        for (int pass = 0; pass < REPLACE_PASSES && replace(count); pass++) fit(nanos);
        return true;
    }

    /**
     * Decides the beat's phase again from the whole window (up to {@value #WINDOW} onsets, where induction had a dozen):
     * the sixteenth that the longest notes fall on (by the interval each opens; the newest, still sounding, does not
     * count), and at a phrase's end where the player stopped ({@code stop},
     * a sixteenth index; {@link #NO_END} during the phrase) and its closing note ({@code closingNote}, the sixteenth it
     * began on; {@link #NO_END} if it was short or the phrase goes on). The beat moves there, by renumbering, only if
     * that phase is clearly better ({@value #REPHASE_MARGIN} sixteenths of note length): an even-eighth line that opened
     * with a pickup is put back on its beats once its long notes have been heard, without flip-flopping. The sixteenth
     * grid itself does not move. The first onset does not count here (induction's phase, {@link #bestPhase}, leans on
     * it): folk tunes open with a pickup as often as not, an eighth, a sixteenth or a triplet before the beat, and a
     * running line's pickup counted as a beat kept its beats a sixteenth or an eighth off until the stop. A stop
     * {@code betweenEighths} (a sixteenth, or an eighth played staccato, released before the eighth it began on was half
     * over) says nothing of where the bar line is, and weighs for no phase of a simple line.
     */
    private void rephase(long stop, long closingNote, boolean betweenEighths) {
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
        int rest = count;
        long longestRest = Math.round(REST_SLOTS * sixteenth) - 1;
        for (int i = 1; i < count; i++) {
            if (silences[index(i)] > longestRest) {
                longestRest = silences[index(i)];
                rest = i;
            }
        }
        for (int i = 0; i < count - 1; i++) {
            long slot = slots[index(i)];
            long interval = slots[index(i + 1)] - slot;
            double length = Math.min(interval, PHASE_LENGTH_CAP);
            phaseScores[(int) Math.floorMod(slot, SLOTS_PER_BEAT)] += length;
            // what sounded of the note: its interval less the whole sixteenths of silence after it (a detached quarter's
            // gap of half a sixteenth or more, rounded, took a sixteenth off every long note)
            long silenceAfter = silences[index(i + 1)];
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
            if ((slot & 1) != 0 && !dottedEighthsSixteenth(i)) oddOnsets++;
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
            best = argmax(phaseScores);
            if (best == 0 || phaseScores[best] <= phaseScores[0] + REPHASE_MARGIN) return;
            // a sixteenth's move would put the onsets on the other parity of sixteenths: not where they keep to this one
            if ((best & 1) != 0 && sixteenthParity(count) == 0) return;
        } else if (best == 0) {
            return;
        }
        int shift = best <= SLOTS_PER_BEAT / 2 ? best : best - SLOTS_PER_BEAT;
        for (int i = 0; i < count; i++) slots[index(i)] -= shift;
        if (openingDownbeat != NO_DOWNBEAT) openingDownbeat -= shift;
        origin += shift * period / SLOTS_PER_BEAT;
        gridEpoch++;
    }

    /**
     * The parity of sixteenths that the first {@code n} onsets in the window keep to: 0 if clearly more fall on the even
     * ones (the beat and the half beat) than on the odd ones ({@value #PARITY_SHARE} of them, and {@value #PARITY_ONSETS}
     * or more), 1 if clearly more on the odd ones, -1 if neither. A pop line that anticipates its beats by a sixteenth
     * (a sixteenth's pickup and a long note on the beat's last sixteenth, held over it, bar after bar) keeps its other
     * notes on eighths; weighed by length alone, the long notes moved the beat onto their sixteenth. A line whose
     * induction counted a sixteenth's pickup as the beat has its eighths on odd sixteenths, and moves.
     */
    private int sixteenthParity(int n) {
        int odd = 0;
        for (int i = 0; i < n; i++) odd += (int) Math.floorMod(slots[index(i)], 2);
        double clearly = Math.max(PARITY_ONSETS, PARITY_SHARE * n);
        if (odd - (n - odd) >= clearly) return 1;
        return (n - odd) - odd >= clearly ? 0 : -1;
    }

    /**
     * At a simple line's phrase end: each dotted eighth followed by its sixteenth ({@link #dottedEighthsSixteenth}) that
     * begins on an eighth of the grid weighs {@value #DOTTED_FIGURE_WEIGHT} sixteenths more for its quarter phase
     * ({@link #phaseScores}). The figure begins on a beat: in the calls of three third-party sets of folk tunes (the
     * first four bars of 1,800 tunes of music21's ABC corpus, their top line), 1,145 of the 1,147 such figures on an
     * eighth in 2/2, 2/4, 3/2, 3/4 and 4/4 begin on a quarter beat (150 of 205 in 3/8, 6/8 and 9/8). A 2/4 song that
     * opened with an eighth's pickup and closes with an eighth on the beat and its rest has the opening and the stop
     * both on its off-beat eighths; its dotted figures put the beat back. A figure that begins on an odd sixteenth (the
     * dotted eighth after a Scotch snap's sixteenth) says nothing here.
     */
    private void weighDottedFigures() {
        for (int i = 1; i < count - 1; i++) {
            int figure = (int) Math.floorMod(slots[index(i - 1)], SLOTS_PER_BEAT);
            if ((figure & 1) == 0 && dottedEighthsSixteenth(i)) phaseScores[figure] += DOTTED_FIGURE_WEIGHT;
        }
    }

    /**
     * The beat phase a simple line's phrase end ({@code stop}, {@code closingNote}: {@link #rephase}) speaks for: the
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
     * In a compound metre (6/8, 9/8, 12/8 counted in quarters), the beat phase the bar's downbeat is on; -1 if the line
     * is not heard as compound. Compound: the long notes keep to a dotted-quarter grid (six sixteenths) more closely than
     * to any quarter one ({@link #phaseScores}, {@link #dottedScores}: note length by position, a rest of a beat or more
     * after a note not counted on the dotted grid; {@value #COMPOUND_RATIO}
     * of it is enough) while both eighths of the beat hold long notes ({@value #COMPOUND_BALANCE}), and at most one
     * onset in {@value #ODD_ONSETS_SIMPLE} falls on an odd sixteenth (at half tempo a simple line's eighths
     * do, and its fold on dotted quarters is chance; a sixteenth after a dotted eighth, {@link #dottedEighthsSixteenth},
     * is a 6/8 line's own rhythm and does not count), one in {@value #ODD_ONSETS_KEPT} if it was heard as compound
     * at the onset before ({@link #heardCompound}). Both quarter phases then hold as many long notes, so the phrase's
     * start decides: a 6/8 line opens on a dotted-quarter beat or an eighth or
     * two before one (its pickup), and that beat is a downbeat ({@link #openingDownbeat}); without the first onset in the
     * window (a jig of more than {@value #WINDOW} notes), the downbeat the opening put stays if it is still on the dotted
     * grid (a jig whose quarters keep to its second dotted quarters, or a few bars heard as a simple line on the way,
     * moved the beat there, and its phrase's close at a bar line then moved it no further), else the current phase if it
     * is, else the quarter phase with more long notes.
     *
     * <p>A rest of a quarter or two inside the phrase (the longest silence before an onset in the window, of
     * {@value #REST_SLOTS} sixteenths or more: {@link #silent}) moves every later bar line off the dotted grid of the bars
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
        if (oddOnsets * (heardCompound ? ODD_ONSETS_KEPT : ODD_ONSETS_SIMPLE) > count - 1) return -1;
        if (windowFromFirstOnset) {
            long first = slots[index(0)];
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
        long last = slots[index(count - 1)];
        return stop - last == SLOTS_PER_BEAT && Math.floorMod(last - recentDottedGrid, DOTTED_SLOTS) == 0;
    }

    /**
     * The dotted-quarter grids the folded notes keep to ({@link #dottedScores}, {@link #dottedBeforeRest},
     * {@link #dottedAfterRest}), once per {@link #rephase}: where a rest moved the bar lines (notes after it, on another
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

    /**
     * Whether onset {@code i} (not the last) is a sixteenth after a dotted eighth: a 6/8 line's dotted rhythm, on an odd
     * sixteenth at the player's tempo, where a simple line heard at half tempo puts its eighths.
     */
    private boolean dottedEighthsSixteenth(int i) {
        long slot = slots[index(i)];
        return i > 0 && slot - slots[index(i - 1)] == 3 && slots[index(i + 1)] - slot == 1;
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

    /**
     * Re-fits the grid (period and origin) to the onsets in the window, as seen at {@code now}: a line weighted by age
     * ({@value #MEMORY_BEATS} beats' memory), lower off the beat, and, once settled, lower the further an onset lies
     * from the current grid (by a factor never below a third). Then, once the beat is found (while it is still being
     * induced too), if the window keeps one tempo ({@link #steady}), that line is replaced by one through every onset in
     * the window alike, however old, each weighted by how close it lies to the first line (Tukey's biweight,
     * {@link #biweightCutoff}): a triplet or an ornament does not move it, and the tempo carried into the answer is
     * measured from the whole phrase, not mostly from its last notes. A short call ends before the beat settles
     * ({@value #INDUCTION_ONSETS} onsets); weighted by age and position, eight notes of quarters and halves that close
     * on a dotted quarter and an eighth were fitted 1.4 to 2.5 % slow at 72 BPM, their last onsets then counted a
     * sixteenth early and weighing too little to pull the line back.
     */
    private void fit(long now) {
        double slot = period / SLOTS_PER_BEAT;
        double sw = 0, ss = 0, st = 0, sss = 0, sst = 0;
        double fitWeight = 0;
        double misfit = 0;
        for (int i = 0; i < count; i++) {
            int k = index(i);
            double ageBeats = (now - times[k]) / period;
            double age = Math.exp(-ageBeats / MEMORY_BEATS);
            double residual = (times[k] - origin) / slot - slots[k];
            double w = slots[k] % SLOTS_PER_BEAT == 0 ? 1.0 : slots[k] % 2 == 0 ? 0.6 : 0.3;
            // two onsets on one sixteenth (a tuplet's notes between sixteenths) say nothing of the grid
            if (i > 0 && slots[k] == slots[index(i - 1)] || i + 1 < count && slots[k] == slots[index(i + 1)]) w = 0;
            if (settled) {
                double r = Math.min(Math.abs(residual), 0.5) / 0.35;
                w *= Math.exp(-0.5 * r * r);
                misfit += age * Math.min(Math.abs(residual), 0.5);
                fitWeight += age;
            }
            robust[k] = w;
            w *= age;
            sw += w;
            ss += w * slots[k];
            st += w * times[k];
            sss += w * slots[k] * slots[k];
            sst += w * slots[k] * (double) times[k];
        }
        if (tracking && !tempoLocked && sw > 0) {
            double meanS = ss / sw;
            double varS = sss / sw - meanS * meanS;
            double lineSlot = (sst / sw - meanS * st / sw) / varS;
            double lineOrigin = st / sw - lineSlot * meanS;
            if (varS >= 2.0 && lineSlot > 0 && steady(lineSlot, lineOrigin, meanS)) {
                double cutoff = biweightCutoff(lineSlot, lineOrigin);
                double rsw = 0, rss = 0, rst = 0, rsss = 0, rsst = 0;
                for (int i = 0; i < count; i++) {
                    int k = index(i);
                    double r = Math.abs(times[k] - lineOrigin - lineSlot * slots[k]) / cutoff;
                    double w = r >= 1 ? 0 : (1 - r * r) * (1 - r * r);
                    rsw += w;
                    rss += w * slots[k];
                    rst += w * times[k];
                    rsss += w * slots[k] * slots[k];
                    rsst += w * slots[k] * (double) times[k];
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
        if (!tempoLocked && varS >= 2.0) {
            double cov = sst / sw - meanS * meanT;
            newSlot = cov / varS;
            double p = clampPeriod(newSlot * SLOTS_PER_BEAT);
            // a single fit moves the period by at most 8%
            p = Math.max(period * 0.92, Math.min(period * 1.08, p));
            if (!settled) p = clampPeriod(newSlot * SLOTS_PER_BEAT);
            newSlot = p / SLOTS_PER_BEAT;
        }
        period = newSlot * SLOTS_PER_BEAT;
        origin = meanT - newSlot * meanS;
        if (!settled) {
            // fit quality of the induced grid
            double sum = 0;
            double total = 0;
            for (int i = 0; i < count; i++) {
                int k = index(i);
                double residual = (times[k] - origin) / newSlot - slots[k];
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
        for (int i = 0; i < count; i++) {
            int k = index(i);
            double w = robust[k];
            double x = slots[k] - centre;
            double y = times[k] - origin - slot * slots[k];
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
        for (int i = 0; i < count; i++) {
            int k = index(i);
            double x = slots[k] - centre;
            double r = times[k] - origin - slot * slots[k] - a - b * x - c * x * x;
            squares += robust[k] * r * r;
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
        for (int i = 0; i < count; i++) {
            int k = index(i);
            distances[i] = Math.abs(times[k] - origin - slot * slots[k]);
        }
        Arrays.sort(distances, 0, count);
        double median = (count & 1) == 1 ? distances[count / 2] : (distances[count / 2 - 1] + distances[count / 2]) / 2;
        return Math.max(BIWEIGHT_C * median / 0.6745, MIN_CUTOFF_MS * 1e6);
    }

    /**
     * An onset closer than this to the previous one makes that one its ornament: {@value #ORNAMENT_SIXTEENTHS} of a
     * sixteenth, at least 90 ms, at most 3/4 of a sixteenth; and at most half the median of the last
     * {@value #RECENT_INTERVALS} intervals, so that a run of sixteenths at a fast tempo, jittered to 80 ms here and there, keeps its notes (before the beat is found the
     * sixteenth is the prior's, and 90 ms would swallow one note in six of a reel at 140 BPM).
     */
    private double ornamentNanos() {
        double sixteenth = period / SLOTS_PER_BEAT;
        double byBeat = Math.min(Math.max(ORNAMENT_SIXTEENTHS * sixteenth, ORNAMENT_NANOS), 0.75 * sixteenth);
        int m = Math.min(count - 1, RECENT_INTERVALS);
        if (m < 3) return byBeat;
        for (int i = 0; i < m; i++) recentIntervals[i] = times[index(count - 1 - i)] - times[index(count - 2 - i)];
        Arrays.sort(recentIntervals, 0, m);
        return Math.min(byBeat, 0.5 * recentIntervals[m / 2]);
    }

    /** {@link #metricWeight} on a beat. */
    private static final int BEAT_WEIGHT = 3;

    /**
     * How strong a position on the grid {@code nanos} is: 3 on a beat, 2 on an eighth, 1 on a sixteenth, 0 off the
     * sixteenths (over {@value #ON_A_SIXTEENTH} of one from the nearest).
     */
    private int metricWeight(long nanos) {
        double position = (nanos - origin) / (period / SLOTS_PER_BEAT);
        long slot = Math.round(position);
        if (Math.abs(position - slot) > ON_A_SIXTEENTH) return 0;
        return Math.floorMod(slot, SLOTS_PER_BEAT) == 0 ? BEAT_WEIGHT : Math.floorMod(slot, 2) == 0 ? 2 : 1;
    }

    /** The longest beat the tracker takes: {@value #RANGE_FACTOR} times the prior's, within {@code tempo_bpm}'s range. */
    private double slowestBeat() {
        return Math.min(60e9 / Parameter.TEMPO_BPM.min(), priorPeriod * RANGE_FACTOR);
    }

    /** The shortest beat the tracker takes: the prior's over {@value #RANGE_FACTOR}, within {@code tempo_bpm}'s range. */
    private double fastestBeat() {
        return Math.max(60e9 / Parameter.TEMPO_BPM.max(), priorPeriod / RANGE_FACTOR);
    }

    /** {@code p} within the tracker's range ({@link #fastestBeat}, {@link #slowestBeat}); the prior's beat if the tempo is locked. */
    private double clampPeriod(double p) {
        if (tempoLocked) return priorPeriod;
        return Math.max(fastestBeat(), Math.min(slowestBeat(), p));
    }

    private void append(long nanos) {
        if (count == WINDOW) {
            head = (head + 1) % WINDOW;
            count--;
            windowFromFirstOnset = false;
        }
        times[index(count)] = nanos;
        slots[index(count)] = count > 0 ? slots[index(count - 1)] + 1 : 0;
        count++;
    }

    private int index(int i) {
        return (head + i) % WINDOW;
    }
}
