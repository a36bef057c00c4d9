package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.RollStepModel;
import org.junit.jupiter.api.Test;

/**
 * The harmonize core on a real (small, untrained) piano-roll kernel and an injected clock: at {@value #BPM} BPM a tick
 * is 20 ms and a beat (one frame) 480 ms. The human plays on channel 1, the voices go to channel 3, thru is on, so the
 * recorder sees melody and voices in the order the output would.
 */
class HarmonizerTest {

    private static final long MS = 1_000_000L;
    private static final double BPM = 125;
    private static final long BEAT = 480 * MS;
    private static final int HUMAN = 0;
    private static final int VOICES = 2;
    /** A chorale-like soprano line: C5 D5 E5 D5 C5 B4 C5 G4 A4 B4 C5 E5. */
    private static final int[] MELODY = {72, 74, 76, 74, 72, 71, 72, 67, 69, 71, 72, 76};

    /** One chord heard at the output: the melody note and the voices sounding once everything sent at its onset is out. */
    private record Chord(long nanos, int melody, List<Integer> voices, boolean voicesStartedWithIt) {
    }

    @Test
    void everyMelodyNoteSoundsWithTwoOrThreeVoicesBelowItStartedAtOnceWithoutASecondAgainstIt() {
        for (long seed = 1; seed <= 8; seed++) {
            Session s = new Session(parameters(), seed);
            s.playLine(MELODY, 1, 40);

            List<Chord> chords = s.chords();
            assertThat(chords).hasSize(MELODY.length);
            for (Chord chord : chords) {
                assertThat(chord.voices()).as("seed %d: voices under %s", seed, chord).hasSizeBetween(2, 3);
                assertThat(chord.voices()).as("below the melody in %s", chord).allMatch(v -> v < chord.melody());
                assertThat(chord.voicesStartedWithIt()).as("sent at once with %s", chord).isTrue();
                assertThat(chord.voices()).as("seed %d: no semitone or whole tone below the melody in %s", seed, chord)
                        .allMatch(v -> Math.floorMod(chord.melody() - v, 12) != 1 && Math.floorMod(chord.melody() - v, 12) != 2
                                && Math.floorMod(chord.melody() - v, 12) != 11);
                List<Integer> voices = chord.voices();
                for (int i = 1; i < voices.size(); i++) {
                    assertThat(voices.get(i) - voices.get(i - 1)).as("seed %d: no second between the voices of %s", seed, chord)
                            .isGreaterThan(2);
                }
            }
            s.assertCleanAndSilent();
        }
    }

    @Test
    void voicesEndWithTheMelodyNote() {
        Session s = new Session(parameters(), 2L);
        s.playLine(MELODY, 1, 120);

        for (int i = 0; i < s.out.size(); i++) {
            if (s.isHumanNoteOff(i)) assertThat(s.voicesSoundingAfterTimeOf(i)).as("voices after the melody's release at message %d", i).isEmpty();
        }
        s.assertCleanAndSilent();
    }

    @Test
    void aHeldMelodyNoteIsHarmonizedAgainAtEachStepAndItsVoicesStayBelowIt() {
        Session s = new Session(parameters(), 3L);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 76, 90);
        s.runFor(4 * BEAT - 30 * MS);
        PerformerStatus status = s.status();

