package io.antiphon.engine.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

class BeatTrackerTest {

    /** The velocity of a player who plays every note alike. */
    static final int EVEN = 80;

    /** A folk-like rhythm in beats: eighths and quarters, a dotted figure, a half note (4 bars of 4/4). */
    static final double[] MELODY_BEATS = {
            0, 1, 1.5, 2, 3, 3.5,
            4, 4.5, 5, 5.5, 6, 7,
            8, 9, 9.5, 10, 10.75, 11, 11.5,
            12, 13, 14, 14.5, 15, 15.5};

    /** Onset times (ns) of {@code beats} repeated {@code times}, played at {@code bpm} (tempo ratio {@code drift} at the end) with Gaussian jitter. */
    static long[] perform(double[] beats, int times, double bpm, double drift, double jitterMs, long seed) {
        Random random = new Random(seed);
        List<Long> onsets = new ArrayList<>();
        double total = 16.0 * times;
        for (int r = 0; r < times; r++) {
            for (double b : beats) {
                double beat = r * 16 + b;
                onsets.add(Math.round(1e9 + timeOf(beat, bpm, drift, total) + random.nextGaussian() * jitterMs * 1e6));
            }
        }
        return onsets.stream().mapToLong(Long::longValue).toArray();
    }

    /** A tracker with the prior's 120 BPM that has heard {@code onsets}. */
    static BeatTracker hearing(long[] onsets) {
        BeatTracker tracker = new BeatTracker(120);
        for (long onset : onsets) tracker.onset(onset, EVEN);
        return tracker;
    }

    /** Seconds-in-ns to beat {@code beat} when the tempo moves linearly from bpm to bpm*drift over {@code total} beats. */
    static double timeOf(double beat, double bpm, double drift, double total) {
        double t = 0;
        double step = 1.0 / 64;
        for (double b = 0; b < beat - 1e-9; b += step) {
            double tempo = bpm * (1 + (drift - 1) * (b / total));
            t += Math.min(step, beat - b) * 60e9 / tempo;
        }
        return t;
    }

    @Test
    void locksToASteadyPlayerWithinFourBeatsAtTheRightTempoAndPhase() {
        for (double bpm : new double[]{72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                long[] onsets = perform(MELODY_BEATS, 2, bpm, 1, 12, seed);
                BeatTracker tracker = new BeatTracker(120);
                int i = 0;
                long fourBeats = Math.round(1e9 + 4 * 60e9 / bpm);
                while (onsets[i] <= fourBeats + 30_000_000) tracker.onset(onsets[i++], EVEN);
                assertTrue(tracker.locked(), bpm + " BPM seed " + seed + ": locked after 4 beats");
                assertEquals(bpm, tracker.bpm(), bpm * 0.06, bpm + " BPM seed " + seed + " after 4 beats");
                for (; i < onsets.length; i++) tracker.onset(onsets[i], EVEN);
                assertEquals(bpm, tracker.bpm(), bpm * 0.02, bpm + " BPM seed " + seed + " after 8 bars");
                double phase = tracker.beatPosition(Math.round(1e9 + 32 * 60e9 / bpm));
                assertEquals(0, phase - Math.rint(phase), 0.05, bpm + " BPM seed " + seed + ": beat phase");
                assertEquals(0, Math.floorMod(Math.round(phase), 4), bpm + " BPM seed " + seed + ": bar 9 starts a bar");
            }
        }
    }

    @Test
    void followsADriftOfTwentyPercentOverSixteenBars() {
        long[] onsets = perform(MELODY_BEATS, 4, 100, 1.2, 12, 7);
        BeatTracker tracker = hearing(onsets);
        double endTempo = 100 * (1 + 0.2 * (63.5 / 64));
        assertEquals(endTempo, tracker.bpm(), endTempo * 0.03);
    }

    @Test
    void chordsCountOnceAndGraceNotesDoNotDerailIt() {
        long[] onsets = perform(MELODY_BEATS, 2, 96, 1, 10, 3);
        BeatTracker tracker = new BeatTracker(120);
        for (int i = 0; i < onsets.length; i++) {
            if (i % 5 == 2) tracker.onset(onsets[i] - 70_000_000, EVEN); // a grace note 70 ms before
            tracker.onset(onsets[i], EVEN);
            assertFalse(tracker.onset(onsets[i] + 20_000_000, EVEN), "a chord's second key");
        }
        assertEquals(96, tracker.bpm(), 96 * 0.02);
        double phase = tracker.beatPosition(onsets[onsets.length - 1]);
        assertEquals(0, phase - Math.rint(phase * 2) / 2, 0.06);
    }

    /** An air's four bars with a trill on each bar's third beat: eight thirty-seconds, the first on the beat. */
    static final double[] TRILL_BEATS = trillBeats();

    private static double[] trillBeats() {
        List<Double> beats = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            int s = 4 * bar;
            beats.addAll(List.of(s + 0.0, s + 1.0, s + 1.5));
            for (int k = 0; k < 8; k++) beats.add(s + 2 + k / 8.0);
            beats.add(s + 3.0);
        }
        return beats.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A trill is one note: its thirty-seconds (half a sixteenth apart, which jitter puts on either side of the old bound
     * of half a sixteenth) neither move the tempo nor take the beat to its last note; at 72 and 96 BPM the tempo stays
     * within 0.5 % and the next six beats are the player's. (At 140 BPM a trill's notes are a chord's.)
     */
    @Test
    void aTrillDoesNotMoveTheTempoOrTheBeat() {
        for (double bpm : new double[]{72, 96}) {
            for (long seed = 1; seed <= 5; seed++) {
                String name = "trill at " + bpm + " BPM seed " + seed;
                long[] onsets = perform(TRILL_BEATS, 1, bpm, 1, 12, seed);
                assertEquals(bpm, hearing(onsets).bpm(), bpm * 0.005, name);
                assertTheNextBeatsAreThePlayers(onsets, bpm, 6, name);
            }
        }
    }

    /**
     * A strathspey's opening (Aird's "Mrs. Leitch's Strathspey", bars 1 to 4 after a dotted pair's pickup): dotted
     * pairs and Scotch snaps in turn, then eighths among them.
     */
    static final double[] STRATHSPEY_BEATS = {
            0, 0.75,
            1, 1.25, 2, 2.75, 3, 3.25, 4, 4.75,
            5, 5.25, 6, 6.75, 7, 7.75, 8, 8.5,
            9, 9.75, 10, 10.75, 11, 11.5, 12, 12.5,
            13, 13.75, 14, 14.5, 15, 15.5, 16, 16.5, 16.75};

    /**
     * Dotted pairs and Scotch snaps in turn are two uneven halves of one beat each, whichever note is short: counted as
     * note values, the dotted eighths filled most time and the beat was heard at three quarters or four thirds of the
     * player's. At 72, 96 and 140 BPM, 20 seeds each, the tempo at the phrase's end is the player's (or half of it)
     * within 1 %.
     */
    @Test
    void aStrathspeysSnapsAndDottedPairsKeepThePlayersTempo() {
        // with only a dotted pair's long note first: 19, 20 and 19 of 20 seeds off at 72, 96 and 140 BPM (at 3/4, 4/3 or
        // 3/4 of half the player's tempo); at 140 a few pairs jittered out of a dotted pair's ratio still break the run:
        // 4 seeds off
        assertFewTempiOff(STRATHSPEY_BEATS, "strathspey", 0, 4);
    }

    /**
     * A hymn-like song of whole notes and halves, eight bars of 4/4 (as old songs are written in 4/2 and 4/1): at 60 and
     * 72 BPM half its whole note is slower than the slowest beat the prior allows, and the quarter is the beat.
     */
    static final double[][] SONG_OF_WHOLE_NOTES_AND_HALVES = {
            {0, 4}, {4, 2}, {6, 2}, {8, 4}, {12, 4}, {16, 2}, {18, 2}, {20, 4}, {24, 2}, {26, 2}, {28, 4}};

    @Test
    void aSongOfWholeNotesAndHalvesIsHeardInQuartersNotAtThePriorsTempo() {
        // before, no level of its whole note was in range, and the tracker ran at the prior's 120 BPM
        assertTheNextBeatsAreThePlayers(new double[] {60, 72}, SONG_OF_WHOLE_NOTES_AND_HALVES, last -> last[1], true,
                "song of whole notes and halves");
    }

    @Test
    void aSlowPriorsRangeBoundsTheLevelsTriedNotOnlyTheBeatTracked() {
        // with the prior at 40 or 50 BPM (`--tempo`), the half note of a player at their tempo was tried as a beat (within
        // 2.5 times the prior's) though slower than tempo_bpm's 30 BPM, chosen, and clamped to 30 BPM: off every level
        double[] halves = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
        double[] wholeNotesAndHalves = {0, 4, 6, 8, 12, 16, 18, 20, 24, 26, 28};
        for (double bpm : new double[] {40, 50}) {
            for (double[] song : new double[][] {halves, wholeNotesAndHalves}) {
                BeatTracker tracker = new BeatTracker(bpm);
                for (long onset : perform(song, 1, bpm, 1, 12, 1)) tracker.onset(onset, EVEN);
                assertEquals(bpm, tracker.bpm(), bpm * 0.01, "a song of " + song.length + " notes at " + bpm + " BPM, prior " + bpm);
            }
        }
    }

    /**
     * A song in quarters and runs of four eighths, its quarters filling as much time as its eighths: at 140 BPM near
     * the prior's 120, the quarter is the beat, though the commonest note value is most likely an eighth.
     */
    static final double[] QUARTERS_AND_EIGHTHS_BEATS = {
            0, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 6.5, 7, 7.5, 8, 9, 10, 10.5, 11, 11.5, 12, 13, 14, 15};

