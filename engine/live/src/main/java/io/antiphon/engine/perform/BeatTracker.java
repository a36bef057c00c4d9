package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.OnsetWindow.SLOTS_PER_BEAT;

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
 * interval, by the time its notes fill (intervals clustered within {@value NoteValues#CLUSTER_TOLERANCE} of each other or 25 ms,
 * as in Dixon's BeatRoot; an interval of over 2.5 times the upper quartile is a rest and no candidate), is the melody's
 * common note value (where the value heard most often is no power of two of it, a slow air's dotted halves or a
 * waltz's dotted quarters against its quarters, both are tried); the beat is half, one, two or four of them (a quarter or an
 * eighth too where half is slower than the slowest beat: a song of whole notes), each refined to the period whose sixteenth grid the
 * onsets keep to most closely (their phases on it as unit vectors: nothing rounded, so triplets pull no grid line),
 * whichever suits the
 * onsets best: a beat that most onsets land on and that few onsets divide further than in halves (twice too fast
 * leaves beats empty, but the inner beats of the longest interval, if of {@value BeatInduction#REST_BEATS} beats or more, are a
 * rest, not empty beats; twice too slow puts notes on sixteenths), weighed by a log-normal prior around {@code tempo_bpm}
 * (sigma {@value BeatInduction#PRIOR_SIGMA} in log tempo, within {@value TempoPrior#RANGE_FACTOR}x either way and {@code tempo_bpm}'s range) and, in doubt, leaning to the
 * slower level ({@link BeatInduction#SLOWER_LEVEL_BONUS}); a beat well above the prior's tempo must be clearly better
 * ({@link BeatInduction#FAST_PENALTY}: running sixteenths are not a fast beat's eighths). The onsets are then placed on a sixteenth
 * grid of that beat, and the beat's phase is the one that puts the longest notes (by the interval they open) and the first onset on beats.
 *
 * <p><b>Tracking</b> (afterwards): each onset takes the sixteenth the current grid predicts for it; the grid is the
 * weighted least-squares line through the recent onsets (time against sixteenth index), weights decaying with age in
 * beats (time constant {@value GridFit#MEMORY_BEATS} beats, so it follows drift and rubato), lower off the beat, and low for
 * an onset far from its sixteenth (an ornament, a triplet); while the player keeps one tempo, every onset in the window
 * counts alike, and one far further from its sixteenth than the others not at all ({@link #fit}). This is a Kalman
 * tempo tracker's steady state in batch form; the grid is re-fitted at every onset, and the beat's phase is decided
 * again from the whole window ({@link #rephase}:
 * a line that opened with a pickup in running eighths gets its beat back once its long notes are heard, or, if it has
 * none, once the player stops at the end of the phrase, {@link #phraseEnded}; a compound
 * line, 6/8 counted in quarters, gets its beat on the bar line, also across a rest of a quarter inside it, heard from
 * the player's silences, {@link #silent} and {@link BeatPhase#compoundPhase}), and every
 * {@value #REVIEW_ONSETS} onsets the metrical level is chosen again from the whole window ({@link #reviewLevel}: a
 * beat induced from a run of triplets is 1.5 times the player's; so is one that holds the player's eighths as its
 * dotted eighths, {@link BeatInduction#dottedEighthsInARow}). Rests and
 * Antiphon's answers hold the grid: only the human's onsets move it.
 * Four onsets in a row far from the grid mean the player is lost: the tracker induces afresh from them, at a beat within
 * {@value BeatInduction#RELOCK_FACTOR}x of the one lost (drift and rubato lose the grid, not the metrical level).
 *
 * <p>With the tempo locked ({@code tempo_lock}) the beat period stays the prior's; only the phase is tracked. Taps
 * ({@link #tap}, the tap-tempo controller) set the period from their mean interval and put a beat on the last tap.
 *
 * <p>Beat 0 is the beat at or before the first onset the tracker induced from (or the first tap); bars count from it.
 *
 * <p>Its parts, each a pure object it owns: {@link OnsetWindow}, the onsets heard; {@link BeatInduction}, the beat a
 * handful of them suggest, from their {@link NoteValues}; {@link GridFit}, the grid fitted through them;
 * {@link BeatPhase}, the beat's phase from their notes and where the player stopped; {@link TempoPrior}, the tempo
 * expected and the range around it.
 */
public final class BeatTracker {

    static final long CHORD_WINDOW_MS = 50;
    static final int INDUCTION_ONSETS = 12;
    /** Once settled, the metrical level is reviewed every this many onsets ({@link #reviewLevel}). */
    static final int REVIEW_ONSETS = 8;
    /** How many times, at most, a settled window is placed again on its re-fitted grid ({@link #track}). */
    private static final int REPLACE_PASSES = 2;
    /** How far (in log period) the reviewed level must lie from the current beat to replace it: another level, not drift. */
    static final double LEVEL_CHANGE = 0.2;
    /**
     * A reviewed beat at least this far (in log period) from the current one, but less than another level, replaces it
     * when the window's onsets keep to its sixteenths by {@value #COHERENCE_GAIN} more ({@link BeatInduction#sixteenthCoherence}): a
     * tempo induced a few percent wrong from an opening triplet and a rest, whose eighths slip a sixteenth now and then
     * but never far enough from the grid to lose the player.
     */
    static final double TEMPO_SLIP = 0.03;
    static final double COHERENCE_GAIN = 0.25;
    private static final long CHORD_WINDOW_NANOS = CHORD_WINDOW_MS * 1_000_000;
    private static final double ORNAMENT_NANOS = 90e6;
    /**
     * An ornament's interval, in sixteenths of the beat: between a thirty-second's (half a sixteenth, a trill's notes,
     * which jitter puts on either side of it) and a triplet sixteenth's (2/3, a note).
     */
    private static final double ORNAMENT_SIXTEENTHS = 0.6;
    /** The intervals whose median bounds an ornament's. */
    private static final int RECENT_INTERVALS = 8;
    private static final int TAPS = 5;
    private static final int LOST_AFTER = 4;
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

    private int sinceReview;
    private final double[] recentIntervals = new double[RECENT_INTERVALS];
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
    /** The first note of the current run of ornament-close onsets, the silence before it and its velocity. */
    private long runStart;
    private long runStartSilence;
    private int runStartVelocity;

    private final TempoPrior prior;
    private final OnsetWindow window = new OnsetWindow();
    private final BeatInduction induction;
    private final MetricAccents accents = new MetricAccents(window);
    private final BeatPhase phase = new BeatPhase(window, accents);
    private final GridFit gridFit;
    // the grid: beat b starts at origin + b * period (ns)
    private double period;
    private double origin;
    private boolean tracking;
    /** Induction is over: onsets are placed by the grid. */
    private boolean settled;
    private int gridEpoch;
    /** The bar's length in beats ({@code beats_per_bar}), for the bar's first beat the player's accents mark; 0: not known. */
    private int beatsPerBar;
    private int farInARow;
    /** The beat period when the player was lost, 0 if not lost since the last induction settled: re-induction stays near it. */
    private double lostPeriod;
    private double confidence;

    private final long[] taps = new long[TAPS];
    private int tapCount;

    /** A tracker whose prior is {@code priorBpm}; it knows nothing of the player yet. */
    public BeatTracker(double priorBpm) {
        prior = new TempoPrior(priorBpm);
        induction = new BeatInduction(window, prior);
        gridFit = new GridFit(window, prior);
        period = prior.period();
    }

    /** The tempo the tracker expects (and, before it hears enough, assumes); with the tempo locked, the tempo. */
    public void setPrior(double bpm) {
        prior.setBpm(bpm);
        if (prior.locked() || !tracking) period = prior.period();
    }

    /** With {@code locked}, the beat period stays the prior's and only the phase follows the player. */
    public void setTempoLocked(boolean locked) {
        prior.setLocked(locked);
        if (locked) period = prior.period();
    }

    /** Forgets the player: the next onsets are induced from afresh. */
    public void reset() {
        window.clear(true);
        phase.forgetOpening();
        tracking = false;
        phase.forgetCompound();
        induction.setEighthsHeardDotted(false);
        settled = false;
        farInARow = 0;
        lostPeriod = 0;
        confidence = 0;
        tapCount = 0;
        groupStart = Long.MIN_VALUE;
        silentSince = Long.MIN_VALUE;
        ornamentRun = 0;
        period = prior.period();
    }

    /**
     * A human key went down at {@code nanos} at {@code velocity} (1..127).
     *
     * @return whether the onset counted (false: part of a chord already heard)
     */
    public boolean onset(long nanos, int velocity) {
        if (groupStart != Long.MIN_VALUE && nanos - groupStart < CHORD_WINDOW_NANOS) {
            window.chordKey(velocity);
            return false;
        }
        groupStart = nanos;
        onsetsHeard++;
        int count = window.count();
        long silence = silentSince != Long.MIN_VALUE && count > 0 && silentSince > window.time(count - 1) ? nanos - silentSince : 0;
        silentSince = Long.MIN_VALUE;
        long previous = lastOnset;
        lastOnset = nanos;
        long counted = nanos;
        int loudness = velocity;
        if (count > 0 && nanos - previous < ornamentNanos()) {
            if (ornamentRun++ == 0) {
                runStart = window.time(count - 1);
                runStartSilence = window.silence(count - 1);
                runStartVelocity = window.velocity(count - 1);
                window.dropNewest(); // the previous onset was an ornament of this one
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
                        if (window.time(count - 1) == runStart) return true;
                        counted = runStart;
                        silence = runStartSilence;
                        loudness = runStartVelocity;
                    }
                    window.dropNewest(); // the run's onset counted so far gives way
                }
            }
        } else {
            ornamentRun = 0;
        }
        window.append(counted, silence, loudness);
        if (settled) {
            if (track(counted) && !reviewLevel()) {
                rephase(BeatPhase.NO_END, BeatPhase.NO_END, false);
                rebar();
            }
        } else if (window.count() >= 3) {
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
        if (!prior.locked()) period = prior.clamp((nanos - first) / (double) (n - 1));
        double beats = tracking ? Math.rint((nanos - origin) / period) : 0;
        origin = nanos - beats * period;
        if (!tracking) gridEpoch++;
        tracking = true;
        phase.forgetCompound();
        settled = true;
        confidence = 1;
        window.clear(false);
        phase.forgetOpening();
        window.append(nanos, 0, 0);
        window.setSlot(0, Math.round(beats) * SLOTS_PER_BEAT);
    }

    /**
     * The player's phrase ended, its last note released at {@code releaseNanos}: where the player stopped is evidence of
     * the beat, and the beat's phase is decided again with it ({@link #rephase}). The stop is the release rounded up to
     * the grid's next eighth (a release up to a quarter of a sixteenth past an eighth counts as on it), wherever between
     * half and all of its value the last note was held, and at least the eighth after where the last onset was played
     * (up to {@value #ON_A_SIXTEENTH} of a sixteenth early counts as on its sixteenth). A short note on an
     * eighth released in its first sixteenth (a sixteenth, a staccato eighth) stopped
     * between two eighths, and a simple line's stop then weighs for no phase. A phrase closes at a bar line, or on a beat: the stop weighs for
     * its quarter phase more than the longest note ({@value BeatPhase#PHRASE_END_WEIGHT} sixteenths), so that a line of even
     * eighths that opened with a pickup, whose notes say nothing of the beat, gets its beat back. Each dotted eighth
     * followed by its sixteenth weighs for its beat there too ({@link BeatPhase#weighDottedFigures}): one that opened with a pickup
     * and stopped on its off-beat eighths gets its beat back from them. A compound line
     * ({@link BeatPhase#compoundPhase}) takes the stop's quarter phase: counted in quarters, 6/8's bar lines all fall on one of its
     * two quarter phases, and which one its notes cannot say when they run in eighths or its opening was a pickup. But a
     * phrase that closes on a long note ({@value #CLOSING_NOTE_SLOTS} sixteenths or more sounded) where its notes already
     * put a downbeat closed on that downbeat: a jig's closing dotted quarter is released on the bar's second dotted
     * quarter, half a quarter off its bar lines. So did one that stopped where its notes put a downbeat: a half cadence's
     * dotted quarter on the bar's second dotted quarter, held to the bar line. So did one whose long notes lean to where
     * its notes put the downbeat ({@link BeatPhase#stoppedCompoundDownbeat}). Where its notes put the downbeat elsewhere
     * than both, a compound line that closes on a long note closed at that note's onset, not at its release. The closing
     * note's onset, or else the stop, also marks the strong beats ({@link #strongBeatParity}). Its blind sides: a
     * compound line whose long notes all keep to its bars' second dotted quarters takes those for its downbeats
     * ({@link BeatPhase#heavierLongNotes}), wherever it closes; and a jig that opened with a dotted quarter's pickup on its first
     * bar's second dotted quarter, whose notes put its downbeats there, and closes on a downbeat's dotted quarter released
     * on the second dotted quarter, keeps them there (the stop agrees with its notes); and a line whose notes put its
     * downbeats on its second dotted quarters, its long notes leaning there too, keeps them there when the player
     * stopped on its bar lines' quarters (a call cut inside a bar).
     */
    public void phraseEnded(long releaseNanos) {
        int count = window.count();
        if (!tracking || count < 2) return;
        double slot = period / SLOTS_PER_BEAT;
        // at least the eighth after the last onset (a key can go up at once: a repeated note's earlier note-off), after
        // where it was played, not the sixteenth it was counted on: a thirty-second before a beat is counted on the beat,
        // and its phrase stops there, not an eighth later
        double released = (releaseNanos - origin) / slot - STOP_SLACK;
        long last = window.slot(count - 1);
        double played = (window.time(count - 1) - origin) / slot;
        long stop = Math.max(2 * (long) Math.ceil(released / 2), 2 * (long) Math.floor((played + ON_A_SIXTEENTH) / 2) + 2);
        long closing = releaseNanos - window.time(count - 1) >= CLOSING_NOTE_SLOTS * slot ? last : BeatPhase.NO_END;
        // a short note on an eighth released in the second half of its first sixteenth: the player stopped between two
        // eighths (a key that went up at once, a repeated note's earlier note-off, says nothing: the next eighth stands)
        double held = (releaseNanos - window.time(count - 1)) / slot;
        boolean betweenEighths = closing == BeatPhase.NO_END && held >= 0.5 && (Math.max((long) Math.ceil(released), last + 1) & 1) == 1;
        stopNanos = Math.round(origin + (closing != BeatPhase.NO_END ? closing : stop) * slot);
        releasedNanos = Math.round(origin + stop * slot);
        rephase(stop, closing, betweenEighths);
        rebar();
        stopEpoch = gridEpoch;
    }

    /**
     * Which beats of a pair are the strong ones: where the player plays them clearly louder, those
     * ({@link MetricAccents#accentedBeatParity}); else by where the player's last phrase closed ({@link #phraseEnded}: the onset
     * of its closing note if that was long, else where the player stopped): 0 for the even beats, 1 for the odd ones; if
     * that was not on a beat, where the player stopped if that was (a syncopated closing note, begun between two beats
     * and held to one), else the pair the longer notes begin on ({@link BeatPhase#heavierBeatParity}); -1 if neither tells or the
     * beats have been renumbered since. A phrase closes on a strong beat or at a bar
     * line, so in 2/4 and 4/4 the beats an even number after it are on the bar's strong half; and a beat tracked at
     * twice the player's tempo (running sixteenths heard as a fast beat's eighths) has the player's beats as its strong
     * ones (a jig's closing dotted quarter is three such beats long: its release is on a weak one).
     */
    public int strongBeatParity() {
        if (!tracking) return -1;
        int accented = accents.accentedBeatParity();
        if (accented >= 0) return accented;
        if (stopEpoch != gridEpoch) return -1;
        double position = beatPosition(stopNanos);
        long beat = Math.round(position);
        if (!onABeat(position)) {
            // a closing long note begun between two beats (a syncopation) and held to one: that beat is where the
            // phrase closed
            double released = beatPosition(releasedNanos);
            if (releasedNanos != stopNanos && onABeat(released)) return (int) Math.floorMod(Math.round(released), 2);
            return phase.heavierBeatParity();
        }
        int parity = (int) Math.floorMod(beat, 2);
        if (releasedNanos != stopNanos) {
            // a closing long note held to a beat of the other parity (the first at or after its release, less a quarter
            // beat: a detached note goes up before it) is a jig's dotted quarter (three of these beats) or a syncopated
            // song's closing note (begun on the player's off-beat); the longer notes tell, where they lean one way
            long releasedBeat = (long) Math.ceil(beatPosition(releasedNanos) - 0.25);
            if (Math.floorMod(releasedBeat, 2) != parity) {
                int heavier = phase.heavierBeatParity();
                if (heavier >= 0) return heavier;
            }
        }
        return parity;
    }

    /** Whether a beat position is within an eighth of a beat of one. */
    private static boolean onABeat(double position) {
        return Math.abs(position - Math.rint(position)) <= 0.125;
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
        return Math.round(prior.period());
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

    /**
     * The bar's length in beats ({@code beats_per_bar}; below 2: not known): where the player's accents mark the bar's first
     * beat, the beats are numbered from it ({@link #rebar}).
     */
    public void setBeatsPerBar(int beatsPerBar) {
        this.beatsPerBar = beatsPerBar;
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

    private void induce() {
        int n = window.count();
        phase.forgetOpening();
        double beat = induction.inducedBeat(n, 0, tracking ? period : 0, lostPeriod);
        if (tracking && induction.tripletsOfTheBeat(period, beat, n)) beat = period;
        induction.placeOnTheBeat(beat, n);
        period = beat;
        fit(window.time(n - 1));
        replace(n);
        fit(window.time(n - 1));
        farInARow = 0;
        sinceReview = 0;
        double span = (window.time(n - 1) - window.time(0)) / period;
        if (n >= 5 && span >= 3 && confidence >= 0.6 || n >= INDUCTION_ONSETS) {
            // found: the clock may follow; until settled, every onset induces afresh from all heard so far
            tracking = true;
            gridEpoch++;
            phase.forgetCompound();
            if (n >= INDUCTION_ONSETS) {
                settled = true;
                lostPeriod = 0;
            }
        }
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
            long nearest = Math.round((window.time(i) - origin) / slot);
            long placed = i == 0 ? nearest : Math.max(window.slot(i - 1), nearest);
            moved |= placed != window.slot(i);
            window.setSlot(i, placed);
        }
        return moved;
    }

    // ---- tracking ----

    /**
     * Every {@value #REVIEW_ONSETS} onsets once settled, and at once where the newest onsets run on in the beat's dotted
     * eighths ({@link BeatInduction#dottedEighthsInARow}), the metrical level is chosen again from the whole window (where
     * induction had a dozen onsets, perhaps all triplets or a rest among them; dotted pairs that fill a beat count as
     * even eighths, {@link NoteValues#evenDottedPairs}): if that beat is another level (over
     * {@link #LEVEL_CHANGE} in log period away; the current level is preferred by {@link BeatInduction#LEVEL_HOLD}), or the same level
     * at a tempo whose sixteenths the window keeps to much more closely ({@link #TEMPO_SLIP}), the tracker induces afresh
     * from the window. A grid induced afresh that is found is then fitted as a tracked one is ({@link #fit}: the whole
     * window alike where it keeps one tempo), at once: induction's own fit, weighted by age and position, is carried into
     * the answer when the review falls on the call's last onset (a reel at 140 BPM that closes in triplets, re-induced at
     * its own level on its last note, went from 140.16 to 139.68 BPM, and its answer from on the grid to 58 % on it).
     *
     * @return whether it did
     */
    private boolean reviewLevel() {
        int count = window.count();
        if (prior.locked() || ++sinceReview < REVIEW_ONSETS
                && !induction.dottedEighthsInARow(period, count - 1 - BeatInduction.DOTTED_EIGHTH_RUN, count)) return false;
        sinceReview = 0;
        if (1.5 * period <= prior.slowestBeat() && induction.dottedEighthsInARow(period, 0, count)) {
            slowToTheDottedEighths();
            return true;
        }
        window.keepSlots();
        double beat = induction.inducedBeat(count, period, period, lostPeriod);
        window.restoreSlots();
        if (induction.tripletsOfTheBeat(period, beat, count)) return false;
        double change = Math.abs(Math.log(beat / period));
        boolean slipped = change >= TEMPO_SLIP
                && induction.sixteenthCoherence(beat, count) > induction.sixteenthCoherence(period, count) + COHERENCE_GAIN;
        if (change < LEVEL_CHANGE && !slipped) return false;
        settled = false;
        tracking = false;
        induce();
        if (tracking) fit(window.time(window.count() - 1));
        return true;
    }

    /**
     * Takes a beat 1.5 times as long as the one tracked, whose sixteenths held the player's eighths as dotted eighths
     * ({@link BeatInduction#dottedEighthsInARow}): every onset in the window goes to its nearest sixteenth of the slower beat from
     * the grid's origin (not interval by interval, as {@link #induce} places them: a window of triplets, placed so,
     * put the notes after them off the grid), numbered as induction numbers them (slot 0 the beat at or before the
     * first onset, the beat's phase the one that puts the longest notes on beats, {@link BeatInduction#bestPhase}), and the line is
     * fitted again.
     */
    private void slowToTheDottedEighths() {
        induction.setEighthsHeardDotted(true);
        phase.forgetOpening();
        phase.forgetCompound();
        period *= 1.5;
        int count = window.count();
        long now = window.time(count - 1);
        replace(count);
        induction.numberFromTheFirstOnset(period, count);
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
        int count = window.count();
        long predicted = Math.round((nanos - origin) / slot);
        if (count >= 2) predicted = Math.max(predicted, window.slot(count - 2));
        window.setSlot(count - 1, predicted);
        double residual = (nanos - origin) / slot - predicted;
        farInARow = Math.abs(residual) > ON_A_SIXTEENTH ? farInARow + 1 : 0;
        if (farInARow >= LOST_AFTER) {
            // lost: start again from the onsets that did not fit, at a beat near the one lost (a player drifts or
            // changes the feel; no one halves or doubles the tempo in four notes)
            lostPeriod = period;
            window.keepNewest(LOST_AFTER);
            settled = false;
            tracking = false;
            induce();
            return false;
        }
        fit(nanos);
        // a note counted a sixteenth off when it was placed (a triplet's pickup taken for three sixteenths) is put where
        // the line through all the others has it; twice at most, as each re-fit may free another
        for (int pass = 0; pass < REPLACE_PASSES && replace(window.count()); pass++) fit(nanos);
        return true;
    }

    /**
     * Decides the beat's phase again from the whole window ({@link BeatPhase#shift}), at a phrase's end with where the
     * player stopped ({@code stop}, a sixteenth index; {@link BeatPhase#NO_END} during the phrase) and its closing note
     * ({@code closingNote}, the sixteenth it began on; {@link BeatPhase#NO_END} if it was short or the phrase goes on):
     * where it moves, the onsets are renumbered and the grid's origin moves with them; its period stays.
     */
    private void rephase(long stop, long closingNote, boolean betweenEighths) {
        int shift = phase.shift(period, stop, closingNote, betweenEighths);
        if (shift != 0) renumber(shift);
    }

    /**
     * Numbers the beats from the bar's first where the player's accents mark it ({@link MetricAccents#accentedBeatOfBar}:
     * the beat of the bar played clearly louder than the others), so that the bars counted, an answer that enters on
     * the bar line and the accents it plays by their place in the bar are the player's; else the bars stay counted
     * from the beat of the first onset, which a pickup puts on the bar's last beat. The onsets are renumbered by whole
     * beats, the grid's origin moves with them, and its period and the beat's phase stay. Not for a line heard as
     * compound: its bars are two dotted quarters, counted in quarters.
     */
    private void rebar() {
        if (!tracking || beatsPerBar < 2 || phase.heardCompound()) return;
        int first = accents.accentedBeatOfBar(beatsPerBar);
        if (first <= 0) return;
        renumber((long) (first <= beatsPerBar / 2 ? first : first - beatsPerBar) * SLOTS_PER_BEAT);
    }

    /**
     * Renumbers the onsets {@code shift} sixteenths on (the beat's phase or the bar's first beat moved): the grid's
     * origin and the downbeat a compound line's opening put move with them; the period stays.
     */
    private void renumber(long shift) {
        window.renumber(shift);
        phase.renumbered(shift);
        origin += shift * period / SLOTS_PER_BEAT;
        gridEpoch++;
    }

    /** Fits the grid again to the onsets in the window as seen at {@code now} ({@link GridFit#fit}). */
    private void fit(long now) {
        gridFit.fit(now, period, origin, confidence, tracking, settled);
        period = gridFit.period();
        origin = gridFit.origin();
        confidence = gridFit.confidence();
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
        int count = window.count();
        int m = Math.min(count - 1, RECENT_INTERVALS);
        if (m < 3) return byBeat;
        for (int i = 0; i < m; i++) recentIntervals[i] = window.time(count - 1 - i) - window.time(count - 2 - i);
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
}