        assertThat(status.chords()).as("one chord per step while held: beats 0, 1, 2, 3").isEqualTo(4);
        assertThat(status.phase()).isEqualTo(PerformerPhase.HARMONIZING);
        assertThat(status.machineNotesSounding()).isBetween(1, 3);
        for (int key = 76; key < 128; key++) assertThat(s.out.isDown(VOICES, key)).isFalse();
        s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 76, 0);
        assertThat(s.status().machineNotesSounding()).isZero();
        s.assertCleanAndSilent();
    }

    @Test
    void thePredictionForTheNextFrameIsComputedBeforeItsNoteArrives() {
        Session s = new Session(parameters(), 4L);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 72, 90);
        s.runFor(BEAT - 60 * MS);
        s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 72, 0);
        s.runFor(40 * MS); // the next frame's window opens a sixth of a beat (80 ms) before its beat
        long fedBefore = s.status().tokensFed();

        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 74, 90);

        assertThat(s.status().tokensFed()).as("no model step on the note: only sampling").isEqualTo(fedBefore);
        assertThat(s.status().machineNotesSounding()).isBetween(1, 3);
        s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 74, 0);
        s.assertCleanAndSilent();
    }

    @Test
    void thePolyphonyLimitCapsTheVoices() {
        for (int limit = 1; limit <= 2; limit++) {
            PerformerParameters parameters = parameters();
            parameters.set(Parameter.MAX_POLYPHONY, limit);
            Session s = new Session(parameters, 5L);
            s.playLine(MELODY, 2, 40);
            for (Chord chord : s.chords()) assertThat(chord.voices()).hasSizeBetween(1, limit);
            assertThat(s.out.maxSounding()).as("voices plus the one melody note").isLessThanOrEqualTo(limit + 1);
            s.assertCleanAndSilent();
        }
    }

    @Test
    void voicesStayWithinThePitchRangeAndOffTheKeysTheHumanHolds() {
        PerformerParameters parameters = parameters();
        parameters.set(Parameter.PITCH_LOW, 55);
        parameters.set(Parameter.PITCH_HIGH, 66);
        Session s = new Session(parameters, 6L);
        s.harmonizer.onMidi(0, 0x90 | HUMAN, 62, 70); // held under the whole line
        s.playLine(MELODY, 1, 40);

        for (Chord chord : s.chords()) {
            if (chord.melody() == 62) continue;
            assertThat(chord.voices()).allMatch(v -> v >= 55 && v <= 66 && v != 62);
        }
        s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 62, 0);
        s.assertCleanAndSilent();
    }

    @Test
    void theSameSeedPlaysTheSameVoicesAndAnotherSeedOthers() {
        Session a = new Session(parameters(), 7L);
        Session b = new Session(parameters(), 7L);
        Session c = new Session(parameters(), 8L);
        for (Session s : List.of(a, b, c)) s.playLine(MELODY, 1, 40);

        assertThat(b.chords()).isEqualTo(a.chords());
        assertThat(c.chords()).isNotEqualTo(a.chords());
    }

    @Test
    void allNotesOffEndsEveryVoiceAndTheThruNote() {
        Session s = new Session(parameters(), 9L);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 72, 90);
        s.runFor(100 * MS);
        assertThat(s.out.sounding()).isGreaterThan(1);

        s.harmonizer.allNotesOff(s.now);

        assertThat(s.out.sounding()).isZero();
        assertThat(s.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 72, 0); // its release passes nothing: thru ended it
        s.assertCleanAndSilent();
    }

    @Test
    void controllers120And123AndTheAllNotesOffActionSilenceTheVoices() {
        for (int cc : new int[] {120, 123, 82}) {
            Session s = new Session(parameters(), 10L);
            s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 72, 90);
            s.runFor(100 * MS);
            s.harmonizer.onMidi(s.now, 0xB0 | HUMAN, cc, 127);
            assertThat(s.out.sounding()).as("after CC %d", cc).isZero();
            s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 72, 0);
            s.assertCleanAndSilent();
        }
    }

    @Test
    void switchingToAnotherModeEndsTheVoicesAndHarmonizesNoMoreUntilSwitchedBack() {
        Session s = new Session(parameters(), 11L);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 72, 90);
        s.runFor(100 * MS);
        int modeCc = s.harmonizer.parameters().controls().controllerOf(Parameter.MODE);

        s.harmonizer.onMidi(s.now, 0xB0 | HUMAN, modeCc, 64); // jam
        assertThat(s.status().machineNotesSounding()).isZero();
        assertThat(s.status().mode()).isEqualTo(PerformerMode.JAM);
        s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 72, 0);
        s.harmonizer.onMidi(s.now + MS, 0x90 | HUMAN, 74, 90);
        s.runFor(2 * BEAT);
        assertThat(s.status().machineNotesSounding()).as("no voices in jam").isZero();
        s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 74, 0);

        s.harmonizer.onMidi(s.now, 0xB0 | HUMAN, modeCc, 127); // harmonize again
        s.harmonizer.onMidi(s.now + MS, 0x90 | HUMAN, 76, 90);
        assertThat(s.status().machineNotesSounding()).isBetween(1, 3);
        s.harmonizer.onMidi(s.now + 2 * MS, 0x80 | HUMAN, 76, 0);
        s.assertCleanAndSilent();
    }

    @Test
    void resetMemoryEndsTheVoicesAndStartsTheModelFresh() {
        RollStepModel model = TestRollModels.kernel();
        Session s = new Session(model, parameters(), 12L);
        RecurrentState fresh = model.newState();
        model.saveState(fresh);
        s.playLine(new int[] {72, 74}, 1, 40);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 76, 90);
        int resetCc = s.harmonizer.parameters().controls().controllerOf(ControlAction.RESET_MEMORY);

        s.harmonizer.onMidi(s.now, 0xB0 | HUMAN, resetCc, 127);

        assertThat(s.status().machineNotesSounding()).isZero();
        RecurrentState after = model.newState();
        model.saveState(after);
        assertThat(after.h(0)).isEqualTo(fresh.h(0));
        s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 76, 0);
        s.assertCleanAndSilent();
    }

    @Test
    void anotherModelEndsTheVoicesAndHarmonizesTheNextNoteFromAFreshStart() {
        RollStepModel first = TestRollModels.kernel();
        Session s = new Session(first, parameters(), 15L);
        s.playLine(new int[] {72, 74}, 1, 40);
        s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 76, 90);
        assertThat(s.status().machineNotesSounding()).isBetween(1, 3);
        RollStepModel second = RandomWeights.rollKernel(TestRollModels.KEYS, 1, 32, 6L, 0.5);
        RecurrentState fresh = second.newState();
        second.saveState(fresh);
        second.stepFrame(new int[] {40, 44, 47}, 3, new float[TestRollModels.KEYS]); // heard something before the switch

        s.harmonizer.replaceModel(second, 12);

        assertThat(s.status().machineNotesSounding()).as("the old model's voices end at the switch").isZero();
        RecurrentState after = second.newState();
        second.saveState(after);
        assertThat(after.h(0)).as("the new model starts fresh").isEqualTo(fresh.h(0));
        s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 76, 0);
        s.runFor(BEAT);
        long chordsBefore = s.status().chords();
        s.playLine(new int[] {72, 71}, 1, 40);
        assertThat(s.status().chords() - chordsBefore).as("the next notes are harmonized, two frames a beat").isGreaterThanOrEqualTo(3);
        s.assertCleanAndSilent();
        assertThatThrownBy(() -> s.harmonizer.replaceModel(second, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6..96 ticks");
    }

    @Test
    void afterTwoRestFramesItFallsIdleAndTheNextNoteStartsANewGrid() {
        Session s = new Session(parameters(), 13L);
        s.playLine(new int[] {72}, 1, 40);
        s.runFor(3 * BEAT);
        assertThat(s.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        long fed = s.status().tokensFed();
        s.runFor(10 * BEAT);
        assertThat(s.status().tokensFed()).as("no frames fed while idle").isEqualTo(fed);

        s.harmonizer.onMidi(s.now + 7 * MS, 0x90 | HUMAN, 74, 90); // off the old grid: harmonized at once all the same
        assertThat(s.status().phase()).isEqualTo(PerformerPhase.HARMONIZING);
        assertThat(s.status().machineNotesSounding()).isBetween(1, 3);
        s.harmonizer.onMidi(s.now + 8 * MS, 0x80 | HUMAN, 74, 0);
        s.assertCleanAndSilent();
    }

    @Test
    void followingAnExternalClockTheStepsAreTheHostsBeatsAndItsStopEndsTheVoices() {
        for (ClockSource source : new ClockSource[] {ClockSource.INTERNAL, ClockSource.FOLLOW}) {
            PerformerParameters parameters = parameters();
            parameters.set(Parameter.CLOCK, source.ordinal());
            Session s = new Session(parameters, 14L);
            s.harmonizer.onMidi(0, 0xFA, 0, 0); // Start; then a Timing Clock every 20 ms (125 BPM), beats at 0, 480, 960 ms
            long chordsAtHostBeatTwo = -1;
            for (long ms = 0; ms <= 1_500; ms++) {
                s.now = ms * MS;
                if (ms % 20 == 0) s.harmonizer.onMidi(s.now, 0xF8, 0, 0);
                if (ms == 700) s.harmonizer.onMidi(s.now, 0x90 | HUMAN, 76, 90); // 220 ms after the host's second beat
                s.harmonizer.advance(s.now);
                if (ms == 1_100) chordsAtHostBeatTwo = s.status().chords();
            }
            // held from 700 ms: following, the next step is the host's beat at 960 ms (+80 ms); on the internal
            // clock, the note's own onset + a beat (1180 ms, +80 ms)
            assertThat(chordsAtHostBeatTwo).as("chords by 1100 ms on the %s clock", source).isEqualTo(source == ClockSource.FOLLOW ? 2 : 1);
            s.harmonizer.onMidi(s.now, 0xFC, 0, 0); // Stop
            if (source == ClockSource.FOLLOW) {
                assertThat(s.status().machineNotesSounding()).as("a stopped host silences the voices").isZero();
            }
            s.harmonizer.onMidi(s.now + MS, 0x80 | HUMAN, 76, 0);
            s.assertCleanAndSilent();
        }
    }

    @Test
    void onThePlayerClockTheStepsAreThePlayersBeats() {
        for (long seed = 1; seed <= 5; seed++) {
            // the player at 80 BPM (750 ms a beat; the prior is 125), beginning off the clock's own grid: twelve quarters
            // with up to 12 ms of jitter, then a note held for three and a half beats
            PerformerParameters parameters = parameters();
            parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
            Session s = new Session(parameters, seed);
            SplittableRandom jitter = new SplittableRandom(seed);
            long beat = 750 * MS;
            long start = 1_234 * MS;
            for (int i = 0; i <= MELODY.length; i++) {
                long onset = start + i * beat + (jitter.nextLong(25) - 12) * MS;
                s.runFor(onset - s.now);
                int pitch = i < MELODY.length ? MELODY[i] : 79;
                s.harmonizer.onMidi(s.now, 0x90 | HUMAN, pitch, 90);
                if (i < MELODY.length) {
                    s.runFor(beat - 100 * MS);
                    s.harmonizer.onMidi(s.now, 0x80 | HUMAN, pitch, 0);
                }
            }
            List<Long> stepChords = new ArrayList<>();
            long chords = s.status().chords();
            long held = start + MELODY.length * beat;
            while (s.now < held + 3 * beat + beat / 2) {
                s.runFor(MS);
                long now = s.status().chords();
                if (now > chords) stepChords.add(s.now);
                chords = now;
            }
            PerformerStatus status = s.status();

            assertThat(status.tempoBpm()).as("seed %d: the player's tempo", seed).isCloseTo(80, within(1.6));
            assertThat(status.clockRunning()).as("seed %d: the beat found", seed).isTrue();
            // the held note is harmonized again at the player's next three beats (a sixth of a beat after each, the
            // window for a note slightly late); at the prior's 125 BPM it would have been six times, off the player's beats
            assertThat(stepChords).as("seed %d: chords under the held note", seed).hasSize(3);
            for (int k = 0; k < 3; k++) {
                long due = held + (k + 1) * beat + beat / 6;
                assertThat((double) stepChords.get(k)).as("seed %d: step %d", seed, k + 1).isCloseTo(due, within(30.0 * MS));
            }
            s.harmonizer.onMidi(s.now, 0x80 | HUMAN, 79, 0);
            s.assertCleanAndSilent();
        }
    }

    @Test
    void onThePlayerClockTapsOfTheTapTempoControllerSetTheBeat() {
        PerformerParameters parameters = parameters();
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        Session s = new Session(parameters, 16L);
        int tapCc = parameters.controls().controllerOf(ControlAction.TAP_TEMPO);
        for (int tap = 0; tap < 4; tap++) {
            s.runFor(tap == 0 ? 500 * MS : 750 * MS);
            s.harmonizer.onMidi(s.now, 0xB0, tapCc, 127);
        }

        assertThat(s.status().tempoBpm()).as("four taps 750 ms apart").isCloseTo(80, within(0.5));
        assertThat(s.status().clockRunning()).as("the beat found from the taps").isTrue();
        s.assertCleanAndSilent();
    }

    @Test
    void aFrameLengthOffTheTickGridIsRefused() {
        assertThatThrownBy(() -> new Harmonizer(TestRollModels.kernel(), 5, parameters(), 1L, (t, st, d1, d2) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6..96 ticks");
        assertThatThrownBy(() -> Harmonizer.frameTicksOf(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 frames per quarter note");
        assertThat(Harmonizer.frameTicksOf(1)).isEqualTo(24);
    }

    static PerformerParameters parameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, BPM);
        parameters.set(Parameter.MODE, PerformerMode.HARMONIZE.ordinal());
        parameters.set(Parameter.THRU, 1);
        parameters.set(Parameter.OUTPUT_CHANNEL, VOICES + 1);
        return parameters;
    }

    /** A harmonizer, its recorded output and the injected clock (starting at 0, advanced a millisecond at a time). */
    private static final class Session {
        final Harmonizer harmonizer;
        final RecordingMidiOut out = new RecordingMidiOut(1 << 14, true);
        long now;

        Session(PerformerParameters parameters, long seed) {
            this(TestRollModels.kernel(), parameters, seed);
        }

        Session(RollStepModel model, PerformerParameters parameters, long seed) {
            harmonizer = new Harmonizer(model, 24, parameters, seed, out);
            harmonizer.advance(0);
        }

        /** Plays {@code pitches}, each {@code beats} beats long minus {@code gapMs} of silence before the next. */
        void playLine(int[] pitches, int beats, long gapMs) {
            for (int pitch : pitches) {
                harmonizer.onMidi(now, 0x90 | HUMAN, pitch, 90);
                runFor(beats * BEAT - gapMs * MS);
                harmonizer.onMidi(now, 0x80 | HUMAN, pitch, 0);
                runFor(gapMs * MS);
            }
        }

        void runFor(long nanos) {
            long end = now + nanos;
            while (now < end) {
                now = Math.min(end, now + MS);
                harmonizer.advance(now);
            }
        }

        PerformerStatus status() {
            PerformerStatus status = new PerformerStatus();
            harmonizer.readStatus(status);
            return status;
        }

        boolean isHumanNoteOn(int i) {
            return (out.status(i) & 0x0F) == HUMAN && (out.status(i) & 0xF0) == 0x90 && out.velocity(i) > 0;
        }

        boolean isHumanNoteOff(int i) {
            return (out.status(i) & 0x0F) == HUMAN && ((out.status(i) & 0xF0) == 0x80 || out.velocity(i) == 0);
        }

        /** Every melody note at the output with the voices sounding once all messages of its instant are out. */
        List<Chord> chords() {
            List<Chord> chords = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                if (!isHumanNoteOn(i)) continue;
                boolean allStartedNow = true;
                for (int j = 0; j < out.size(); j++) {
                    boolean voiceOn = (out.status(j) & 0x0F) == VOICES && (out.status(j) & 0xF0) == 0x90;
                    if (voiceOn && out.time(j) == out.time(i) && j < i) allStartedNow = false; // a voice must not precede its melody
                }
                chords.add(new Chord(out.time(i), out.key(i), voicesSoundingAfterTimeOf(i), allStartedNow));
            }
            return chords;
        }

        /** The voice keys sounding after every message sent at the time of message {@code index}. */
        List<Integer> voicesSoundingAfterTimeOf(int index) {
            boolean[] down = new boolean[128];
            long time = out.time(index);
            for (int i = 0; i < out.size() && out.time(i) <= time; i++) {
                if ((out.status(i) & 0x0F) != VOICES) continue;
                boolean on = (out.status(i) & 0xF0) == 0x90 && out.velocity(i) > 0;
                down[out.key(i)] = on;
            }
            List<Integer> voices = new ArrayList<>();
            for (int key = 0; key < 128; key++) if (down[key]) voices.add(key);
            return voices;
        }

        void assertCleanAndSilent() {
            assertThat(out.firstViolation()).isNull();
            assertThat(out.sounding()).as("notes left sounding").isZero();
        }
    }
}