    @Test
    void aSongOfQuartersAndEighthsAt140BpmIsHeardAtItsTempoNotAtHalf() {
        // with the tempo prior's sigma at 0.7 in log tempo, 6 of 20 seeds were heard at 70 BPM; 0.55 weighs the prior's
        // 120 enough against "the commonest note is an eighth"
        List<Long> half = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            BeatTracker tracker = hearing(perform(QUARTERS_AND_EIGHTHS_BEATS, 1, 140, 1, 12, seed));
            if (tracker.bpm() < 105) half.add(Math.round(tracker.bpm()));
        }
        assertTrue(half.size() <= 1, "seeds heard at half the player's 140 BPM: " + half);
        assertFewTempiOff(QUARTERS_AND_EIGHTHS_BEATS, "quarters and eighths", 0, 1);
    }

    @Test
    void holdsThroughARestAndLocksTheTempoWhenTold() {
        long[] onsets = perform(MELODY_BEATS, 1, 90, 1, 10, 5);
        BeatTracker tracker = hearing(onsets);
        double bpm = tracker.bpm();
        long afterRest = onsets[onsets.length - 1] + 20_000_000_000L;
        assertEquals(bpm, tracker.bpm());
        assertEquals(tracker.beatTime(tracker.beatIndexAt(afterRest)), tracker.beatTime(tracker.beatIndexAt(afterRest)));

        BeatTracker locked = new BeatTracker(80);
        locked.setTempoLocked(true);
        for (long onset : onsets) locked.onset(onset, EVEN);
        assertEquals(80, locked.bpm(), 1e-9);
    }

    @Test
    void tapsSetTheBeat() {
        BeatTracker tracker = new BeatTracker(120);
        for (int i = 0; i < 4; i++) tracker.tap(1_000_000_000L + i * 750_000_000L);
        assertTrue(tracker.locked());
        assertEquals(80, tracker.bpm(), 1e-6);
        assertEquals(1_000_000_000L + 4 * 750_000_000L, tracker.nextBeatNanos(1_000_000_000L + 3 * 750_000_000L + 1));
    }

    /** A hornpipe's opening (4 bars): triplet eighths among eighths and quarters. */
    static final double[] TRIPLET_BEATS = {
            0, 1, 1.333, 1.667, 2, 2.5, 3, 4,
            5, 5.333, 5.667, 6, 6.5, 7, 8, 8.5,
            9, 9.5, 10, 10.5, 11, 12, 12.5, 13, 13.333, 13.667, 14, 15};

    /** The same with a rest of two beats inside the phrase, after the quarter on beat 7. */
    static final double[] TRIPLETS_AND_A_REST_BEATS = {
            0, 0.333, 0.667, 1, 2, 3, 4, 7, 7.5, 8, 8.5, 9, 10, 10.5, 11, 12, 13, 14, 15};

    /**
     * Triplets are neither sixteenths nor a reason to change the tempo, and a rest is no note value: at a phrase's
     * end the grid holds the player's tempo (or half of it: in doubt the tracker
     * takes the slower level) to 0.5%, and its next eight beats fall within 30 ms of the player's beats.
     */
    @Test
    void tripletsAndARestLeaveTheTempoAndTheBeatWhereThePlayerHasThem() {
        for (double[] melody : new double[][]{TRIPLET_BEATS, TRIPLETS_AND_A_REST_BEATS}) {
            for (double bpm : new double[]{72, 96, 140}) {
                for (long seed = 1; seed <= 5; seed++) {
                    String name = (melody == TRIPLET_BEATS ? "triplets" : "triplets and a rest") + " at " + bpm + " BPM seed " + seed;
                    long[] onsets = perform(melody, 1, bpm, 1, 12, seed);
                    BeatTracker tracker = hearing(onsets);
                    double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : bpm;
                    assertEquals(level, tracker.bpm(), level * 0.005, name);
                    double beatNanos = 60e9 / bpm;
                    long first = tracker.nearestBeatNanos(Math.round(1e9 + 16 * beatNanos));
                    for (int b = 0; b < 8; b++) {
                        assertOnAPlayersBeat(first + b * tracker.beatNanos(), bpm, name + ": the tracker's beat " + b + " after the phrase");
                    }
                }
            }
        }
    }

    /**
     * Tracks {@code onsets} (performed from 1 s at {@code bpm}) and asserts that the tracker's {@code beats} beats from
     * the first a beat after the last onset each fall within 30 ms of one of the player's beats.
     */
    static void assertTheNextBeatsAreThePlayers(long[] onsets, double bpm, int beats, String name) {
        BeatTracker tracker = hearing(onsets);
        double beatNanos = 60e9 / bpm;
        long first = tracker.nextBeatNanos(onsets[onsets.length - 1] + Math.round(beatNanos));
        for (int b = 0; b < beats; b++) {
            assertOnAPlayersBeat(first + b * tracker.beatNanos(), bpm, name + ": the tracker's beat " + b + " after the phrase");
        }
    }

    /** {@link #assertTheNextBeatsAreThePlayers} for {@code melody} performed at 72, 96 and 140 BPM, five seeds each. */
    static void assertTheNextBeatsAreThePlayersAt72To140(double[] melody, int beats, String label) {
        for (double bpm : new double[]{72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                String name = label + " at " + bpm + " BPM seed " + seed;
                assertTheNextBeatsAreThePlayers(perform(melody, 1, bpm, 1, 12, seed), bpm, beats, name);
            }
        }
    }

    /** Whether {@code tracked} is within 30 ms of one of the beats of a player at {@code bpm} from 1 s ({@link #perform}). */
    static boolean isAPlayersBeat(long tracked, double bpm) {
        return Math.abs(nearestPlayersBeat(tracked, bpm) - tracked) <= 30e6;
    }

    /** The beat of a player at {@code bpm} from 1 s ({@link #perform}) nearest {@code tracked}, in ns. */
    static double nearestPlayersBeat(long tracked, double bpm) {
        double beatNanos = 60e9 / bpm;
        return 1e9 + Math.rint((tracked - 1e9) / beatNanos) * beatNanos;
    }

    /** Asserts that {@code tracked} is within 30 ms of one of the beats of a player at {@code bpm} from 1 s ({@link #perform}). */
    static void assertOnAPlayersBeat(long tracked, double bpm, String what) {
        assertEquals(nearestPlayersBeat(tracked, bpm), tracked, 30e6, what);
    }

    /** A reel's opening: a pickup eighth, then running eighths; the first long notes (a quarter, a half) come in bar 2. */
    static final double[] PICKUP_REEL_BEATS = {
            0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7,
            8, 8.5, 9, 9.5, 10,
            12, 12.5, 13, 13.5, 14, 14.5, 15};

    @Test
    void aPickupThatPutTheBeatOnTheOffBeatEighthIsPutRightOnceTheLongNotesAreHeard() {
        assertTheNextBeatsAreThePlayersAt72To140(PICKUP_REEL_BEATS, 8, "pickup reel");
    }

    /** Four bars of even eighths after an eighth pickup, stopped at the bar line: the notes say nothing of the beat. */
    static final double[] EVEN_EIGHTHS_AFTER_A_PICKUP_BEATS = {
            3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5,
            12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5, 16, 16.5, 17, 17.5, 18, 18.5, 19, 19.5};

    @Test
    void whereThePlayerStopsIsABeatWhenTheNotesDoNotSay() {
        for (double bpm : new double[]{72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                long[] onsets = perform(EVEN_EIGHTHS_AFTER_A_PICKUP_BEATS, 1, bpm, 1, 12, seed);
                BeatTracker tracker = hearing(onsets);
                double beatNanos = 60e9 / bpm;
                // the last eighth is held for 90% of its value, give or take the jitter
                tracker.phraseEnded(onsets[onsets.length - 1] + Math.round(0.45 * beatNanos));
                for (int b = 1; b <= 4; b++) {
                    assertOnAPlayersBeat(tracker.nextBeatNanos(onsets[onsets.length - 1]) + (b - 1) * tracker.beatNanos(), bpm,
                            "even eighths at " + bpm + " BPM seed " + seed + ": the tracker's beat " + b + " after the stop");
                }
            }
        }
    }

    @Test
    void theStrongBeatsOfABeatHeardAtTwiceThePlayersTempoAreThePlayersBeats() {
        double[] sixteenths = new double[34];
        for (int i = 0; i < sixteenths.length; i++) sixteenths[i] = 3.5 + i * 0.25;   // a two-sixteenth pickup, two bars
        for (long seed = 1; seed <= 5; seed++) {
            String name = "running sixteenths at 72 BPM seed " + seed;
            long[] onsets = perform(sixteenths, 1, 72, 1, 12, seed);
            BeatTracker tracker = hearing(onsets);
            assertEquals(144, tracker.bpm(), 3, name + ": heard as eighths at twice the tempo");
            assertEquals(-1, tracker.strongBeatParity(), name + ": no stop heard yet");
            double beatNanos = 60e9 / 72;
            tracker.phraseEnded(onsets[onsets.length - 1] + Math.round(0.225 * beatNanos));
            int strong = tracker.strongBeatParity();
            assertTrue(strong >= 0, name + ": the stop was on a beat");
            long next = tracker.beatIndexAt(onsets[onsets.length - 1]) + 1;
            for (long b = next; b < next + 8; b++) {
                if (Math.floorMod(b, 2) == strong) assertOnAPlayersBeat(tracker.beatTime(b), 72, name + ": strong beat " + b + " is the player's");
            }
        }
    }

    /** A slow air's opening with a one-beat rest inside: a whole note, dotted halves, quarters. */
    static final double[] SLOW_AIR_WITH_A_REST_BEATS = {0, 4, 7, 8, 10, 11, 12, 13, 16};

    @Test
    void longNotesOfThreeBeatsDoNotMakeABeatOfThreeQuarters() {
        // nine notes are little to go on: one seed in ten may still miss (the tracker of before missed all thirty)
        for (double bpm : new double[]{72, 96, 140}) {
            int right = 0;
            for (long seed = 1; seed <= 10; seed++) {
                if (atThePlayersTempoOrHalf(tracked(SLOW_AIR_WITH_A_REST_BEATS, bpm, seed), bpm)) right++;
            }
            assertTrue(right >= 9, "slow air at " + bpm + " BPM: the player's tempo or half of it in " + right + " of 10 seeds");
        }
    }

    /**
     * A waltz's opening in 3/4: bars of a quarter, a dotted quarter and an eighth, a half and a quarter, three quarters.
     * The dotted quarters fill the most time, the quarters are heard most often, and no power of two of a dotted quarter
     * is the beat: both note values' levels must be tried.
     */
    static final double[] WALTZ_BEATS = {0, 1, 2.5, 3, 4, 5.5, 6, 8, 9, 10, 11.5, 12, 13, 14, 15};

    @Test
    void aWaltzsDottedQuartersDoNotMakeABeatOfFourThirdsOfAQuarter() {
        assertTheTempoOrHalfAndTheNextBeatsAreThePlayersAt72To140(WALTZ_BEATS, "waltz");
    }

    /**
     * Ten notes of a waltz in bars of a dotted quarter, an eighth and a quarter, with a rest of two beats: the dotted
     * quarters fill the most time, and the eighths are heard as often as they are (three each).
     */
    static final double[] WALTZ_WITH_A_REST_BEATS = {0, 1, 2.5, 3, 4, 5.5, 6, 9, 10.5, 11};

    @Test
    void ofNoteValuesHeardEquallyOftenTheOneThatOffersOtherBeatsIsTried() {
        // Ten notes are little to go on. The tracker of before took the dotted quarters' levels only: 0 of 30 right
        // (48, 64 and 93 BPM: beats of four thirds or of a dotted quarter). Now 20 of 30: the rest take the dotted
        // quarter for the beat, which the prior and the slower level's bonus leave close to the quarter at 96 and 140.
        int total = 0;
        StringBuilder heard = new StringBuilder();
        for (double bpm : new double[]{72, 96, 140}) {
            int right = 0;
            for (long seed = 1; seed <= 10; seed++) {
                BeatTracker tracker = tracked(WALTZ_WITH_A_REST_BEATS, bpm, seed);
                if (atThePlayersTempoOrHalf(tracker, bpm)) right++;
                heard.append(String.format(" %.0f", tracker.bpm()));
            }
            assertTrue(right >= 4, "waltz with a rest at " + bpm + " BPM: the player's tempo or half in " + right + " of 10 seeds:" + heard);
            total += right;
        }
        assertTrue(total >= 20, "waltz with a rest: the player's tempo or half in " + total + " of 30:" + heard);
    }

    /**
     * Openings of three slow songs in 3/4, written here: dotted halves, halves and quarters (bars of a dotted half, of a
     * half and a quarter, of a quarter and a half). The dotted halves fill the most time and are heard the most often; a
     * beat of a dotted quarter holds them and the halves that fall on its grid, and its sixteenths miss the quarters.
     */
    static final double[][] DOTTED_HALF_SONGS_BEATS = {
            {0, 3, 6, 8, 9, 12, 13, 15, 18},
            {0, 3, 6, 7, 9, 12, 15, 16, 18},
            {0, 3, 6, 9, 11, 12, 15, 17, 18}};

    @Test
    void aSongOfDottedHalvesAndQuartersIsNotHeardInDottedQuarters() {
        // The tracker of before heard all 90 at two thirds of the player's tempo (48, 64 and 93 BPM); now 80 are right:
        // nine notes are little to go on, and where the jitter leaves them close to the dotted quarter's sixteenths, it
        // still takes that beat.
        for (double[] song : DOTTED_HALF_SONGS_BEATS) {
            int right = 0;
            StringBuilder heard = new StringBuilder();
            for (double bpm : new double[]{72, 96, 140}) {
                for (long seed = 1; seed <= 10; seed++) {
                    BeatTracker tracker = tracked(song, bpm, seed);
                    if (atThePlayersTempoOrHalf(tracker, bpm)) right++;
                    heard.append(String.format(" %.0f", tracker.bpm()));
                }
            }
            assertTrue(right >= 24, Arrays.toString(song) + ": the player's tempo or half in " + right + " of 30:" + heard);
        }
    }

    /**
     * Asserts that {@code melody}, performed at 72, 96 and 140 BPM (five seeds each), is tracked at the player's tempo or
     * half of it (in doubt, the slower level: its beats are still the player's), and that the next beats are the player's.
     */
    static void assertTheTempoOrHalfAndTheNextBeatsAreThePlayersAt72To140(double[] melody, String label) {
        for (double bpm : new double[]{72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                BeatTracker tracker = tracked(melody, bpm, seed);
                assertTrue(atThePlayersTempoOrHalf(tracker, bpm), label + " at " + bpm + " BPM seed " + seed + ": tracked at " + tracker.bpm());
            }
        }
        assertTheNextBeatsAreThePlayersAt72To140(melody, 6, label);
    }

    /** A tracker (prior 120 BPM) that has heard {@code melody} performed at {@code bpm} with jitter sd 12 ms. */
    static BeatTracker tracked(double[] melody, double bpm, long seed) {
        BeatTracker tracker = hearing(perform(melody, 1, bpm, 1, 12, seed));
        return tracker;
    }

    /** Whether {@code tracker} is within 1 % of {@code bpm} or of half of it (in doubt the slower level: its beats are the player's). */
    static boolean atThePlayersTempoOrHalf(BeatTracker tracker, double bpm) {
        return atThePlayersLevel(tracker, bpm, false);
    }

    /** As {@link #atThePlayersTempoOrHalf}, and with {@code orTwice} within 1 % of twice {@code bpm} too (its eighths heard as the beat). */
    static boolean atThePlayersLevel(BeatTracker tracker, double bpm, boolean orTwice) {
        double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : orTwice && tracker.bpm() > bpm * 1.5 ? bpm * 2 : bpm;
        return Math.abs(tracker.bpm() - level) <= level * 0.01;
    }

    /**
     * A jig's opening in 6/8, counted in quarters (a bar is three): an eighth pickup, quarter-eighth pairs, a bar of two
     * dotted quarters. Both quarter phases hold as many long notes; the downbeat is the one after the pickup.
     */
    static final double[] JIG_BEATS = {
            2.5, 3, 4, 4.5, 5.5, 6, 7, 7.5, 8.5, 9, 10, 10.5, 11.5, 12, 13.5, 15};

    @Test
    void aJigsBeatsFallOnItsBarLinesNotOnItsSecondDottedQuarter() {
        assertTheNextBeatsAreThePlayersAt72To140(JIG_BEATS, 6, "jig");
    }

    /**
     * {@link #JIG_BEATS} with a rest of {@code restBeats} quarters after its seventh note (an eighth on beat 7), as rows of
     * {onset, length} in quarters: the rest moves every later bar line by a quarter or two, off the dotted-quarter grid of
     * the bars before it.
     */
    static double[][] jigWithRest(int restBeats) {
        double[] lengths = {0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1.5, 1.5, 1.5};
        double[][] notes = new double[JIG_BEATS.length][];
        for (int i = 0; i < notes.length; i++) notes[i] = new double[] {JIG_BEATS[i] + (i > 6 ? restBeats : 0), lengths[i]};
        return notes;
    }

    @Test
    void aRestInsideAJigDoesNotPutItsBeatsBetweenThePlayersQuarters() {
        for (int rest = 1; rest <= 2; rest++) assertTheNextBeatsAreThePlayersAt72To140(jigWithRest(rest), false, "jig with a rest of " + rest);
    }

    /**
     * A jig of running eighths in 6/8 (counted in quarters): an eighth pickup, one quarter on the second dotted quarter
     * of its second bar, four bars that end on the bar line. Its notes say nothing of where the bar lines are.
     */
    static final double[][] RUNNING_JIG = {
            {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 0.5}, {5, 0.5}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5},
            {7.5, 1}, {8.5, 0.5}, {9, 0.5}, {9.5, 0.5}, {10, 0.5}, {10.5, 0.5}, {11, 0.5}, {11.5, 0.5}};

    @Test
    void aJigOfRunningEighthsGetsItsBeatsFromWhereThePlayerStopped() {
        assertTheNextBeatsAreThePlayersAt72To140(RUNNING_JIG, true, "jig of running eighths");
    }

    /**
     * Four bars of a 3/8 line in running sixteenths after a sixteenth's pickup, one dotted eighth on the off-beat of its
     * third beat, stopped at the bar line: its first note is not on a beat, and it does not say where the beats are.
     */
    static final double[][] SIXTEENTHS_AFTER_A_SIXTEENTH_PICKUP = {
            {0.75, 0.25}, {1, 0.25}, {1.25, 0.25}, {1.5, 0.25}, {1.75, 0.25}, {2, 0.25}, {2.25, 0.25}, {2.5, 0.25},
            {2.75, 0.25}, {3, 0.25}, {3.25, 0.25}, {3.5, 0.75}, {4.25, 0.25}, {4.5, 0.25}, {4.75, 0.25}, {5, 0.25},
            {5.25, 0.25}, {5.5, 0.25}, {5.75, 0.25}};

    @Test
    void aLineThatOpensWithAPickupDoesNotPutItsBeatsOnThePickup() {
        // at 72 BPM running sixteenths are heard as eighths at twice the tempo (see the test of the strong beats above).
        // Six beats after the phrase on the player's: the tracker of before, which counted the first onset as a beat, had
        // 0 of 10 seeds at 96 BPM and 2 of 10 at 140; now 9 and 8 (a sixteenth or a tempo off at 140).
        for (double bpm : new double[] {96, 140}) {
            int right = 0;
            for (long seed = 1; seed <= 10; seed++) {
                Heard heard = Heard.play(SIXTEENTHS_AFTER_A_SIXTEENTH_PICKUP, bpm, seed, last -> last[1]);
                boolean onTheBeats = true;
                for (int b = 0; b < 6; b++) onTheBeats &= isAPlayersBeat(heard.beatAfterThePhrase(b), bpm);
                if (onTheBeats) right++;
            }
            assertTrue(right >= 8, "sixteenths after a sixteenth's pickup at " + bpm + " BPM: the player's beats in " + right + " of 10 seeds");
        }
    }

    /**
     * Played legato from a file, a repeated note's key can go up just after it was struck again (the earlier note's
     * note-off comes after the new note-on): the phrase then falls silent 5 ms after its last onset. Its stop is the
     * next eighth, never a sixteenth, so the beats stay on the player's quarters.
     */
    @Test
    void aLastNoteCutShortStopsThePhraseOnTheNextEighth() {
        assertTheNextBeatsAreThePlayersAt72To140(RUNNING_JIG, last -> last[0] + 5_000_000, "jig cut short");
    }

    /**
     * A hornpipe's four bars in 2/4, cut before the bar line: runs of four sixteenths on the downbeats, eighths after
     * them, and on each bar's second beat a detached sixteenth and a rest. It stops on such a sixteenth, released an
     * eighth before the next beat's off-beat: the stop falls between two eighths and says nothing of the bar line. Its
     * notes put the beat on the quarters only a little more than on their off-beats.
     */
    static final double[][] HORNPIPE_CLOSING_ON_A_DETACHED_SIXTEENTH = {
            {0, 0.25}, {0.25, 0.25}, {0.5, 0.25}, {0.75, 0.25}, {1, 0.5}, {1.5, 0.5}, {2, 0.25}, {2.25, 0.25},
            {2.5, 0.5}, {3, 0.25}, {4, 0.25}, {4.25, 0.25}, {4.5, 0.25}, {4.75, 0.25}, {5, 0.5}, {5.5, 0.5},
            {6, 0.25}, {6.25, 0.25}, {6.5, 0.5}, {7, 0.25}};

    @Test
    void aPhraseThatStopsOnADetachedSixteenthKeepsItsBeats() {
        assertTheNextBeatsAreThePlayers(new double[] {96, 140}, HORNPIPE_CLOSING_ON_A_DETACHED_SIXTEENTH, last -> last[1],
                false, "hornpipe closing on a detached sixteenth");
    }

    @Test
    void aPhraseThatStopsOffTheBeatHasTheStrongBeatsOfItsLongerNotes() {
        // at 72 BPM the hornpipe's sixteenths are heard as eighths of a beat at 144: its stop, between two of that beat's
        // sixteenths, is on none of its beats, and the player's quarters are the ones its eighths and rests begin on
        int heardInEighths = assertTheFirstStrongBeatAt72IsThePlayers(HORNPIPE_CLOSING_ON_A_DETACHED_SIXTEENTH, 5, true);
        assertTrue(heardInEighths > 0, "at 72 BPM some seeds hear the sixteenths as eighths of the beat");
    }

    /**
     * A hornpipe's four bars in 2/4 whose second beats are often a detached sixteenth and a rest: runs of sixteenths,
     * and a quarter's interval that is mostly silence. Counted by the time the intervals fill, the quarter (a sixteenth
     * and its rest) was the note value, and eighths the likeliest note value: at 140 BPM the beat was induced at half
     * the player's tempo, and its sixteenth grid, the player's thirty-seconds, then fitted at about 100 BPM.
     */
    static final double[][] HORNPIPE_OF_DETACHED_SIXTEENTHS = {
            {0, 0.25}, {0.25, 0.25}, {0.5, 0.25}, {0.75, 0.25}, {1, 0.25}, {2, 0.25}, {2.25, 0.25}, {2.5, 0.5},
            {3, 0.25}, {4, 0.25}, {4.25, 0.25}, {4.5, 0.5}, {5, 0.25}, {6, 0.25}, {6.25, 0.25}, {6.5, 0.25},
            {6.75, 0.25}, {7, 0.5}, {7.5, 0.5}};

    @Test
    void detachedNotesAndTheirRestsDoNotMakeTheNoteValue() {
        assertTheNextBeatsAreThePlayers(new double[] {96, 140}, HORNPIPE_OF_DETACHED_SIXTEENTHS, last -> last[1], true,
                "hornpipe of detached sixteenths");
    }

    /**
     * A jig in 6/8 (counted in quarters) that closes as jigs do, on its last bar's downbeat with a dotted quarter: released
     * on the second dotted quarter, half a quarter off the bar lines' quarters. An eighth pickup, then quarter-eighth
     * pairs and runs of eighths.
     */
    static final double[][] JIG_CLOSING_ON_A_DOWNBEAT = {
            {2.5, 0.5}, {3, 1}, {4, 0.5}, {4.5, 0.5}, {5, 0.5}, {5.5, 0.5}, {6, 1}, {7, 0.5}, {7.5, 1}, {8.5, 0.5},
            {9, 0.5}, {9.5, 0.5}, {10, 0.5}, {10.5, 1}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5}, {13, 0.5}, {13.5, 1},
            {14.5, 0.5}, {15, 1.5}};

    @Test
    void aJigThatClosesOnItsDownbeatsDottedQuarterKeepsItsBeatsOnTheBarLines() {
        assertTheNextBeatsAreThePlayersAt72To140(JIG_CLOSING_ON_A_DOWNBEAT, true, "jig closing on a downbeat");
    }

    /**
     * A song in 6/8 (counted in quarters) of quarter-eighth pairs from its first downbeat, whose four-bar phrase ends on a
     * half cadence: two dotted quarters, the last on the bar's second dotted quarter, held to the bar line where the
     * player stops. Its closing note's onset is half a quarter off the bar lines' quarters; where it stopped is not.
     */
    static final double[][] SONG_CLOSING_ON_ITS_SECOND_DOTTED_QUARTER = {
            {0, 1}, {1, 0.5}, {1.5, 1}, {2.5, 0.5}, {3, 1}, {4, 0.5}, {4.5, 1.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5},
            {7.5, 1}, {8.5, 0.5}, {9, 1.5}, {10.5, 1.5}};

    @Test
    void aSongThatStopsAtTheBarLineAfterALongNoteOnItsSecondDottedQuarterKeepsItsBeatsOnTheBarLines() {
        assertTheNextBeatsAreThePlayersAt72To140(SONG_CLOSING_ON_ITS_SECOND_DOTTED_QUARTER, true, "song closing on its second dotted quarter");
    }

    /**
     * A song in 6/8 (counted in quarters) whose dotted quarters all fall on its downbeats, between eighths and a quarter
     * on its second dotted quarters, and whose phrase ends as many 6/8 phrases do: a quarter on the last bar's second
     * dotted quarter and an eighth's rest to the bar line. Where the player stopped is half a quarter off the bar lines'
     * quarters; its long notes say where its downbeats are.
     */
    static final double[][] SONG_OF_DOWNBEAT_DOTTED_QUARTERS_ENDING_WITH_A_REST = {
            {0, 1.5}, {1.5, 0.5}, {2, 0.5}, {2.5, 0.5}, {3, 1.5}, {4.5, 1}, {5.5, 0.5}, {6, 1.5}, {7.5, 0.5}, {8, 0.5},
            {8.5, 0.5}, {9, 0.5}, {9.5, 0.5}, {10, 0.5}, {10.5, 1}};

    @Test
    void aSongWhoseLongNotesKeepToItsDownbeatsKeepsItsBeatsThereWhenItStopsAnEighthBeforeTheBarLine() {
        // at 72 and 96 BPM (at 140, one seed in ten hears its dotted quarters as the beat, at 93 BPM, whatever the stop)
        assertTheNextBeatsAreThePlayers(new double[] {72, 96}, SONG_OF_DOWNBEAT_DOTTED_QUARTERS_ENDING_WITH_A_REST, last -> last[1],
                true, "song of downbeat dotted quarters ending with a rest");
    }

    /**
     * A song in 6/8 (counted in quarters) that opens on its downbeat, whose quarters and last dotted quarter fall on its
     * downbeats and one dotted quarter on a second dotted quarter, between eighths, and whose phrase ends with a quarter
     * on the last bar's second dotted quarter and an eighth's rest. Its long notes lean to the downbeats (nine to five)
     * where its opening puts them; where the player stopped is half a quarter off the bar lines' quarters.
     */
    static final double[][] SONG_LEANING_TO_ITS_DOWNBEATS_ENDING_WITH_A_REST = {
            {0, 1}, {1, 0.5}, {1.5, 0.5}, {2, 0.5}, {2.5, 0.5}, {3, 1}, {4, 0.5}, {4.5, 1.5}, {6, 1}, {7, 0.5},
            {7.5, 0.5}, {8, 0.5}, {8.5, 0.5}, {9, 1.5}, {10.5, 1}};

    @Test
    void aSongWhoseOpeningAndLongNotesAgreeOnItsDownbeatsKeepsThemWhenItStopsAnEighthBeforeTheBarLine() {
        assertTheNextBeatsAreThePlayersAt72To140(SONG_LEANING_TO_ITS_DOWNBEATS_ENDING_WITH_A_REST, true,
                "song leaning to its downbeats ending with a rest");
    }

    @Test
    void aSongWhoseOpeningAndLongNotesAgreeOnItsDownbeatsKeepsThemPlayedDetached() {
        // each note held 85 % of its value, not 90 %: a quarter's gap before the next note is then over half a sixteenth
        assertTheNextBeatsAreThePlayersAt72To140(heldFor(SONG_LEANING_TO_ITS_DOWNBEATS_ENDING_WITH_A_REST, 0.85), true,
                "song leaning to its downbeats, detached");
    }

    /**
     * A tune in 2/4 of running eighths whose phrase closes with a dotted quarter on the last bar's downbeat and an
     * eighth's rest (where the next part's pickup would be): the player stops half a beat off the beat, and the eighths
     * say nothing of it.
     */
    static final double[][] SONG_CLOSING_ON_A_DOTTED_QUARTER_AND_AN_EIGHTHS_REST = {
            {0, 0.5}, {0.5, 0.5}, {1, 0.5}, {1.5, 0.5}, {2, 0.5}, {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 0.5},
            {5, 0.5}, {5.5, 0.5}, {6, 1.5}};

    @Test
    void aSongWhoseClosingDottedQuarterBeganOnTheBeatKeepsItsBeatWhereThePlayerStoppedHalfABeatLater() {
        assertTheNextBeatsAreThePlayersAt72To140(SONG_CLOSING_ON_A_DOTTED_QUARTER_AND_AN_EIGHTHS_REST, true,
                "song closing on a dotted quarter and an eighth's rest");
    }

    /**
     * A song written here in 2/4, of running eighths after an eighth's pickup, with a dotted eighth and its sixteenth on
     * two beats, whose phrase closes with an eighth on the last bar's second beat and its rest. The opening (its first
     * onset taken for a beat) and where the player stopped (the eighth after the last note) both put the beat on the
     * off-beat eighths; the dotted figures tell.
     */
    static final double[][] SONG_AFTER_A_PICKUP_WITH_DOTTED_FIGURES_CLOSING_ON_AN_EIGHTH = {
            {0.5, 0.5}, {1, 0.5}, {1.5, 0.5}, {2, 0.5}, {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.75}, {4.75, 0.25},
            {5, 0.5}, {5.5, 0.5}, {6, 0.75}, {6.75, 0.25}, {7, 0.5}, {7.5, 0.5}, {8, 0.5}};

    @Test
    void aSongWhoseDottedFiguresBeginOnItsBeatsKeepsThemWhereItsPickupAndItsStopSayOtherwise() {
        assertTheNextBeatsAreThePlayersAt72To140(SONG_AFTER_A_PICKUP_WITH_DOTTED_FIGURES_CLOSING_ON_AN_EIGHTH, true,
                "song after a pickup with dotted figures, closing on an eighth");
    }

    /**
     * A jig in 6/8 (counted in quarters) that opens on its downbeat, of quarter-and-eighth pairs and running eighths,
     * its quarters as many on its downbeats as on its second dotted quarters, whose phrase ends with a quarter on the
     * last bar's second dotted quarter and an eighth's rest (a jig's cadence). Where the player stopped, half a quarter
     * off the bar lines' quarters, would put the downbeats on the second dotted quarters just as well as a quarter on the
     * downbeat would; the long notes do not lean; the opening tells.
     */
    static final double[][] JIG_CLOSING_ON_A_QUARTER_AND_AN_EIGHTHS_REST = {
            {0, 1}, {1, 0.5}, {1.5, 1}, {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 1}, {5.5, 0.5}, {6, 1},
            {7, 0.5}, {7.5, 1}, {8.5, 0.5}, {9, 1}, {10, 0.5}, {10.5, 1}};

    @Test
    void aJigWhoseCadenceIsAQuarterAndAnEighthsRestKeepsTheDownbeatsItsOpeningGives() {
        assertTheNextBeatsAreThePlayersAt72To140(JIG_CLOSING_ON_A_QUARTER_AND_AN_EIGHTHS_REST, true,
                "jig closing on a quarter and an eighth's rest");
    }

    /**
     * A tune in 6/8 (counted in quarters) of eight bars, 35 notes, that opens on its downbeat: dotted quarters, quarters
     * and eighths, and in most bars a dotted eighth, a sixteenth and an eighth on one of its dotted quarters; it closes
     * with a dotted quarter on the last bar's downbeat, a quarter on its second dotted quarter and an eighth's rest. Its
     * sixteenths fall on odd sixteenths, one onset in five, as a simple line's eighths heard at half tempo do. Played
     * from 84 to 108 BPM: at 72 the tracker hears it at 144 (its sixteenths the beat's eighths), from 120 now and then in
     * dotted quarters, levels whose entrance the performer decides.
     */
    static final double[][] JIG_OF_DOTTED_RHYTHMS_CLOSING_ON_A_QUARTER_AND_AN_EIGHTHS_REST = {
            {0, 1.5}, {1.5, 0.75}, {2.25, 0.25}, {2.5, 0.5}, {3, 1}, {4, 0.5}, {4.5, 0.75}, {5.25, 0.25}, {5.5, 0.5},
            {6, 0.75}, {6.75, 0.25}, {7, 0.5}, {7.5, 1}, {8.5, 0.5}, {9, 1}, {10, 0.5}, {10.5, 0.75}, {11.25, 0.25},
            {11.5, 0.5}, {12, 1.5}, {13.5, 0.75}, {14.25, 0.25}, {14.5, 0.5}, {15, 1}, {16, 0.5}, {16.5, 0.75},
            {17.25, 0.25}, {17.5, 0.5}, {18, 0.75}, {18.75, 0.25}, {19, 0.5}, {19.5, 1}, {20.5, 0.5}, {21, 1.5},
            {22.5, 1}};

    @Test
    void aJigOfDottedRhythmsWhoseCadenceIsAQuarterAndAnEighthsRestKeepsItsDownbeats() {
        assertTheNextBeatsAreThePlayers(new double[] {84, 96, 108},
                JIG_OF_DOTTED_RHYTHMS_CLOSING_ON_A_QUARTER_AND_AN_EIGHTHS_REST, last -> last[1], false,
                "jig of dotted rhythms closing on a quarter and an eighth's rest");
    }

    /**
     * A jig of running eighths in 6/8 (counted in quarters) between dotted quarters on its downbeats, closing on the last
     * bar's downbeat with a dotted quarter: at 72 BPM its eighths can be heard as the beat.
     */
    static final double[][] RUNNING_JIG_CLOSING_ON_A_DOWNBEAT = {
            {2.5, 0.5}, {3, 1.5}, {4.5, 0.5}, {5, 0.5}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5}, {7.5, 0.5}, {8, 0.5},
            {8.5, 0.5}, {9, 1.5}, {10.5, 0.5}, {11, 0.5}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5}, {13, 0.5}, {13.5, 0.5},
            {14, 0.5}, {14.5, 0.5}, {15, 1.5}};

    @Test
    void aJigHeardInEighthsHasItsStrongBeatsWhereItsClosingNoteBegan() {
        int heardInEighths = assertTheFirstStrongBeatAt72IsThePlayers(RUNNING_JIG_CLOSING_ON_A_DOWNBEAT, 10, false);
        assertTrue(heardInEighths > 0, "at 72 BPM some seeds hear the running eighths as the beat");
    }

    /**
     * A syncopated song in 2/4 of quarters on its beats and runs of sixteenths, a quarter begun on an off-beat eighth,
     * closing on a dotted quarter begun on an off-beat and held to the beat: at 72 BPM its sixteenths can be heard as
     * the beat's eighths.
     */
    static final double[][] SYNCOPATED_SONG_CLOSING_OFF_THE_BEAT = {
            {0, 1}, {1, 0.25}, {1.25, 0.25}, {1.5, 0.25}, {1.75, 0.25}, {2, 1}, {3, 0.25}, {3.25, 0.25}, {3.5, 0.5},
            {4, 0.5}, {4.5, 1}, {5.5, 0.25}, {5.75, 0.25}, {6, 1}, {7, 0.25}, {7.25, 0.25}, {7.5, 1.5}};

    @Test
    void aSyncopatedSongHeardInEighthsHasItsStrongBeatsWhereItsLongerNotesBegin() {
        // its closing note began on a beat of the other parity and was released on one of this: before, the strong beats
        // were taken from where it began, the player's off-beats
        int heardInEighths = assertTheFirstStrongBeatAt72IsThePlayers(SYNCOPATED_SONG_CLOSING_OFF_THE_BEAT, 10, true);
        assertTrue(heardInEighths > 0, "at 72 BPM some seeds hear the sixteenths as the beat's eighths");
        // played detached, each note held 76.5 % of its value: the closing note goes up before the beat it was held to
        assertTrue(assertTheFirstStrongBeatAt72IsThePlayers(heldFor(SYNCOPATED_SONG_CLOSING_OFF_THE_BEAT, 0.765), 10, true) > 0,
                "detached, some seeds heard in eighths");
    }

    /**
     * A song written here in 2/4 of eighths, sixteenth pairs, a dotted quarter on the beat and a quarter begun on an
     * off-beat eighth, closing on a note begun a sixteenth before the beat and held to the bar line: at 72 BPM its
     * sixteenths are heard as the beat's eighths, and its closing note then begins between two beats.
     */
    static final double[][] SONG_CLOSING_A_SIXTEENTH_BEFORE_THE_BEAT = {
            {0, 0.5}, {0.5, 0.5}, {1, 0.25}, {1.25, 0.25}, {1.5, 0.5}, {2, 1.5}, {3.5, 0.5}, {4, 0.25}, {4.25, 0.25},
            {4.5, 1}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.25}, {6.75, 1.25}};

    @Test
    void aSongHeardInEighthsWhoseClosingNoteBeganBetweenTwoBeatsHasItsStrongBeatsWhereThePlayerStopped() {
        // before, the strong beats were those the longer notes began on: here the player's off-beats, in all ten seeds
        int heardInEighths = assertTheFirstStrongBeatAt72IsThePlayers(SONG_CLOSING_A_SIXTEENTH_BEFORE_THE_BEAT, 10, true);
        assertTrue(heardInEighths > 0, "at 72 BPM some seeds hear the sixteenths as the beat's eighths");
    }

    /**
     * {@code notes} ({@link #playNotes}) at 72 BPM with seeds 1 to {@code seeds}, the phrase's end heard at the last
     * release: for each seed whose tracker hears the beat at twice the player's tempo, the first strong beat a beat
     * after the last onset ({@link BeatTracker#strongBeatParity}, which with {@code parityKnown} must be known) is within
     * 30 ms of a player's beat.
     *
     * @return how many seeds heard the beat at twice the player's tempo
     */
    static int assertTheFirstStrongBeatAt72IsThePlayers(double[][] notes, int seeds, boolean parityKnown) {
        double bpm = 72;
        int heardInEighths = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            BeatTracker tracker = new BeatTracker(120);
            long[] last = playNotes(tracker, notes, bpm, seed);
            tracker.phraseEnded(last[1]);
            if (Math.abs(tracker.bpm() / bpm - 2) > 0.02) continue;
            heardInEighths++;
            long next = tracker.nextBeatNanos(last[0] + Math.round(60e9 / bpm));
            int strong = tracker.strongBeatParity();
            if (parityKnown) assertTrue(strong >= 0, "seed " + seed + ": the strong beats are known");
            if (Math.floorMod(Math.round(tracker.beatPosition(next)), 2) != strong) next += tracker.beatNanos();
            assertOnAPlayersBeat(next, bpm, "seed " + seed + ": the first strong beat after the phrase");
        }
        return heardInEighths;
    }

    /**
     * A jig written here, in 6/8 after an eighth's pickup, with a rest of a quarter after its second bar's third eighth
     * (as the evaluation puts one inside a call): every later bar line comes a quarter later. Before the rest its notes
     * fold on the pickup's dotted-quarter grid as much as on the bar lines' (a quarter-eighth pair on the second dotted
     * quarter tells them apart); after it, on the later bar lines'.
     */
    static final double[][] JIG_WITH_A_QUARTERS_REST = {
            {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 1}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5}, {8.5, 1},
            {9.5, 0.5}, {10, 0.5}, {10.5, 0.5}, {11, 0.5}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5}, {13, 0.5}, {13.5, 0.5},
            {14, 0.5}, {14.5, 1}, {15.5, 0.5}, {16, 1.5}, {17.5, 1.5}};

    @Test
    void aJigWithARestOfAQuarterKeepsTheDownbeatsOfItsOpening() {
        // before, the notes before the rest were taken to keep to the pickup's grid (the tie went to the grid counted
        // first), as the notes after it do, so the rest was not heard to move the bar lines: every seed at every tempo
        // entered half a quarter off
        assertTheNextBeatsAreThePlayersAt72To140(JIG_WITH_A_QUARTERS_REST, true, "jig with a quarter's rest");
    }

    /**
     * A jig in 6/8 (counted in quarters) after a pickup of two sixteenths: each bar three eighths, then a quarter and an
     * eighth, so its quarters fall on the second dotted quarter of each bar (4.5, 7.5, ...), half a quarter off the bar
     * lines' quarters. Folded on quarters, its long notes favour the wrong quarter phase; folded on dotted quarters,
     * the bar lines.
     */
    static final double[][] JIG_OF_EIGHTS_AND_QUARTERS = {
            {2.5, 0.25}, {2.75, 0.25}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 1}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5},
            {7.5, 1}, {8.5, 0.5}, {9, 0.5}, {9.5, 0.5}, {10, 0.5}, {10.5, 1}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5},
            {13, 0.5}, {13.5, 1}, {14.5, 0.5}};

    @Test
    void aJigWhoseQuartersFallOnItsSecondDottedQuartersIsCountedFromItsBarLines() {
        assertTheNextBeatsAreThePlayersAt72To140(JIG_OF_EIGHTS_AND_QUARTERS, false, "jig of eighths and quarters");
    }

    /**
     * A sparse jig in 6/8 (counted in quarters): dotted quarters, then quarter-eighth pairs. The dotted quarters fill
     * the most time, the quarters are heard most often: a beat of dotted quarters fills as many of its beats, but the
     * eighths after the quarters fall on thirds of it, off its sixteenths. (At 140 BPM, a quarter's sixteenths are too
     * fine for 12 ms of jitter to tell the two grids apart, and this line, which opens with dotted quarters, can keep
     * the dotted quarter it locked to: not asserted.)
     */
    static final double[][] JIG_OF_DOTTED_QUARTERS = {
            {1.5, 1.5}, {3, 1.5}, {4.5, 1}, {5.5, 0.5}, {6, 1}, {7, 0.5}, {7.5, 1}, {8.5, 0.5}, {9, 1.5}, {10.5, 1},
            {11.5, 0.5}};

    @Test
    void aJigOfDottedQuartersAndQuarterEighthPairsIsNotCountedInDottedQuarters() {
        for (double bpm : new double[] {72, 96}) {
            for (long seed = 1; seed <= 5; seed++) {
                BeatTracker tracker = new BeatTracker(120);
                playNotes(tracker, JIG_OF_DOTTED_QUARTERS, bpm, seed);
                double ratio = tracker.bpm() / bpm;
                assertTrue(Math.abs(ratio - 1) < 0.04 || Math.abs(ratio - 0.5) < 0.02, "jig of dotted quarters at " + bpm
                        + " BPM seed " + seed + ": the beat is a quarter or a half note, not a dotted quarter: " + tracker.bpm());
            }
        }
    }

    /**
     * A 3/4 line whose bars are an eighth off the beat, a dotted quarter on the second beat and an eighth on the last
     * beat's off-beat, stopping on that eighth held a quarter: folded on dotted quarters it is compound (its bar is two
     * of them), and its stop falls half a quarter off its beats. Its long notes, all on one of the two dotted
     * quarters, are on its beats.
     */
    static final double[][] SYNCOPATED_THREE_FOUR = {
            {0, 1}, {1, 1.5}, {2.5, 0.5}, {3.5, 0.5}, {4, 1.5}, {5.5, 0.5}, {6.5, 0.5}, {7, 1.5}, {8.5, 0.5}, {9.5, 0.5},
            {10, 1.5}, {11.5, 1}};

    @Test
    void aCompoundFoldWhoseLongNotesKeepToOneDottedQuarterIsCountedFromThemNotFromTheStop() {
        // (at 140 BPM some seeds hear its dotted quarters as the beat, another matter: not asserted)
        assertTheNextBeatsAreThePlayers(new double[] {72, 96}, SYNCOPATED_THREE_FOUR, last -> last[1], false, "syncopated 3/4");
    }

    /**
     * A 4/4 song after a pickup of three eighths: dotted quarters and eighths, quarters, and a rest of a beat and a half
     * after an eighth on the third beat of its first bar. Its dotted quarter and eighth pairs fold on dotted quarters
     * nearly as well as on quarters, but its long notes keep to one eighth of the beat, as a simple line's do. Heard
     * as compound, its beat was half a quarter off at its last onset at 96 and 140 BPM.
     */
    static final double[][] DOTTED_SONG_WITH_A_REST = {
            {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 1.5}, {5.5, 0.5}, {6, 1}, {7, 0.5}, {8.5, 0.5}, {9, 1.5}, {10.5, 0.5},
            {11, 0.5}, {11.5, 0.5}, {12, 1.5}, {13.5, 0.5}, {14, 1}, {15, 1}};

    @Test
    void aSimpleLineOfDottedPairsAndARestIsNotCountedAsCompound() {
        // (at 72 BPM its eighths are heard as the beat, at twice the player's tempo: not asserted)
        assertTheNextBeatsAreThePlayers(new double[] {96, 140}, DOTTED_SONG_WITH_A_REST, null, false, "dotted song with a rest");
    }

    /**
     * A jig written here, nine bars of 6/8 after an eighth's pickup (43 notes, more than the tracker's window): its
     * quarter-eighth pairs all fall on its second dotted quarters, its bars of running eighths say nothing, and it
     * closes at a bar line on two dotted quarters.
     */
    static final double[][] JIG_LONGER_THAN_THE_WINDOW = {
            {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 1}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 0.5}, {7.5, 1},
            {8.5, 0.5}, {9, 0.5}, {9.5, 0.5}, {10, 0.5}, {10.5, 0.5}, {11, 0.5}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5},
            {13, 0.5}, {13.5, 1}, {14.5, 0.5}, {15, 0.5}, {15.5, 0.5}, {16, 0.5}, {16.5, 1}, {17.5, 0.5}, {18, 0.5},
            {18.5, 0.5}, {19, 0.5}, {19.5, 0.5}, {20, 0.5}, {20.5, 0.5}, {21, 0.5}, {21.5, 0.5}, {22, 0.5}, {22.5, 1},
            {23.5, 0.5}, {24, 1.5}, {25.5, 1}, {26.5, 0.5}, {27, 1.5}, {28.5, 1.5}};

    @Test
    void aJigLongerThanTheWindowKeepsTheDownbeatItsOpeningPut() {
        // before, once the pickup had left the window, its long notes took the beat onto its second dotted quarters, and
        // the stop at the bar line did not bring it back: every seed at every tempo was half a quarter off
        assertTheNextBeatsAreThePlayersAt72To140(JIG_LONGER_THAN_THE_WINDOW, true, "jig longer than the window");
    }

    /**
     * {@code notes} (rows of {onset, length} in quarters, each held 90 %) performed at 72, 96 and 140 BPM with jitter sd
     * 12 ms, five seeds each, onsets and silences heard by a tracker, and with {@code stopped} the phrase's end at the
     * last release; the tracker's next six beats a beat after the last onset are each within 30 ms of a player's beat.
     */
    static void assertTheNextBeatsAreThePlayersAt72To140(double[][] notes, boolean stopped, String label) {
        assertTheNextBeatsAreThePlayersAt72To140(notes, stopped ? last -> last[1] : null, label);
    }

    /**
     * As above, the phrase's end heard at {@code stop} of the last onset and release ({@link #playNotes}), none if
     * {@code stop} is null.
     */
    static void assertTheNextBeatsAreThePlayersAt72To140(double[][] notes, ToLongFunction<long[]> stop, String label) {
        assertTheNextBeatsAreThePlayers(new double[] {72, 96, 140}, notes, stop, false, label);
    }

    /**
     * As above at {@code tempos} (the phrase's end heard at {@code stop}, none if null); with {@code atThePlayersTempo},
     * the tracked tempo within 2 % of the player's too.
     */
    static void assertTheNextBeatsAreThePlayers(double[] tempos, double[][] notes, ToLongFunction<long[]> stop,
                                                boolean atThePlayersTempo, String label) {
        for (double bpm : tempos) {
            for (long seed = 1; seed <= 5; seed++) {
                Heard heard = Heard.play(notes, bpm, seed, stop);
                String name = label + " at " + bpm + " BPM seed " + seed;
                if (atThePlayersTempo) assertEquals(bpm, heard.tracker().bpm(), bpm * 0.02, name + ": the player's tempo");
                for (int b = 0; b < 6; b++) {
                    assertOnAPlayersBeat(heard.beatAfterThePhrase(b), bpm, name + ": the tracker's beat " + b + " after the phrase");
                }
            }
        }
    }

    /**
     * A tracker that has heard {@code notes} ({@link #playNotes}) and the phrase's end at {@code stop} of its last onset
     * and release (none if null), and its first beat at least a beat of the player's after the last onset.
     */
    record Heard(BeatTracker tracker, long firstBeat) {

        static Heard play(double[][] notes, double bpm, long seed, ToLongFunction<long[]> stop) {
            BeatTracker tracker = new BeatTracker(120);
            long[] last = playNotes(tracker, notes, bpm, seed);
            if (stop != null) tracker.phraseEnded(stop.applyAsLong(last));
            return new Heard(tracker, tracker.nextBeatNanos(last[0] + Math.round(60e9 / bpm)));
        }

        /** The tracker's {@code b}-th beat from the first after the phrase. */
        long beatAfterThePhrase(int b) {
            return firstBeat + b * tracker.beatNanos();
        }
    }

    /** {@code notes} rewritten so that {@link #playNotes}, which holds each note 90 % of its length, holds it {@code share} of its value. */
    static double[][] heldFor(double[][] notes, double share) {
        double[][] held = new double[notes.length][];
        for (int i = 0; i < notes.length; i++) held[i] = new double[] {notes[i][0], notes[i][1] * share / 0.9};
        return held;
    }

    /**
     * Plays {@code notes} (rows of {onset, length} in quarters, each held 90 %) at {@code bpm} from 1 s, onsets with
     * jitter sd 12 ms drawn from {@code seed}, into {@code tracker} (each onset, then the silence at its release).
     *
     * @return the last onset and the last release, in ns
     */
    static long[] playNotes(BeatTracker tracker, double[][] notes, double bpm, long seed) {
        Random random = new Random(seed);
        double beatNanos = 60e9 / bpm;
        long lastOnset = 0;
        long lastRelease = 0;
        for (double[] note : notes) {
            lastOnset = Math.round(1e9 + note[0] * beatNanos + random.nextGaussian() * 12e6);
            lastRelease = Math.round(1e9 + (note[0] + note[1] * 0.9) * beatNanos);
            tracker.onset(lastOnset, EVEN);
            tracker.silent(lastRelease);
        }
        return new long[] {lastOnset, lastRelease};
    }

    /**
     * A reel's opening (reelsu-z17 in the Nottingham test split): a triplet pickup, running eighths, a rest of two beats
     * after beat 7, running eighths again. At 140 BPM the dozen onsets the beat is induced from can give a tempo some 8 %
     * slow whose sixteenths the eighths slip across now and then, never far enough from the grid to lose the player.
     */
    static final double[][] TRIPLET_PICKUP_REEL_WITH_A_REST = {
            {3, 1 / 3.0}, {3 + 1 / 3.0, 1 / 3.0}, {3 + 2 / 3.0, 1 / 3.0}, {4, 1}, {5, 0.5}, {5.5, 0.5}, {6, 0.5},
            {6.5, 0.5}, {7, 0.5}, {9.5, 0.5}, {10, 1}, {11, 0.5}, {11.5, 0.5}, {12, 0.5}, {12.5, 0.5}, {13, 0.5},
            {13.5, 0.5}, {14, 0.5}, {14.5, 0.5}, {15, 0.5}, {15.5, 0.5}, {16, 1}, {17, 0.5}, {17.5, 0.5}};

    @Test
    void aTempoInducedAFewPercentWrongIsReplacedOnceTheEighthsAreHeard() {
        for (double bpm : new double[] {72, 96, 140}) {
            int off = 0;
            for (long seed = 1; seed <= 400; seed++) {
                BeatTracker tracker = new BeatTracker(120);
                playNotes(tracker, TRIPLET_PICKUP_REEL_WITH_A_REST, bpm, seed);
                if (!atThePlayersTempoOrHalf(tracker, bpm)) off++;
            }
            // without the review of the tempo: 16 of 400 at 140 BPM (most 2-12 % off); with it 5 (2-3 %, and one heard at 94)
            assertTrue(off <= 8, "reel at " + bpm + " BPM: " + off + " of 400 seeds tracked over 1 % off the player's tempo");
        }
    }

    /** Eight notes of a hymn-like 3/4 line: quarter and half, twice, then a quarter, a dotted quarter, an eighth and a quarter. */
    static final double[] SHORT_HYMN_BEATS = {0, 1, 3, 4, 6, 7, 8.5, 9};

    @Test
    void aCallTooShortForTheBeatToSettleIsMeasuredFromAllItsOnsetsAlike() {
        for (double bpm : new double[] {72, 96, 140}) {
            for (long seed = 1; seed <= 20; seed++) {
                long[] onsets = perform(SHORT_HYMN_BEATS, 1, bpm, 1, 12, seed);
                BeatTracker tracker = hearing(onsets);
                assertFalse(tracker.settled(), "eight onsets do not settle the beat");
                // the least-squares line through the onsets at their score positions: what the onsets themselves say
                double n = onsets.length, sx = 0, sy = 0, sxx = 0, sxy = 0;
                for (int i = 0; i < onsets.length; i++) {
                    double x = SHORT_HYMN_BEATS[i], y = onsets[i] / 1e9;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    sxy += x * y;
                }
                double lineBpm = 60 / ((n * sxy - sx * sy) / (n * sxx - sx * sx));
                // the beat may be two of the player's (a half note's): the tempo is what is asked here, not its level.
                // Before (weighted by age and position until settled): 1.4-2.5 % slow at 72 BPM in all 20 seeds, 0.6-2.5 % in 16 at 96
                double level = tracker.bpm() < 0.75 * lineBpm ? 0.5 : 1;
                assertEquals(lineBpm * level, tracker.bpm(), lineBpm * level * 0.004, bpm + " BPM seed " + seed + ": the tempo of the onsets");
            }
        }
    }

    /** A hornpipe-like line that opens with triplets (a triplet eighth's grid is the sixteenths of 1.5 times the tempo), then runs in eighths. */
    static final double[] TRIPLET_OPENING_BEATS = {
            0, 1, 1.333, 1.667, 2, 2.5, 3, 4, 4.333, 4.667, 5, 5.5, 6, 7, 7.5,
            8, 8.5, 9, 9.5, 10, 11, 11.5, 12, 12.5, 13, 13.5, 14, 15};

    @Test
    void aBeatInducedFromTripletsIsReviewedOnceTheEighthsAreHeard() {
        for (double bpm : new double[]{72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                String name = "triplet opening at " + bpm + " BPM seed " + seed;
                BeatTracker tracker = hearing(perform(TRIPLET_OPENING_BEATS, 1, bpm, 1, 12, seed));
                double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : bpm;
                assertEquals(level, tracker.bpm(), level * 0.005, name);
            }
        }
    }

    /**
     * A hornpipe (4/4, counted in quarters) whose triplet eighths come in every bar from its second beat on, between
     * quarters and pairs of eighths, and whose last bars run on in eighths. Every note of it keeps to the sixteenths of
     * 1.5 times the tempo (a triplet eighth two of them, an eighth three), where its commonest note value, the triplet
     * eighth, is that beat's eighth.
     */
    static final double[] HORNPIPE_OF_TRIPLETS_AND_EIGHTHS_BEATS = {
            0, 1, 1.333, 1.667, 2, 2.5, 3, 3.333, 3.667, 4, 5, 5.333, 5.667, 6, 6.5, 7, 7.333, 7.667,
            8, 9, 9.5, 10, 10.5, 11, 11.5, 12, 12.5, 13, 13.333, 13.667, 14, 15};

    /**
     * A hornpipe that opens with two bars of triplet eighths and quarters, then runs in eighths between triplets: the
     * beat it is heard at first, 1.5 times the player's, holds a window of triplets when the eighths show it wrong.
     */
    static final double[] HORNPIPE_OPENING_IN_TRIPLETS_BEATS = {
            0, 0.333, 0.667, 1, 1.333, 1.667, 2, 3, 3.333, 3.667, 4, 4.333, 4.667, 5, 6, 6.5, 7, 7.5,
            8, 8.333, 8.667, 9, 9.333, 9.667, 10, 11, 11.5, 12, 12.5, 13, 13.5, 14, 15};

    /**
     * A clog (2/2, counted in quarters) of triplet eighths and dotted pairs, two pairs in a row: a dotted pair is two
     * of 1.5 times the tempo's dotted eighths (four and a half of its sixteenths and one and a half), as even eighths are.
     */
    static final double[] CLOG_OF_TRIPLETS_AND_DOTTED_PAIRS_BEATS = {
            0, 1, 1.333, 1.667, 2, 2.75, 3, 3.75, 4, 5, 5.333, 5.667, 6, 6.75, 7, 7.75, 8, 9, 9.75, 10, 10.75, 11,
            11.333, 11.667, 12, 12.75, 13, 13.75, 14, 15};

    @Test
    void aHornpipeOfTripletsAndEighthsIsHeardInTheQuartersItsEighthsFill() {
        // heard at 1.5 times the tempo, each call's eighths (or dotted pairs) are that beat's dotted eighths, three or
        // more in a row. At 140 BPM the opening in triplets and the clog are heard at 105 (their triplet eighths the
        // sixteenths of four thirds of a quarter), which no run of dotted eighths shows wrong
        for (double[] melody : new double[][]{HORNPIPE_OF_TRIPLETS_AND_EIGHTHS_BEATS, HORNPIPE_OPENING_IN_TRIPLETS_BEATS,
                CLOG_OF_TRIPLETS_AND_DOTTED_PAIRS_BEATS}) {
            double[] tempos = melody == HORNPIPE_OF_TRIPLETS_AND_EIGHTHS_BEATS ? new double[]{72, 96, 140} : new double[]{72, 96};
            for (double bpm : tempos) {
                for (long seed = 1; seed <= 5; seed++) {
                    String name = (melody == HORNPIPE_OF_TRIPLETS_AND_EIGHTHS_BEATS ? "hornpipe of triplets and eighths"
                            : melody == HORNPIPE_OPENING_IN_TRIPLETS_BEATS ? "hornpipe opening in triplets"
                            : "clog of triplets and dotted pairs") + " at " + bpm + " BPM seed " + seed;
                    BeatTracker tracker = hearing(perform(melody, 1, bpm, 1, 12, seed));
                    double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : bpm;
                    // the line through the window, re-fitted onset by onset once the beat is right: triplets off its
                    // sixteenths pull it a little (placed interval by interval at the slower beat, 2 % fast)
                    assertEquals(level, tracker.bpm(), level * 0.01, name);
                }
            }
        }
    }

    /**
     * A hornpipe's first eight bars (4/4): dotted eighth and sixteenth pairs between quarters, then from bar 4 whole bars
     * of dotted pairs, where the dotted eighth is the note value that fills most time.
     */
    static final double[] DOTTED_HORNPIPE_BEATS = {
            0, 0.75, 1, 2, 3, 3.75, 4, 4.75, 5, 6, 7, 7.75, 8, 8.75, 9, 10, 11, 11.75,
            12, 12.75, 13, 13.75, 14, 14.75, 15, 15.75, 16, 16.75, 17, 18, 19, 19.75,
            20, 20.75, 21, 22, 23, 23.75, 24, 24.75, 25, 25.75, 26, 26.75, 27, 27.75, 28, 28.75};

    @Test
    void aHornpipesDottedPairsDoNotMakeABeatOfThreeQuartersOrFourThirds() {
        // with the dotted pairs counted as note values: 20, 18 and 12 of 20 seeds off at 72, 96 and 140 BPM (mostly 3/4
        // or 4/3 of the player's tempo). At 140 the line is often heard at half tempo, whose sixteenths cannot hold a
        // dotted pair's sixteenth: 6 seeds are still off (two lost and found again at 96 and 105, four 1-5 % off 70)
        assertFewTempiOff(DOTTED_HORNPIPE_BEATS, "hornpipe", 0, 6);
    }

    /**
     * A clog (2/2, counted in quarters): a triplet's pickup, then three bars of dotted eighth and sixteenth pairs
     * and nothing else but a quarter to close each phrase, so that no interval is a plain eighth or quarter to count by.
     */
    static final double[] DOTTED_CLOG_BEATS = {
            3, 3 + 1 / 3.0, 3 + 2 / 3.0, 4, 4.75, 5, 5.75, 6, 6.75, 7, 7.75, 8, 8.75, 9, 9.75, 10, 10.75, 11,
            12, 12.75, 13, 13.75, 14, 14.75, 15, 15.75};

    @Test
    void aRunOfDottedPairsIsHeardAsEvenEighthsWhatTheyFill() {
        // before the dotted eighths' own pairs counted as even wherever they stand, one seed at 140 BPM was heard at
        // 105: one pair, jittered to under 2.3 to one, broke the run, and the pairs on either side were too few for one
        assertFewTempiOff(DOTTED_CLOG_BEATS, "clog", 0, 0);
    }

    /**
     * A siciliana's opening in 6/8, counted in quarters (a bar is three): dotted eighth, sixteenth and eighth, with a
     * dotted quarter and a quarter and eighth between. The dotted eighths fill most time, and no pair fills one.
     */
    static final double[] SICILIANA_BEATS = {0, 0.75, 1, 1.5, 2.25, 2.5, 3, 3.75, 4, 4.5, 6, 6.75, 7, 7.5, 8.25, 8.5, 9, 10, 10.5, 12};

    /**
     * A 4/4 song of quarters, dotted quarters and eighths: the dotted quarters fill most time, and each with its eighth
     * lasts two beats, not one.
     */
    static final double[] DOTTED_QUARTERS_SONG_BEATS = {0, 1, 2.5, 3, 4, 5.5, 6, 7, 8.5, 9, 10, 12};

    @Test
    void aSongsDottedQuartersAndTheirEighthsAreNotCountedAsTwoEvenNotes() {
        // counted as two even notes at any tempo, as a dotted eighth and its sixteenth are: 10 of 20 seeds at 72 BPM
        // ended 1.4 to 2.8 % fast, 12 of 20 at 96 BPM 1 to 3 % slow
        assertFewTempiOff(DOTTED_QUARTERS_SONG_BEATS, "song", 1, 1);
    }

    @Test
    void aSicilianasDottedEighthsDoNotMakeABeatOfTwoThirdsOfAQuarter() {
        // with the pairs counted as note values (the dotted eighth the unit, its pairs filling none of it): 12 of 20
        // seeds at 96 BPM heard at 64, 16 of 20 at 140 heard at 93 or 94. At 72 BPM a pair lasts 833 ms, as long as
        // a song's dotted quarter and eighth at 140, and counts as it is: not asserted (8 seeds are heard at 48)
        for (double bpm : new double[] {96, 140}) {
            List<Long> off = tempiOffThePlayersOrHalf(SICILIANA_BEATS, bpm);
            assertTrue(off.size() <= (bpm < 140 ? 1 : 3), "siciliana at " + bpm + " BPM: " + off.size()
                    + " of 20 seeds over 1 % off the player's tempo or half of it: " + off);
        }
    }

    /**
     * Twenty bars of a 3/8 tune, counted in quarters (a bar is a dotted quarter), as rows of {onset, length}: eighths,
     * dotted eighths and their sixteenths, quarter-eighth bars and a dotted quarter every fourth bar, and now and then a
     * pair of sixteenths; it ends on a dotted quarter on its last bar line. Its bar lines fall on both eighths of the
     * player's quarters in turn.
     */
    static final double[][] THREE_EIGHT_TUNE = threeEightTune("EAACEBADAFGCBAEDEFBD");

    /** The bars of {@link #THREE_EIGHT_TUNE}, each letter a rhythm of one bar. */
    private static double[][] threeEightTune(String bars) {
        java.util.Map<Character, double[][]> rhythms = java.util.Map.of(
                'E', new double[][] {{0, 0.5}, {0.5, 0.5}, {1, 0.5}},
                'A', new double[][] {{0, 0.75}, {0.75, 0.25}, {1, 0.5}},
                'B', new double[][] {{0, 0.5}, {0.5, 0.25}, {0.75, 0.25}, {1, 0.5}},
                'C', new double[][] {{0, 1}, {1, 0.5}},
                'D', new double[][] {{0, 1.5}},
                'F', new double[][] {{0, 0.25}, {0.25, 0.25}, {0.5, 0.5}, {1, 0.5}},
                'G', new double[][] {{0, 0.5}, {0.5, 0.5}, {1, 0.25}, {1.25, 0.25}});
        List<double[]> notes = new ArrayList<>();
        for (int bar = 0; bar < bars.length(); bar++) {
            for (double[] note : rhythms.get(bars.charAt(bar))) notes.add(new double[] {bar * 1.5 + note[0], note[1]});
        }
        return notes.toArray(new double[0][]);
    }

    @Test
    void aThreeEightTunesSixteenthPairsDoNotMoveItsBeatOntoItsOffBeats() {
        // heard as simple once its opening left the window, every seed ended with its beats on its off-beat eighths;
        // at 72 BPM 9 of 20 seeds hear it in eighths (a beat of 144), not asserted here
        assertTheNextBeatsAreThePlayers(new double[] {96, 140}, THREE_EIGHT_TUNE, last -> last[1], false, "3/8 tune");
    }

    /**
     * Asserts that of {@code beats} performed at 72, 96 and 140 BPM ({@link #tempiOffThePlayersOrHalf}, 20 seeds each)
     * at most {@code allowed} seeds (at 72 and 96) or {@code allowedAt140} (at 140) end over 1 % off the player's tempo
     * or half of it.
     */
    static void assertFewTempiOff(double[] beats, String name, int allowed, int allowedAt140) {
        for (double bpm : new double[] {72, 96, 140}) {
            List<Long> off = tempiOffThePlayersOrHalf(beats, bpm);
            assertTrue(off.size() <= (bpm < 140 ? allowed : allowedAt140), name + " at " + bpm + " BPM: " + off.size()
                    + " of 20 seeds over 1 % off the player's tempo or half of it: " + off);
        }
    }

    /**
     * {@code beats} performed at {@code bpm} with 12 ms of jitter, seeds 1 to 20, each heard by a fresh tracker: the tempi
     * (rounded BPM) of the seeds over 1 % off the player's tempo or half of it.
     */
    static List<Long> tempiOffThePlayersOrHalf(double[] beats, double bpm) {
        return tempiOffThePlayersLevel(beats, bpm, false);
    }

    /** As {@link #tempiOffThePlayersOrHalf}, and with {@code orTwice} twice the player's tempo counts as the player's too. */
    static List<Long> tempiOffThePlayersLevel(double[] beats, double bpm, boolean orTwice) {
        List<Long> off = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            BeatTracker tracker = hearing(perform(beats, 1, bpm, 1, 12, seed));
            if (!atThePlayersLevel(tracker, bpm, orTwice)) off.add(Math.round(tracker.bpm()));
        }
        return off;
    }

    /**
     * A line in quarters and eighths with an eighth-note triplet, then running eighths: at 140 BPM, heard at half tempo,
     * the triplet's three notes fall in two of the slow beat's sixteenths.
     */
    static final double[] TRIPLET_THEN_EIGHTHS_BEATS = {
            0, 1, 2, 2.5, 3, 4, 5, 5.5, 6, 6.5, 7, 8, 8 + 1 / 3.0, 8 + 2 / 3.0, 9, 9.5, 10, 10.5, 11, 11.5, 12, 13, 13.5, 14, 15};

    @Test
    void aTripletHeardInTwoSixteenthsDoesNotPushTheNotesAfterItOffTheGrid() {
        List<Long> lost = tempiOffThePlayersOrHalf(TRIPLET_THEN_EIGHTHS_BEATS, 140);
        // counted each on a sixteenth after the one before, the triplet's last note took the next sixteenth and every
        // eighth after it a sixteenth late: 8 of 20 seeds lost the player and ended 1-9 % off half the tempo
        assertTrue(lost.size() <= 1, "triplet then eighths at 140 BPM: " + lost.size() + " of 20 seeds over 1 % off the player's tempo or half: " + lost);
    }

    /**
     * A line (4/4) of quarters and a half note that breaks into triplet eighths for two beats, then quarters again: the
     * beat is found from the quarters before the triplets come.
     */
    static final double[] QUARTERS_THEN_TRIPLETS_BEATS = {
            0, 1, 2, 3, 5, 5 + 1 / 3.0, 5 + 2 / 3.0, 6, 6 + 1 / 3.0, 6 + 2 / 3.0, 7, 8, 9, 10, 11, 12};

    @Test
    void tripletsAfterTheBeatIsFoundAreTripletsOfItNotItsEighths() {
        for (double bpm : new double[] {72, 96}) {
            List<Long> otherLevel = new ArrayList<>();
            for (long seed = 1; seed <= 20; seed++) {
                BeatTracker tracker = hearing(perform(QUARTERS_THEN_TRIPLETS_BEATS, 1, bpm, 1, 12, seed));
                // the level only: the triplets, placed on sixteenths, still pull the fitted tempo a few percent
                if (Math.abs(tracker.bpm() / bpm - 1) > 0.05) otherLevel.add(Math.round(tracker.bpm()));
            }
            // induced afresh at the triplets, the line was heard at 1.5 times the tempo, the triplets its eighths: 20 of
            // 20 seeds at 72 BPM, 19 at 96
            assertTrue(otherLevel.size() <= 1, "quarters then triplets at " + bpm + " BPM: " + otherLevel.size() + " of 20 seeds at another level: " + otherLevel);
        }
    }

    /**
     * A reel (2/4, counted in quarters) that opens with a pickup of three triplet sixteenths, then runs in sixteenths
     * with an eighth at each turn: placed one by one, the pickup's three notes take three sixteenths where they fill two.
     */
    static final double[] TRIPLET_SIXTEENTHS_PICKUP_REEL_BEATS = {
            0, 1 / 6.0, 2 / 6.0, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4,
            4.5, 4.75, 5, 5.25, 5.5, 5.75, 6, 6.25, 6.5, 7, 7.5};

    @Test
    void aPickupOfTripletSixteenthsDoesNotTiltTheTempoOfTheNotesAfterIt() {
        for (double bpm : new double[] {72, 96, 140}) {
            BeatTracker tracker = hearing(perform(TRIPLET_SIXTEENTHS_PICKUP_REEL_BEATS, 1, bpm, 1, 0, 1));
            double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : tracker.bpm() > bpm * 1.5 ? bpm * 2 : bpm;
            // the pickup left in three sixteenths, every note after it one later, and the line through them all: 0.86 %
            // fast at 96 BPM with exact timing (heard at 144 BPM at 72, right at 140)
            assertEquals(level, tracker.bpm(), level * 0.001, "reel with a triplet pickup at " + bpm + " BPM");
        }
    }

    /**
     * A short call (2/4) written here: four eighths, a dotted eighth and its sixteenth, an eighth, an eighth on the
     * beat's second sixteenth, a quarter, a rest of two beats, then two notes on a beat's second sixteenth (a
     * syncopation). Its twelfth onset, the last, is where the beat settles.
     */
    static final double[] SHORT_CALL_WITH_A_REST_THEN_A_SYNCOPATION_BEATS = {
            0, 0.5, 1, 1.5, 2, 2.75, 3, 3.25, 3.75, 4, 6.25, 6.75};

    @Test
    void aShortCallsRestAndSyncopationDoNotTiltItsTempo() {
        for (double bpm : new double[] {72, 96, 140}) {
            List<Long> off = new ArrayList<>();
            for (long seed = 1; seed <= 20; seed++) {
                BeatTracker tracker = hearing(perform(SHORT_CALL_WITH_A_REST_THEN_A_SYNCOPATION_BEATS, 1, bpm, 1, 12, seed));
                double level = tracker.bpm() < bpm * 0.75 ? bpm / 2 : tracker.bpm() > bpm * 1.5 ? bpm * 2 : bpm;
                if (Math.abs(tracker.bpm() / level - 1) > 0.015) off.add(Math.round(tracker.bpm()));
            }
            // on the commonest interval's mean (3 to 5 % off), the rest was placed a sixteenth long and the syncopation
            // after it on an eighth: 3 of 20 seeds over 1.5 % off at 96 and at 140 BPM, up to 4 % off
            assertTrue(off.size() <= 1, "short call with a rest at " + bpm + " BPM: " + off.size() + " of 20 seeds over 1.5 % off: " + off);
        }
    }

    /**
     * A 2/4 reel's strain, written here: led in by a dotted sixteenth and a thirty-second, running eighths with a pair
     * of sixteenths now and then and one quarter; the call stops after the next strain's pickup, on a beat.
     */
    static final double[][] STRAIN_ENDING_ON_A_DOTTED_PICKUP = {
            {0.5, 0.375}, {0.875, 0.125}, {1, 0.5}, {1.5, 0.25}, {1.75, 0.25}, {2, 0.5}, {2.5, 0.5}, {3, 0.5}, {3.5, 0.5},
            {4, 0.5}, {4.5, 0.25}, {4.75, 0.25}, {5, 0.5}, {5.5, 0.5}, {6, 0.5}, {6.5, 0.5}, {7, 1}, {8, 0.5},
            {8.5, 0.375}, {8.875, 0.125}};

    @Test
    void aCallThatStopsAfterAThirtySecondsPickupStopsOnTheBeat() {
        // the stop was put at least an eighth after the sixteenth the thirty-second was counted on (the beat's), half a
        // beat after the player's, and it moved the beat there: 6 of the 10 cases (at 72 BPM the strain is heard in
        // eighths at twice the tempo, and the stop is on one of those beats)
        for (double bpm : new double[] {96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                Heard heard = Heard.play(STRAIN_ENDING_ON_A_DOTTED_PICKUP, bpm, seed, last -> last[1]);
                String name = "strain ending on a dotted pickup at " + bpm + " BPM seed " + seed;
                assertEquals(bpm, heard.tracker().bpm(), bpm * 0.02, name + ": the player's tempo");
                assertOnAPlayersBeat(heard.beatAfterThePhrase(0), bpm, name + ": the tracker's first beat after the phrase");
            }
        }
    }

    /**
     * A 2/4 reel's call, written here: running eighths, a rest of two beats after an eighth on the beat, then two
     * sixteenths' pickup to a closing quarter.
     */
    static final double[][] EIGHTHS_A_REST_OF_TWO_BEATS_AND_A_PICKUP = {
            {0, 0.5}, {0.5, 0.5}, {1, 0.5}, {1.5, 0.5}, {2, 0.5}, {2.5, 0.5}, {3, 0.5}, {3.5, 0.5}, {4, 0.5}, {4.5, 0.5},
            {5, 0.5}, {7.5, 0.25}, {7.75, 0.25}, {8, 1}};

    @Test
    void aRestInsideASimpleLineIsNoLongNoteOfACompoundOne() {
        // the rest weighed as the length of the eighth before it: one dotted-quarter grid held a long note and the
        // eighths, and the line was heard as 6/8, its bar line half a beat off the player's
        assertTheNextBeatsAreThePlayersAt72To140(EIGHTHS_A_REST_OF_TWO_BEATS_AND_A_PICKUP, true, "eighths, a rest of two beats and a pickup");
    }

    /** A reel written in sixteenths (2/4): running sixteenths, eighths at the phrase's turns. */
    static final double[] SIXTEENTH_REEL_BEATS = {
            0, 0.25, 0.5, 0.75, 1, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.5,
            4, 4.25, 4.5, 4.75, 5, 5.25, 5.5, 6, 6.5, 6.75, 7, 7.25, 7.5,
            8, 8.25, 8.5, 8.75, 9, 9.5, 9.75, 10, 10.25, 10.5, 11, 11.5,
            12, 12.25, 12.5, 12.75, 13, 13.25, 13.5, 14, 15};

    @Test
    void aReelInSixteenthsIsNotTakenForEighthsAtTwiceItsTempo() {
        for (double bpm : new double[]{96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                String name = "reel in sixteenths at " + bpm + " BPM seed " + seed;
                BeatTracker tracker = hearing(perform(SIXTEENTH_REEL_BEATS, 1, bpm, 1, 12, seed));
                assertTrue(tracker.bpm() < bpm * 1.2, name + ": tracked at " + tracker.bpm() + " BPM");
            }
        }
    }

    /**
     * A hornpipe's strain (2/4, counted in quarters) in eighths and sixteenths with two runs of thirty-seconds, eight
     * and sixteen of them. At 72 BPM it is heard in eighths, at 144, as often as at 72.
     */
    static final double[] THIRTY_SECONDS_RUNS_BEATS = thirtySecondsRunsBeats();

    private static double[] thirtySecondsRunsBeats() {
        List<Double> beats = new ArrayList<>(List.of(0.0, 0.5, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5));
        for (int i = 0; i < 8; i++) beats.add(4 + i / 8.0);
        beats.addAll(List.of(5.0, 5.5, 6.0, 6.5, 7.0, 7.25, 7.5, 7.75, 8.0, 8.5, 9.0, 9.5));
        for (int i = 0; i < 16; i++) beats.add(10 + i / 8.0);
        beats.addAll(List.of(12.0, 12.5, 13.0, 13.5, 14.0, 14.5, 15.0));
        return beats.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void runsOfThirtySecondsDoNotTiltTheTempo() {
        for (double bpm : new double[] {72, 96}) {
            List<Long> off = tempiOffThePlayersLevel(THIRTY_SECONDS_RUNS_BEATS, bpm, true);
            // placed a sixteenth each at 72 BPM, the runs took twice the sixteenths they fill: 11 of 20 seeds ended at
            // 96 to 98 BPM, neither the player's tempo nor twice it (at 140 BPM the runs' notes are 54 ms apart, as
            // quick as ornaments, and not asserted)
            assertTrue(off.size() <= 2, "runs of thirty-seconds at " + bpm + " BPM: " + off.size()
                    + " of 20 seeds over 1 % off the player's tempo, half or twice it: " + off);
        }
    }

    /** A 2/4 line of quarters, eighths, dotted pairs and pairs of sixteenths on the off-beat eighth. */
    static final double[] SIXTEENTH_PAIRS_BEATS = {
            0, 1, 1.5, 2, 2.5, 2.75, 3, 4, 4.75, 5, 6, 6.5, 6.75, 7, 8, 8.5, 9, 9.5, 9.75, 10, 11, 11.75, 12};

    @Test
    void sixteenthsThatShareASixteenthAtHalfTheTempoDoNotMakeItTheBeat() {
        int slow = 0;
        for (long seed = 1; seed <= 20; seed++) {
            if (hearing(perform(SIXTEENTH_PAIRS_BEATS, 1, 140, 1, 12, seed)).bpm() < 105) slow++;
        }
        // placed as runs while the level was chosen, a pair's sixteenths shared a sixteenth of the level at half the
        // tempo, the notes after them no longer a sixteenth late there, and 8 of 20 seeds were heard at 70 BPM
        assertTrue(slow <= 2, "sixteenth pairs at 140 BPM: " + slow + " of 20 seeds heard at half the tempo");
    }

    /**
     * A hornpipe-like line in beats and note values: a quarter, a triplet, dotted pairs, a rest of two beats, then dotted
     * pairs and a run of triplets to the end.
     */
    private static final double[][] TRIPLET_CLOSE = {
            {0, 1}, {1, 1 / 3.0}, {4 / 3.0, 1 / 3.0}, {5 / 3.0, 1 / 3.0}, {2, 0.75}, {2.75, 0.25}, {3, 0.75}, {3.75, 0.25},
            {4, 0.75}, {4.75, 0.25}, {5, 0.75}, {5.75, 0.25}, {6, 0.75}, {6.75, 0.25}, {7, 0.75},
            {9.75, 0.25}, {10, 1}, {11, 1 / 3.0}, {34 / 3.0, 1 / 3.0}, {35 / 3.0, 1 / 3.0}, {12, 0.75}, {12.75, 0.25},
            {13, 0.75}, {13.75, 0.25}, {14, 1 / 3.0}, {43 / 3.0, 1 / 3.0}, {44 / 3.0, 1 / 3.0}, {15, 1 / 3.0},
            {46 / 3.0, 1 / 3.0}, {47 / 3.0, 1 / 3.0}, {16, 1 / 3.0}, {49 / 3.0, 1 / 3.0}, {50 / 3.0, 1 / 3.0},
            {17, 1 / 3.0}, {52 / 3.0, 1 / 3.0}, {53 / 3.0, 1 / 3.0}};

    @Test
    void aBeatInducedAfreshOnTheLastOnsetCarriesTheWholeWindowsTempo() {
        double bpm = 140;
        List<long[]> events = uniformlyJitteredEvents(TRIPLET_CLOSE, bpm, 64);
        int lastOnset = 0;
        for (int i = 0; i < events.size(); i++) if (events.get(i)[1] == 1) lastOnset = i;
        BeatTracker tracker = new BeatTracker(120);
        int down = hear(tracker, events.subList(0, lastOnset), 0);
        int epochBeforeLast = tracker.gridEpoch();
        hear(tracker, events.subList(lastOnset, events.size()), down);
        // the last onset's review induces the beat afresh (the window's run of triplets), at the player's level
        assertTrue(tracker.gridEpoch() > epochBeforeLast, "the beat was not induced afresh on the last onset");
        // carried as induction fitted it, weighted by age and position, the tempo was 140.61 BPM
        assertEquals(bpm, tracker.bpm(), bpm * 0.003, "tempo after the last onset");
    }

    /**
     * Note-on (1) and note-off (0) events of {@code notes} (rows of {onset, length} in quarters) at {@code bpm} from 1 s,
     * in time order: onsets with jitter within ±12 ms drawn from {@code seed}, each note held 92 % of its value (30 ms at
     * least), so that the silences between notes are heard.
     */
    static List<long[]> uniformlyJitteredEvents(double[][] notes, double bpm, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<long[]> events = new ArrayList<>();
        for (double[] note : notes) {
            long on = 1_000_000_000L + Math.round(note[0] * 60e9 / bpm + random.nextDouble(-12, 12) * 1e6);
            long off = Math.max(on + 30_000_000L, 1_000_000_000L + Math.round((note[0] + note[1] * 0.92) * 60e9 / bpm));
            events.add(new long[] {on, 1});
            events.add(new long[] {off, 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return events;
    }

    /**
     * Plays {@code events} ({@link #uniformlyJitteredEvents}) into {@code tracker}, {@code down} keys already down: each
     * note-on an onset, a silence when the last key goes up. Returns the keys down after them.
     */
    static int hear(BeatTracker tracker, List<long[]> events, int down) {
        for (long[] e : events) {
            if (e[1] == 1) {
                down++;
                tracker.onset(e[0], EVEN);
            } else if (--down == 0) {
                tracker.silent(e[0]);
            }
        }
        return down;
    }

    /**
     * A pop line's anticipations, written here: a bar of quarters on the beat, then four times a sixteenth's pickup and a
     * long note on the beat's last sixteenth, held over the next beat, and a closing eighth, sixteenth and long note.
     */
    private static final double[][] ANTICIPATIONS = {
        {0, 1}, {1, 1}, {2, 1}, {3, 1.5}, {4.5, 0.25}, {4.75, 1.75}, {6.5, 0.25}, {6.75, 1.75}, {8.5, 0.25}, {8.75, 1.75},
        {10.5, 0.25}, {10.75, 3.25}, {14, 0.5}, {14.5, 0.25}, {14.75, 2}};

    @Test
    void longNotesThatAnticipateTheBeatByASixteenthDoNotMoveItOntoTheirSixteenth() {
        double bpm = 96;
        BeatTracker tracker = new BeatTracker(120);
        hear(tracker, uniformlyJitteredEvents(ANTICIPATIONS, bpm, 1), 0);
        assertEquals(bpm, tracker.bpm(), bpm * 0.01, "tempo");
        // the player's beat 16, after the line: weighed by length alone, the beat had moved a sixteenth early (0.25 off)
        double position = tracker.beatPosition(1_000_000_000L + Math.round(16 * 60e9 / bpm));
        assertEquals(Math.rint(position), position, 0.1, "the player's beat 16 on the tracked grid");
    }

    /**
     * Four bars of 2/4 in running eighths, written here: an eighth's pickup, and a close on an eighth on the beat and an
     * eighth's rest. The notes say nothing of the beat, the pickup and the stop both put it on the off-beat eighths.
     */
    private static final double[][] RUNNING_EIGHTHS_FROM_A_PICKUP = new double[16][];

    static {
        for (int i = 0; i < 16; i++) RUNNING_EIGHTHS_FROM_A_PICKUP[i] = new double[] {0.5 + 0.5 * i, 0.5};
    }

    /**
     * Plays {@code notes} ({@link #uniformlyJitteredEvents} of {@code seed}) into {@code tracker}, velocities rising from
     * 50 to 90 across the line (±3), the notes on the beat {@code accent} louder (with {@code even}, every velocity
     * {@link #EVEN} instead, the same onsets); a silence at each release and the phrase's end at the last.
     */
    static void playWithAccents(BeatTracker tracker, double[][] notes, double bpm, long seed, int accent, boolean even) {
        playWithAccents(tracker, notes, bpm, seed, accent, even, 1);
    }

    /** {@link #playWithAccents}, the notes on every {@code accentedBeats}th beat from beat 0 {@code accent} louder. */
    private static void playWithAccents(BeatTracker tracker, double[][] notes, double bpm, long seed, int accent, boolean even,
                                        int accentedBeats) {
        java.util.SplittableRandom loudness = new java.util.SplittableRandom(seed);
        int i = 0;
        long release = 0;
        for (long[] e : uniformlyJitteredEvents(notes, bpm, seed)) {
            if (e[1] == 0) {
                release = e[0];
                tracker.silent(release);
                continue;
            }
            double beats = notes[i][0] / accentedBeats;
            boolean accented = Math.abs(beats - Math.rint(beats)) < 1e-9;
            int velocity = (int) Math.round(50 + 40.0 * i / (notes.length - 1) + (accented ? accent : 0) + loudness.nextDouble(-3, 3));
            tracker.onset(e[0], even ? EVEN : velocity);
            i++;
        }
        tracker.phraseEnded(release);
    }

    @Test
    void aPlayersAccentsOnTheBeatPutTheBeatThereWhereTheNotesAndTheStopDoNot() {
        for (double bpm : new double[] {72, 96, 140}) {
            for (long seed = 1; seed <= 5; seed++) {
                BeatTracker tracker = new BeatTracker(120);
                playWithAccents(tracker, RUNNING_EIGHTHS_FROM_A_PICKUP, bpm, seed, 10, false);
                assertEquals(bpm, tracker.bpm(), bpm * 0.01, "tempo at " + bpm + " BPM, seed " + seed);
                double position = tracker.beatPosition(1_000_000_000L + Math.round(9 * 60e9 / bpm));
                assertEquals(Math.rint(position), position, 0.1, "the player's beat 9 at " + bpm + " BPM, seed " + seed);
            }
        }
    }

    @Test
    void aCrescendoWithoutAccentsMovesNoBeat() {
        for (double bpm : new double[] {72, 96, 140}) {
            for (long seed = 1; seed <= 20; seed++) {
                BeatTracker rising = new BeatTracker(120);
                playWithAccents(rising, RUNNING_EIGHTHS_FROM_A_PICKUP, bpm, seed, 0, false);
                BeatTracker even = new BeatTracker(120);
                playWithAccents(even, RUNNING_EIGHTHS_FROM_A_PICKUP, bpm, seed, 0, true);
                long beat9 = 1_000_000_000L + Math.round(9 * 60e9 / bpm);
                assertEquals(even.beatPosition(beat9), rising.beatPosition(beat9), 1e-9, bpm + " BPM, seed " + seed);
            }
        }
    }

    @Test
    void aPlayersAccentsMakeTheirBeatsTheStrongOnesOfABeatHeardAtTwiceTheirTempo() {
        // four bars of running sixteenths at 72 BPM, closing on an eighth on the beat and an eighth's rest: heard as a
        // beat of 144, its beats the player's eighths
        double[][] notes = new double[29][];
        for (int i = 0; i < 28; i++) notes[i] = new double[] {0.25 * i, 0.25};
        notes[28] = new double[] {7, 0.5};
        double bpm = 72;
        for (long seed = 1; seed <= 5; seed++) {
            BeatTracker tracker = new BeatTracker(120);
            playWithAccents(tracker, notes, bpm, seed, 10, false);
            assertEquals(2 * bpm, tracker.bpm(), 2 * bpm * 0.01, "heard at twice the tempo, seed " + seed);
            long beat = Math.round(tracker.beatPosition(1_000_000_000L + Math.round(8 * 60e9 / bpm)));
            assertEquals(Math.floorMod(beat, 2), tracker.strongBeatParity(), "the player's beat 8 a strong one, seed " + seed);
        }
    }

    /**
     * Four bars of 4/4 from a quarter's pickup on the fourth beat, written here: each bar a quarter, two eighths and two
     * quarters, closing on a half note on the fifth bar's downbeat.
     */
    static final double[][] FOUR_FOUR_FROM_A_PICKUP = new double[22][];

    static {
        FOUR_FOUR_FROM_A_PICKUP[0] = new double[] {3, 1};
        for (int bar = 0; bar < 4; bar++) {
            double b = 4 + 4 * bar;
            double[][] notes = {{b, 1}, {b + 1, 0.5}, {b + 1.5, 0.5}, {b + 2, 1}, {b + 3, 1}};
            System.arraycopy(notes, 0, FOUR_FOUR_FROM_A_PICKUP, 1 + 5 * bar, 5);
        }
        FOUR_FOUR_FROM_A_PICKUP[21] = new double[] {20, 2};
    }

    /**
     * Plays {@code notes} as {@link #playWithAccents} does, the notes on the player's downbeats (every fourth beat from 0)
     * {@code accent} louder, into a tracker told of bars of four beats.
     */
    private static BeatTracker playWithDownbeatAccents(double[][] notes, double bpm, long seed, int accent) {
        BeatTracker tracker = new BeatTracker(120);
        tracker.setBeatsPerBar(4);
        playWithAccents(tracker, notes, bpm, seed, accent, false, 4);
        return tracker;
    }

    @Test
    void aPlayersAccentsOnTheDownbeatsMakeThemTheBarsFirstBeats() {
        for (double bpm : new double[] {72, 96, 120}) {
            for (long seed = 1; seed <= 5; seed++) {
                BeatTracker tracker = playWithDownbeatAccents(FOUR_FOUR_FROM_A_PICKUP, bpm, seed, 10);
                assertEquals(bpm, tracker.bpm(), bpm * 0.01, "tempo at " + bpm + " BPM, seed " + seed);
                long downbeat = 1_000_000_000L + Math.round(16.5 * 60e9 / bpm);
                assertEquals(1, tracker.beatInBarAt(downbeat, 4), "the player's fifth bar's downbeat at " + bpm + " BPM, seed " + seed);
            }
        }
    }

    @Test
    void withoutAccentsTheBarsAreCountedFromTheFirstOnsetsBeat() {
        for (double bpm : new double[] {72, 96, 120}) {
            for (long seed = 1; seed <= 5; seed++) {
                BeatTracker tracker = playWithDownbeatAccents(FOUR_FOUR_FROM_A_PICKUP, bpm, seed, 0);
                long downbeat = 1_000_000_000L + Math.round(16.5 * 60e9 / bpm);
                // the pickup on the fourth beat is taken for the first: the player's downbeat is the bar's second beat
                assertEquals(2, tracker.beatInBarAt(downbeat, 4), bpm + " BPM, seed " + seed);
            }
        }
    }
}
