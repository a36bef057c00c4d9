package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The player clock inside the performer: the human's tempo and beat become the ticks, the answer enters on a beat. */
class PerformerPlayerClockTest {

    private static final long SECOND = 1_000 * MS;

    /** Machine note-ons: {time, key}. */
    private static final class Answers implements MidiOut {
        final List<long[]> noteOns = new ArrayList<>();
        final RecordingMidiOut checked = new RecordingMidiOut(0, true);

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            checked.send(timeNanos, status, data1, data2);
            if ((status & 0xF0) == 0x90 && data2 > 0 && (status & 0x0F) == 1) noteOns.add(new long[] {timeNanos, data1});
        }
    }

    /** The human's notes of {@code beats} (onset beats) at {@code bpm} with seeded jitter: rows of {time, status, key, velocity}. */
    static long[][] phrase(double[] beats, double bpm, long startNanos, double jitterMs, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<long[]> events = new ArrayList<>();
        double beat = 60e9 / bpm;
        for (int i = 0; i < beats.length; i++) {
            long on = startNanos + Math.round(beats[i] * beat + random.nextGaussian() * jitterMs * 1e6);
            double next = i + 1 < beats.length ? beats[i + 1] : beats[i] + 2;
            long off = startNanos + Math.round(Math.min(next - beats[i], 2) * beat * 0.9 + beats[i] * beat);
            int key = 60 + (i * 5) % 12;
            events.add(new long[] {on, 0x90, key, 70 + i % 20});
            events.add(new long[] {off, 0x80, key, 0});
        }
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }

    private static PerformerParameters playerParameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        parameters.set(Parameter.ANSWER_START, AnswerStart.BEAT.ordinal());
        parameters.set(Parameter.OUTPUT_CHANNEL, 2);
        return parameters;
    }

    @Test
    void theAnswerEntersOnThePlayersBeatAndRunsOnThePlayersTicks() {
        for (double bpm : new double[] {72, 96, 140}) {
            Answers out = new Answers();
            Performer performer = new Performer(TestModels.kernel(), playerParameters(), 5L, out);
            long start = SECOND;
            ScriptedHumanPart human = new ScriptedHumanPart(performer, phrase(BeatTrackerTest.MELODY_BEATS, bpm, start, 10, 3));
            human.runFor(30 * SECOND);
            PerformerStatus status = new PerformerStatus();
            performer.readStatus(status);

            assertThat(status.tempoBpm()).as(bpm + " BPM: tracked tempo").isCloseTo(bpm, org.assertj.core.data.Offset.offset(bpm * 0.03));
            assertThat(status.answers()).as(bpm + " BPM: answered").isGreaterThan(0);
            assertThat(out.noteOns).as(bpm + " BPM: answer notes").isNotEmpty();
            double beat = 60e9 / bpm;
            long lastHumanOnset = start + Math.round(15.5 * beat);
            long first = out.noteOns.get(0)[0];
            assertThat(first).as(bpm + " BPM: not inside the phrase").isGreaterThan(lastHumanOnset + Math.round(2 * beat));
            double beats = (first - start) / beat;
            assertThat(Math.abs(beats - Math.rint(beats)) * beat / 1e6).as(bpm + " BPM: first answer note to the player's beat, ms")
                    .isLessThan(40);
            for (long[] on : out.noteOns) {
                double ticks = (on[0] - start) / (beat / 24);
                assertThat(Math.abs(ticks - Math.rint(ticks)) * beat / 24 / 1e6).as(bpm + " BPM: answer onsets on the player's ticks, ms")
                        .isLessThan(40);
            }
            performer.allNotesOff(human.now);
            assertThat(out.checked.firstViolation()).isNull();
            assertThat(out.checked.sounding()).isZero();
        }
    }

    @Test
    void aPlayerWhoLeansOnTheDownbeatsAfterAPickupIsAnsweredOnTheirBarLine() {
        // a 4/4 line from a quarter's pickup on the fourth beat, the downbeats 10 louder over a crescendo; the answer
        // waits for the bar line: the player's, not one counted from the pickup
        for (double bpm : new double[] {72, 96, 120}) {
            for (int accent : new int[] {10, 0}) {
                double[][] notes = BeatTrackerTest.FOUR_FOUR_FROM_A_PICKUP;
                java.util.SplittableRandom random = new java.util.SplittableRandom(7);
                List<long[]> events = new ArrayList<>();
                long start = SECOND;
                double beat = 60e9 / bpm;
                for (int i = 0; i < notes.length; i++) {
                    long on = start + Math.round(notes[i][0] * beat + random.nextDouble(-10, 10) * 1e6);
                    long off = start + Math.round((notes[i][0] + notes[i][1] * 0.9) * beat);
                    boolean downbeat = notes[i][0] % 4 == 0;
                    int velocity = (int) Math.round(50 + 40.0 * i / (notes.length - 1) + (downbeat ? accent : 0) + random.nextDouble(-3, 3));
                    events.add(new long[] {on, 0x90, 60 + (i * 5) % 12, velocity});
                    events.add(new long[] {off, 0x80, 60 + (i * 5) % 12, 0});
                }
                events.sort(Comparator.comparingLong(e -> e[0]));
                PerformerParameters parameters = playerParameters();
                parameters.set(Parameter.ANSWER_START, AnswerStart.BAR.ordinal());
                Answers out = new Answers();
                Performer performer = new Performer(TestModels.kernel(), parameters, 5L, out);
                ScriptedHumanPart human = new ScriptedHumanPart(performer, events.toArray(new long[0][]));
                human.runFor(40 * SECOND);
                assertThat(out.noteOns).as(bpm + " BPM: answer notes").isNotEmpty();
                double beats = (out.noteOns.get(0)[0] - start) / beat;
                long nearest = Math.round(beats);
                assertThat(Math.abs(beats - nearest) * beat / 1e6).as(bpm + " BPM: the first answer note to a player's beat, ms").isLessThan(40);
                if (accent > 0) {
                    assertThat(Math.floorMod(nearest, 4)).as(bpm + " BPM: the player's beat the answer entered on, of the bar").isZero();
                } else {
                    // no accent: the bars are counted from the pickup's beat
                    assertThat(Math.floorMod(nearest, 4)).as(bpm + " BPM, no accent: the beat entered on, of the player's bar").isEqualTo(3);
                }
                performer.allNotesOff(human.now);
                assertThat(out.checked.firstViolation()).isNull();
                assertThat(out.checked.sounding()).isZero();
            }
        }
    }

    @Test
    void aCallOfEvenEighthsAfterAPickupIsAnsweredOnThePlayersBeatsNotBetweenThem() {
        // even eighths give the tracker no beat phase until the player stops at the bar line
        for (double bpm : new double[] {72, 96, 140}) {
            assertTheAnswerEntersOnAPlayersBeat(BeatTrackerTest.EVEN_EIGHTHS_AFTER_A_PICKUP_BEATS, 0.5, bpm, bpm + " BPM");
        }
    }

    @Test
    void runningSixteenthsHeardAtTwiceThePlayersTempoAreAnsweredOnThePlayersBeats() {
        // two sixteenths' pickup, then two bars of running sixteenths at 72 BPM: heard as eighths at 144, whose every
        // other beat is the player's; the answer enters on one of those, counted from where the player stopped, and
        // keeps to the fast beat's eighths, the player's sixteenths (not to its sixteenths, the player's 32nds)
        double[] beats = new double[34];
        for (int i = 0; i < beats.length; i++) beats[i] = 3.5 + i * 0.25;
        List<long[]> noteOns = assertTheAnswerEntersOnAPlayersBeat(beats, 0.25, 72, "running sixteenths at 72 BPM");
        assertThat(noteOns).hasSizeGreaterThan(3);
        double sixteenth = 60e9 / 72 / 4;
        for (long[] on : noteOns) {
            double sixteenths = (on[0] - SECOND) / sixteenth;
            assertThat(Math.abs(sixteenths - Math.rint(sixteenths)) * sixteenth / 1e6)
                    .as("answer onset to the player's sixteenth grid, ms").isLessThan(30);
        }
    }

    /**
     * Plays {@code beats} (each note held 90 % of {@code value} beats) at {@code bpm}: the answer's first note is on a
     * beat. Returns the answer's note-ons, {time, key}.
     */
    private static List<long[]> assertTheAnswerEntersOnAPlayersBeat(double[] beats, double value, double bpm, String name) {
        Answers out = new Answers();
        Performer performer = new Performer(TestModels.kernel(), playerParameters(), 5L, out);
        long start = SECOND;
        double beat = 60e9 / bpm;
        java.util.Random random = new java.util.Random(11);
        List<long[]> part = new ArrayList<>();
        for (int i = 0; i < beats.length; i++) {
            long on = start + Math.round(beats[i] * beat + random.nextGaussian() * 12e6);
            part.add(new long[] {on, 0x90, 60 + (i * 5) % 12, 80});
            part.add(new long[] {on + Math.round(0.9 * value * beat), 0x80, 60 + (i * 5) % 12, 0});
        }
        part.sort(Comparator.comparingLong(e -> e[0]));
        ScriptedHumanPart human = new ScriptedHumanPart(performer, part.toArray(new long[0][]));
        human.runFor(start + Math.round((beats[beats.length - 1] + 20) * beat));

        assertThat(out.noteOns).as(name + ": answer notes").isNotEmpty();
        double first = (out.noteOns.get(0)[0] - start) / beat;
        assertThat(Math.abs(first - Math.rint(first)) * beat / 1e6).as(name + ": first answer note to the player's beat, ms")
                .isLessThan(40);
        performer.allNotesOff(human.now);
        assertThat(out.checked.firstViolation()).isNull();
        assertThat(out.checked.sounding()).isZero();
        return out.noteOns;
    }

    @Test
    void aShortCallAtAFastTempoIsAnsweredWithinTwoBarsOfItsLastNote() {
        // ten notes at 140 BPM: too few for the beat to settle, and the beat fast enough to be the player's eighths. A rest
        // is counted in pairs of its beats, which also cover a beat still being induced at 1.5 times the player's (triplets
        // heard as its eighths), not in three of them: the answer used to enter ten or eleven beats after the last note
        double[] beats = {0, 0.5, 1, 2, 3, 3.5, 4, 4.5, 5, 6};
        double bpm = 140;
        double beat = 60e9 / bpm;
        for (long seed = 1; seed <= 3; seed++) {
            Answers out = new Answers();
            Performer performer = new Performer(TestModels.kernel(), playerParameters(), 5L, out);
            long[][] part = phrase(beats, bpm, SECOND, 12, seed);
            ScriptedHumanPart human = new ScriptedHumanPart(performer, part);
            human.runFor(SECOND + Math.round(24 * beat));
            assertThat(out.noteOns).as("seed " + seed + ": answer notes").isNotEmpty();
            long lastHumanOnset = part[part.length - 2][0];
            assertThat((out.noteOns.get(0)[0] - lastHumanOnset) / beat).as("seed " + seed + ": beats from the last note to the answer")
                    .isBetween(3.0, 8.0);
            performer.allNotesOff(human.now);
            assertThat(out.checked.sounding()).isZero();
        }
    }

    @Test
    void theAnswerIsOnThePlayersSixteenthsThoughTheCallWasJitteredAndDetached() {
        // the tiny model answers with time shifts of any length; the human's onsets are jittered and released early
        for (double bpm : new double[] {72, 96, 140}) {
            Answers out = new Answers();
            PerformerParameters parameters = playerParameters();
            parameters.set(Parameter.FEEL, 0);
            Performer performer = new Performer(TestModels.kernel(), parameters, 11L, out);
            long start = SECOND;
            ScriptedHumanPart human = new ScriptedHumanPart(performer, phrase(BeatTrackerTest.MELODY_BEATS, bpm, start, 12, 7));
            human.runFor(30 * SECOND);
            assertThat(out.noteOns).as(bpm + " BPM: answer notes").hasSizeGreaterThan(3);
            double sixteenth = 60e9 / bpm / 4;
            for (long[] on : out.noteOns) {
                double sixteenths = (on[0] - start) / sixteenth;
                assertThat(Math.abs(sixteenths - Math.rint(sixteenths)) * sixteenth / 1e6)
                        .as(bpm + " BPM: answer onset to the player's sixteenth grid, ms").isLessThan(30);
            }
            performer.allNotesOff(human.now);
            assertThat(out.checked.sounding()).isZero();
        }
    }

    @Test
    void restsOfOneAndTwoBeatsInsideThePhraseAreNotItsEnd() {
        // 4/4: a two-beat rest after a half note, a one-beat rest on a downbeat, a two-beat rest after a short note
        double[] beats = {0, 1, 2, 3, 4, 5, /* rest 6-7 */ 8, 9, 10, 11, /* rest 12 */ 13, 13.5, 14, 15,
                16, 16.5, 17, /* rest 18-19 */ 20, 21, 22};
        for (double bpm : new double[] {72, 96, 140}) {
            Answers out = new Answers();
            Performer performer = new Performer(TestModels.kernel(), playerParameters(), 9L, out);
            long[][] part = phrase(beats, bpm, SECOND, 12, 4);
            // short, detached notes: each key up after a quarter of its interval
            ScriptedHumanPart human = new ScriptedHumanPart(performer, part);
            human.runFor(SECOND + Math.round(26 * 60e9 / bpm));
            long lastHumanOnset = part[part.length - 2][0];
            for (long[] on : out.noteOns) {
                assertThat(on[0]).as(bpm + " BPM: no answer note before the phrase's last note").isGreaterThan(lastHumanOnset);
            }
        }
    }

    @Test
    void aBeatStillBeingInducedTooFastDoesNotEndThePhraseAtARestInsideIt() {
        // a hornpipe's opening at 140 BPM as a player's jitter left it (a triplet, then quarters): from its first eight
        // onsets the tracker induces a beat near 200 BPM; then a rest of two beats, then the phrase goes on
        double[] beats = {2.979, 3.352, 3.680, 4.013, 5.047, 5.954, 6.454, 6.972, /* rest */ 9.461, 10.032, 11.038,
                11.993, 12.979, 14.012, 14.463, 14.981, 15.438, 16.012, 17.028};
        assertNoAnswerInsideThePhrase(beats, 140, 0);
    }

    @Test
    void aReelHeardAtTwiceThePlayersTempoIsNotEndedAtARestOfTwoOfThePlayersBeats() {
        // running sixteenths at 72 BPM (heard as eighths at 144), a quarter, a rest of two beats, then sixteenths again:
        // counted in the fast beats, the rest was four of them and ended the phrase inside it
        double[] beats = new double[16 + 1 + 16];
        for (int i = 0; i < 16; i++) beats[i] = i * 0.25;
        beats[16] = 4;
        for (int i = 0; i < 16; i++) beats[17 + i] = 7 + i * 0.25;
        assertNoAnswerInsideThePhrase(beats, 72, SECOND);
    }

    @Test
    void aTripletPickupHeardAsEighthsOfAFasterBeatDoesNotEndThePhraseAtARestOfTwoBeats() {
        // a folk tune's opening at 72 BPM: a pickup of three triplet eighths, four quarters, a rest of two beats, then
        // eighths and quarters. Until its twelfth onset the tracker hears the triplets as eighths of a beat at 108 BPM
        // and the quarters as dotted quarters of it; counted in that beat, the rest was three beats and ended the phrase
        double[] beats = {3, 10 / 3.0, 11 / 3.0, 4, 5, 6, 7, /* rest 8-9 */ 10, 10.5, 11, 11.5, 12, 13, 13.5, 14, 15, 16, 17};
        assertNoAnswerInsideThePhrase(beats, 72, SECOND, 0.9);
        assertNoAnswerInsideThePhrase(beats, 72, SECOND, 0.4);
    }

    @Test
    void aRunOfTripletsHeardAsEighthsOfAFasterBeatDoesNotEndThePhraseAtARestOfTwoBeats() {
        // at 72 BPM, two beats of triplet eighths, two eighths and a rest of two beats: the beat is found at 108 BPM (the
        // triplets its eighths), no interval is longer than a beat of it, and the rest was more than three of its beats
        double t = 1 / 3.0;
        assertNoAnswerInsideThePhrase(new double[] {0, t, 2 * t, 1, 1 + t, 1 + 2 * t, 2, 2.5, 3, /* rest 4-5 */ 6, 7, 8, 8.5,
                9, 10, 11, 12}, 72, SECOND);
    }

    @Test
    void aRestOfTwoBeatsBeforeAnyBeatIsFoundIsNotThePhrasesEnd() {
        // at 72 BPM, a pickup and a downbeat, or a bar of quarters, then a rest of two beats: too few onsets to find
        // the beat, and counted in the prior's beats (120 BPM) the rest was three and a half of them
        assertNoAnswerInsideThePhrase(new double[] {3, 4, /* rest 5-6 */ 7, 8, 9, 10, 10.5, 11, 12, 13, 14, 15}, 72, SECOND);
        assertNoAnswerInsideThePhrase(new double[] {0, 1, 2, 3, /* rest 4-5 */ 6, 7, 8, 9, 10, 10.5, 11, 12}, 72, SECOND);
    }

    /**
     * Plays {@code beats} at {@code bpm} from {@code startNanos} (each note held 90 % of its value, at most of a beat)
     * and asserts that the performer only listens until the phrase's last note.
     */
    private static void assertNoAnswerInsideThePhrase(double[] beats, double bpm, long startNanos) {
        assertNoAnswerInsideThePhrase(beats, bpm, startNanos, 0.9);
    }

    /** As above, each note held {@code held} of its value (at most of a beat). */
    private static void assertNoAnswerInsideThePhrase(double[] beats, double bpm, long startNanos, double held) {
        Performer performer = new Performer(TestModels.kernel(), playerParameters(), 9L, new Answers());
        long[][] part = new long[2 * beats.length][];
        double beat = 60e9 / bpm;
        for (int i = 0; i < beats.length; i++) {
            double value = Math.min(i + 1 < beats.length ? beats[i + 1] - beats[i] : 1, 1);
            part[2 * i] = new long[] {startNanos + Math.round(beats[i] * beat), 0x90, 60 + i % 12, 80};
            part[2 * i + 1] = new long[] {startNanos + Math.round((beats[i] + held * value) * beat), 0x80, 60 + i % 12, 0};
        }
        ScriptedHumanPart human = new ScriptedHumanPart(performer, part);
        long lastHumanOnset = part[part.length - 2][0];
        PerformerStatus status = new PerformerStatus();
        while (human.now < lastHumanOnset) {
            human.runFor(10 * MS);
            performer.readStatus(status);
            assertThat(status.phase()).as("at " + human.now / MS + " ms, before the phrase's last note").isEqualTo(PerformerPhase.LISTENING);
        }
        assertThat(status.answers()).as("answers begun inside the call").isZero();
    }
}
