package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static io.antiphon.engine.perform.PerformanceDriver.TICK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.sampling.Scale;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.TokenEncoder;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class PerformerCallAndResponseTest {

    private static final int[] MELODY = {60, 62, 64, 65, 67, 69, 71, 72};

    /** Schedules {@code count} notes {@code spacingMs} apart from {@code startMs}; returns the last release in ns. */
    private static long phrase(PerformanceDriver driver, long startMs, int count, long spacingMs, long lengthMs) {
        for (int i = 0; i < count; i++) {
            driver.note(startMs + i * spacingMs, lengthMs, MELODY[i % MELODY.length], i % 3 == 2 ? 100 : 68);
        }
        return (startMs + (count - 1) * spacingMs + lengthMs) * MS;
    }

    private static PerformanceDriver driver(StepModel model, PerformerParameters parameters) {
        return new PerformanceDriver(model, parameters, 1234L);
    }

    @Test
    void theAnswerComesAfterASilenceAdaptedToThePlayer() {
        PerformanceDriver fast = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long fastEnd = phrase(fast, 0, 6, 150, 100);
        fast.runTo(fastEnd + 10 * MS);
        assertThat(fast.status().phraseEndThresholdNanos()).isEqualTo(400 * MS); // max(floor 400, 2.5 x 150)

        assertThat(fast.runUntil(s -> s.answers() == 1, fastEnd + 5_000 * MS)).isTrue();
        assertThat(fast.now()).isEqualTo(fastEnd + 400 * MS);

        PerformanceDriver slow = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long slowEnd = phrase(slow, 0, 6, 600, 400);
        slow.runTo(slowEnd + 10 * MS);
        assertThat(slow.status().phraseEndThresholdNanos()).isEqualTo(1_500 * MS); // 2.5 x 600

        assertThat(slow.runUntil(s -> s.answers() == 1, slowEnd + 5_000 * MS)).isTrue();
        assertThat(slow.now()).isEqualTo(slowEnd + 1_500 * MS);
    }

    @Test
    void aHeldKeyOrTheSustainPedalHoldsTheAnswerBack() {
        PerformanceDriver pedal = driver(TestModels.kernel(), PerformanceDriver.parameters());
        pedal.message(50 * MS, 0xB0, 64, 127);
        long end = phrase(pedal, 0, 4, 200, 150);
        pedal.message(4_000 * MS, 0xB0, 64, 0);
        pedal.runTo(end + 100 * MS);
        assertThat(pedal.status().sustainDown()).isTrue();

        assertThat(pedal.runUntil(s -> s.answers() == 1, 10_000 * MS)).isTrue();
        assertThat(pedal.now()).isEqualTo(4_000 * MS + 500 * MS); // 2.5 x 200 after the pedal went up

        PerformanceDriver held = driver(TestModels.kernel(), PerformanceDriver.parameters());
        held.note(0, 3_000, 48, 68);
        phrase(held, 100, 4, 200, 150);

        assertThat(held.runUntil(s -> s.answers() == 1, 10_000 * MS)).isTrue();
        assertThat(held.now()).isEqualTo(3_000 * MS + 500 * MS);
    }

    @Test
    void theAnswerNowControllerAnswersAtOnce() {
        PerformanceDriver driver = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long end = phrase(driver, 0, 4, 300, 200);
        long trigger = end + 100 * MS;
        driver.message(trigger, 0xB0, 80, 127);

        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();

        assertThat(driver.now()).isEqualTo(trigger);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.ANSWERING);
        assertThat(driver.out.size()).isPositive();
        assertThat(driver.out.time(0) / TICK).as("first note at the trigger's tick").isEqualTo(trigger / TICK);
    }

    @Test
    void anAnswersFirstNoteLeavesAsItIsSampledBeforeTheModelHearsItAndTheRestIsGenerated() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.LOOKAHEAD_MS, 50);   // several ticks of the answer are due at the decision
        int[] heardAtFirstNote = {-1};
        int[] firstNote = {-1};
        Performer performer = new Performer(model, parameters, 1234L, (time, status, key, velocity) -> {
            if ((status & 0xF0) == 0x90 && velocity > 0 && firstNote[0] < 0) {
                firstNote[0] = key;
                heardAtFirstNote[0] = model.heard().length;
            }
        });
        for (int i = 0; i < 4; i++) {
            performer.onMidi(i * 300 * MS, 0x90, MELODY[i], 80);
            performer.onMidi(i * 300 * MS + 200 * MS, 0x80, MELODY[i], 0);
        }
        long trigger = 1_000 * MS;
        performer.onMidi(trigger, 0xB0, 80, 127);
        performer.advance(trigger);

        assertThat(firstNote[0]).as("the answer started").isNotNegative();
        int[] heard = model.heard();
        assertThat(heard[heardAtFirstNote[0]]).as("the model is stepped with the note after it has left")
                .isEqualTo(Vocabulary.noteOn(firstNote[0]));
        assertThat(heard.length).as("the rest of the lookahead is generated after the first note has left")
                .isGreaterThan(heardAtFirstNote[0] + 1);
    }

    @Test
    void theAnswerStartsAtOnceAndLastsTheCallTimesTheRatio() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        PerformanceDriver driver = driver(TestModels.kernel(), parameters);
        long end = phrase(driver, 0, 8, 240, 200); // call: 0 .. 1,880 ms = 94 ticks
        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        long startTick = driver.now() / TICK;

        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();

        assertThat(driver.status().modelTick()).isEqualTo(startTick + 94);
        List<TimedNote> answer = driver.out.notes(TICK);
        assertThat(answer).isNotEmpty();
        assertThat(driver.out.time(0)).as("no leading time shift").isEqualTo(startTick * TICK);
        assertThat(answer).allSatisfy(n -> assertThat(n.endTick()).isLessThanOrEqualTo(startTick + 94));
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void theAnswerLengthIsClampedToItsBounds() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.ANSWER_LENGTH_RATIO, 4);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 3);
        PerformanceDriver longCall = driver(TestModels.kernel(), parameters);
        long end = phrase(longCall, 0, 8, 240, 200);
        assertThat(longCall.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        long start = longCall.now() / TICK;
        assertThat(longCall.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();
        assertThat(longCall.status().modelTick()).isEqualTo(start + 3 * 24);

        PerformerParameters shortOnes = PerformanceDriver.parameters();
        shortOnes.set(Parameter.ANSWER_MIN_BEATS, 4);
        PerformanceDriver shortCall = driver(TestModels.kernel(), shortOnes);
        long shortEnd = phrase(shortCall, 0, 2, 100, 100);
        assertThat(shortCall.runUntil(s -> s.answers() == 1, shortEnd + 5_000 * MS)).isTrue();
        long shortStart = shortCall.now() / TICK;
        assertThat(shortCall.runUntil(s -> s.phase() == PerformerPhase.LISTENING, shortEnd + 20_000 * MS)).isTrue();
        assertThat(shortCall.status().modelTick()).isEqualTo(shortStart + 4 * 24);
    }

    @Test
    void anAnswerRestsNoLongerThanTwoBeatsUntilItsLastTwo() {
        PerformerParameters parameters = PerformanceDriver.asTheModelPlays();
        parameters.set(Parameter.ANSWER_MIN_BEATS, 16);
        parameters.set(Parameter.MAX_NOTE_BEATS, 1);
        parameters.set(Parameter.ADAPT, 0); // the model alone: the session's learning would echo the call
        PerformanceDriver driver = driver(new RestingStepModel(TestModels.kernel(), 50), parameters);
        long end = phrase(driver, 0, 8, 240, 200);
        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        long startTick = driver.now() / TICK;
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 30_000 * MS)).isTrue();

        List<TimedNote> answer = new ArrayList<>(driver.out.notes(TICK));
        answer.sort(java.util.Comparator.comparingLong(TimedNote::startTick));
        long endTick = startTick + 16 * 24;
        long soundingUntil = startTick;
        for (TimedNote note : answer) {
            assertThat(note.startTick() - soundingUntil).as("a rest before the note at tick %d", note.startTick())
                    .isLessThanOrEqualTo(AnswerGenerator.MAX_REST_TICKS);
            soundingUntil = Math.max(soundingUntil, note.endTick());
        }
        assertThat(endTick - soundingUntil).as("the rest at the end").isLessThanOrEqualTo(2L * AnswerGenerator.MAX_REST_TICKS);
        assertThat(answer).as("a note at least every three beats of sixteen").hasSizeGreaterThanOrEqualTo(5);
    }

    /**
     * A model that would rather rest, asked for answers of six beats with notes of up to four: left to itself it plays
     * one note, holds it and rests to the end. Every answer has two notes or more, and the spread of its velocities
     * ({@link VelocitySpread}) with them.
     */
    @Test
    void anAnswerPlaysAtLeastTwoNotes() {
        for (long seed = 1; seed <= 10; seed++) {
            PerformerParameters parameters = PerformanceDriver.parameters();
            parameters.set(Parameter.ANSWER_MIN_BEATS, 6);
            parameters.set(Parameter.ANSWER_MAX_BEATS, 6);
            parameters.set(Parameter.ADAPT, 0); // the model alone: the session's learning would echo the call
            PerformanceDriver driver = new PerformanceDriver(new RestingStepModel(TestModels.kernel(), 1000), parameters, seed);
            long end = phrase(driver, 0, 8, 240, 200);
            assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
            assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 30_000 * MS)).isTrue();
            List<TimedNote> answer = driver.out.notes(TICK);
            assertThat(answer).as("the answer's notes, seed %d", seed).hasSizeGreaterThanOrEqualTo(AnswerGenerator.LEAST_NOTES);
            double mean = answer.stream().mapToInt(TimedNote::velocity).average().orElseThrow();
            double variance = answer.stream().mapToDouble(n -> (n.velocity() - mean) * (n.velocity() - mean)).average().orElseThrow();
            assertThat(Math.sqrt(variance)).as("the spread of the answer's velocities, seed %d", seed)
                    .isGreaterThanOrEqualTo(VelocitySpread.LEAST_SD - 1e-9);
        }
    }

    @Test
    void theMemoryLastsAcrossPhrases() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver driver = driver(model, PerformanceDriver.asTheModelPlays());
        long end = phrase(driver, 0, 6, 240, 200);
        assertThat(driver.runUntil(s -> s.answers() == 1, end + 5_000 * MS)).isTrue();
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 20_000 * MS)).isTrue();
        long secondStartMs = driver.now() / MS + 300;
        List<TimedNote> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int pitch = 70 - 2 * i;
            driver.note(secondStartMs + i * 240L, 200, pitch, 52);
            second.add(new TimedNote(pitch, 52, i * 12L, i * 12L + 10)); // the same phrase, heard from tick 0
        }
        long secondEnd = (secondStartMs + 4 * 240 + 200) * MS;
        driver.runTo(secondEnd + 10 * MS);
        assertThat(driver.status().answers()).as("the second phrase is not answered yet").isEqualTo(1);

        int[] heard = model.heard();
        // what the model heard is what sounded: phrase 1, the answer, phrase 2
        assertThat(TokenDecoder.decode(heard)).containsExactlyElementsOf(driver.soundedNotes());
        RecurrentState state = model.state();
        ModelStreamTest.assertFedTheSame(state, fedFresh(heard));
        assertThat(differs(state, fedFresh(TokenEncoder.encode(second)))).as("phrase 2 alone is another memory").isTrue();
    }

    @Test
    void aBargeInCutsTheAnswerAndRollsTheMemoryBackToWhatSounded() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        // a seed whose answer plays three notes or more (the scenario needs an answer under way)
        PerformanceDriver driver = new PerformanceDriver(model, PerformanceDriver.asTheModelPlays(), 1L);
        long end = phrase(driver, 0, 8, 240, 200);
        // wait until the answer has played and the model has sampled time that has not elapsed yet
        assertThat(driver.runUntil(s -> s.answers() == 1 && driver.out.noteOns() >= 3
                && s.modelTick() > driver.now() / TICK + 1, end + 20_000 * MS)).isTrue();
        assertThat(driver.status().machineNotesSounding()).isPositive();
        // an answer event released within the lookahead may be stamped just after the barge-in: it sounded, and the
        // human's note is heard after it
        long lastReleasedTick = driver.out.time(driver.out.size() - 1) / TICK;
        long bargeIn = driver.now() + MS;
        driver.message(bargeIn, 0x90, 57, 100);

        driver.runTo(bargeIn);

        PerformerStatus status = driver.status();
        assertThat(status.bargeIns()).isEqualTo(1);
        assertThat(status.phase()).isEqualTo(PerformerPhase.LISTENING);
        assertThat(status.machineNotesSounding()).isZero();
        assertThat(driver.out.sounding()).as("every answer note ended").isZero();
        // the note-offs go out at once, or right after an answer event already released within the lookahead
        assertThat(driver.out.time(driver.out.size() - 1)).isBetween(bargeIn, bargeIn + 5 * MS);
        assertThat(model.restores()).as("the generated silence was rolled back").isPositive();

        int[] heard = model.heard();
        long bargeInTick = Math.max(bargeIn / TICK, lastReleasedTick);
        assertThat(ticksOf(heard)).as("nothing heard beyond the barge-in").isEqualTo(bargeInTick);
        List<TimedNote> sounded = new ArrayList<>(driver.soundedNotes());
        sounded.add(new TimedNote(57, 100, bargeInTick, bargeInTick + 1)); // still down: the decoder ends it a tick on
        sounded.sort(io.antiphon.engine.token.SameKeyOverlaps.ONSET_ORDER);
        assertThat(TokenDecoder.decode(heard)).containsExactlyElementsOf(sounded);
        assertThat(heard[heard.length - 1]).isEqualTo(Vocabulary.noteOn(57));
        ModelStreamTest.assertFedTheSame(model.state(), fedFresh(heard));
    }

    @Test
    void theBargeInNoteStartsTheNextCall() {
        PerformanceDriver driver = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long end = phrase(driver, 0, 6, 240, 200);
        assertThat(driver.runUntil(s -> s.answers() == 1 && driver.out.noteOns() >= 1, end + 20_000 * MS)).isTrue();
        long second = phrase(driver, driver.now() / MS + 1, 4, 240, 200);

        assertThat(driver.runUntil(s -> s.answers() == 2, second + 5_000 * MS)).isTrue();

        assertThat(driver.status().bargeIns()).isEqualTo(1);
        assertThat(driver.now()).isEqualTo(second + 600 * MS); // 2.5 x the player's 240 ms
    }

    @Test
    void theResetControllerForgetsEverythingHeardBefore() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver driver = driver(model, PerformanceDriver.parameters());
        long end = phrase(driver, 0, 6, 240, 200);
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.ANSWERING, end + 5_000 * MS)).isTrue();
        driver.runTo(driver.now() + 300 * MS);
        driver.message(driver.now() + MS, 0xB0, 81, 127);
        driver.runTo(driver.now() + MS);
        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);

        long startMs = driver.now() / MS + 500;
        List<TimedNote> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            driver.note(startMs + i * 300L, 200, 64 + i, 100);
            second.add(new TimedNote(64 + i, 100, i * 15L, i * 15L + 10));
        }
        driver.runTo((startMs + 3 * 300 + 210) * MS);

        assertThat(model.heard()).containsExactly(TokenEncoder.encode(second));
        ModelStreamTest.assertFedTheSame(model.state(), fedFresh(TokenEncoder.encode(second)));
    }

    @Test
    void liveFeedingMatchesTheBatchEncoder() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver driver = driver(model, PerformanceDriver.parameters());
        // a chord pressed low to high, a melody over it, releases before presses at shared ticks, a key off the piano
        driver.note(0, 960, 48, 52).note(0, 960, 52, 52).note(0, 960, 55, 60);
        driver.note(3, 237, 72, 100).note(240, 240, 74, 100).note(480, 480, 76, 124).note(500, 200, 115, 90);
        driver.note(963, 240, 50, 20).note(963, 240, 53, 20);
        driver.runTo(1_300 * MS);

        List<TimedNote> notes = driver.humanNotes();
        assertThat(notes).hasSize(8);
        assertThat(model.heard()).containsExactly(TokenEncoder.encode(notes));
    }

    @Test
    void theMachinePlaysWithinTheMasks() {
        PerformerParameters parameters = PerformanceDriver.asTheModelPlays(); // the longest note as the model played it (feel may lengthen it)
        parameters.set(Parameter.SCALE, Scale.MAJOR.ordinal());
        parameters.set(Parameter.KEY_ROOT, 2); // D major
        parameters.set(Parameter.PITCH_LOW, 50);
        parameters.set(Parameter.PITCH_HIGH, 80);
        parameters.set(Parameter.MAX_POLYPHONY, 2);
        parameters.set(Parameter.MAX_NOTE_BEATS, 0.5);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 8);
        PerformanceDriver driver = driver(TestModels.kernel(), parameters);
        long t = 0;
        for (int call = 0; call < 4; call++) {
            long end = phrase(driver, t, 5, 200, 150);
            assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.ANSWERING, end + 5_000 * MS)).isTrue();
            assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, end + 60_000 * MS)).isTrue();
            t = driver.now() / MS + 200;
        }

        List<TimedNote> machine = driver.out.notes(TICK);
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.out.maxSounding()).isLessThanOrEqualTo(2);
        assertThat(machine).hasSizeGreaterThan(20);
        assertThat(machine).allSatisfy(n -> {
            assertThat(Scale.MAJOR.contains(2, n.pitch())).as("%s in D major", n).isTrue();
            assertThat(n.pitch()).isBetween(50, 80);
            assertThat(n.endTick() - n.startTick()).isLessThanOrEqualTo(12);
        });
    }

    @Test
    void allNotesOffLeavesNothingSoundingAndDropsTheCall() {
        PerformanceDriver driver = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long end = phrase(driver, 0, 8, 240, 200);
        assertThat(driver.runUntil(s -> s.machineNotesSounding() > 0, end + 20_000 * MS)).isTrue();

        driver.performer.allNotesOff(driver.now());

        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        long noteOns = driver.out.noteOns();
        driver.runTo(driver.now() + 10_000 * MS);
        assertThat(driver.out.noteOns()).as("nothing more until the human plays").isEqualTo(noteOns);
        assertThat(driver.out.firstViolation()).isNull();
    }

    @Test
    void controller123IsAllNotesOff() {
        PerformanceDriver driver = driver(TestModels.kernel(), PerformanceDriver.parameters());
        long end = phrase(driver, 0, 8, 240, 200);
        assertThat(driver.runUntil(s -> s.machineNotesSounding() > 0, end + 20_000 * MS)).isTrue();
        driver.message(driver.now() + MS, 0xB0, 123, 0);

        driver.runTo(driver.now() + MS);

        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
    }

    private static RecurrentState fedFresh(int[] tokens) {
        StepModel fresh = TestModels.kernel();
        float[] p = new float[Vocabulary.SIZE];
        for (int token : tokens) fresh.step(token, p);
        RecurrentState state = fresh.newState();
        fresh.saveState(state);
        return state;
    }

    private static boolean differs(RecurrentState a, RecurrentState b) {
        for (int l = 0; l < a.layers(); l++) {
            if (!java.util.Arrays.equals(a.h(l), b.h(l)) || !java.util.Arrays.equals(a.c(l), b.c(l))) return true;
        }
        return false;
    }

    private static long ticksOf(int[] tokens) {
        long ticks = 0;
        for (int t : tokens) if (Vocabulary.isTimeShift(t)) ticks += Vocabulary.shiftTicks(t);
        return ticks;
    }
}
