package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MIDI thru: the human's messages at the output, their order against the machine's, and their bookkeeping. */
class PerformerThruTest {

    private static final long SECOND = 1_000 * MS;
    /** The human plays on channel 3, the machine on channel 1 unless a test says otherwise. */
    private static final int HUMAN = 2;
    private static final int NOTE_ON = 0x90 | HUMAN;
    private static final int NOTE_OFF = 0x80 | HUMAN;
    private static final int CC = 0xB0 | HUMAN;
    private static final int THRU_CC = 85;

    /** A message as sent to the output, for comparing sequences. */
    private record Sent(long nanos, int status, int data1, int data2) {
    }

    private static PerformerParameters withThru(boolean on) {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.THRU, on ? 1 : 0);
        return parameters;
    }

    private static PerformanceDriver driver(PerformerParameters parameters) {
        return new PerformanceDriver(TestModels.kernel(), parameters, 42L, new RecordingMidiOut(1 << 16, true));
    }

    /**
     * A call on channel 3 with every kind of message (the thru controller sent at its current setting); returns the
     * messages thru must pass, in order.
     */
    private static List<Sent> playCall(PerformanceDriver driver) {
        int thruSetting = driver.performer.parameters().thru() ? 127 : 0;
        List<Sent> passed = new ArrayList<>();
        humanMessage(driver, passed, true, 0, NOTE_ON, 60, 70);
        humanMessage(driver, passed, true, 50, CC, 64, 127);          // sustain pedal down
        humanMessage(driver, passed, true, 100, 0xE0 | HUMAN, 0x10, 0x50); // pitch bend
        humanMessage(driver, passed, true, 120, CC, 1, 90);           // modulation wheel: not mapped
        humanMessage(driver, passed, false, 130, CC, 16, 60);         // temperature: mapped, not passed
        humanMessage(driver, passed, false, 140, CC, THRU_CC, thruSetting); // thru itself: mapped, not passed
        humanMessage(driver, passed, false, 150, 0xC0 | HUMAN, 5, 0); // program change: a preset switch, not passed
        humanMessage(driver, passed, true, 160, 0xA0 | HUMAN, 60, 30); // polyphonic pressure
        humanMessage(driver, passed, true, 170, 0xD0 | HUMAN, 40, 0);  // channel pressure
        humanMessage(driver, passed, true, 200, NOTE_OFF, 60, 64);      // with its release velocity
        humanMessage(driver, passed, true, 250, NOTE_ON, 62, 100);
        humanMessage(driver, passed, true, 400, NOTE_ON, 62, 0);        // a note-on of velocity 0 ends the note
        humanMessage(driver, passed, true, 450, CC, 64, 0);
        humanMessage(driver, passed, false, 460, 0xF8, 0, 0);           // MIDI clock: a system message, not passed
        return passed;
    }

    private static void humanMessage(PerformanceDriver driver, List<Sent> passed, boolean passes, long ms, int status,
                                     int data1, int data2) {
        driver.message(ms * MS, status, data1, data2);
        if (passes) passed.add(new Sent(ms * MS, status, data1, data2));
    }

    private static List<Sent> sent(RecordingMidiOut out, int channel) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if ((out.status(i) & 0x0F) == channel && out.status(i) < 0xF0) {
                sent.add(new Sent(out.time(i), out.status(i), out.key(i), out.velocity(i)));
            }
        }
        return sent;
    }

    private static void runUntilTheAnswerIsOver(PerformanceDriver driver) {
        assertThat(driver.runUntil(s -> s.answers() == 1 && s.phase() == PerformerPhase.LISTENING
                && s.machineNotesSounding() == 0, 20 * SECOND)).as("answered").isTrue();
    }

    @Test
    void aSecondNoteOnOfAHeldKeyEndsTheSoundingNoteFirst() {
        PerformanceDriver driver = driver(withThru(true));
        driver.message(0, NOTE_ON, 60, 70);
        driver.message(100 * MS, NOTE_ON, 60, 90); // a second port, or a device that retriggers without a note-off
        driver.message(200 * MS, NOTE_OFF, 60, 0);
        driver.message(300 * MS, NOTE_OFF, 60, 0); // the second release finds nothing sounding: not passed
        driver.runTo(400 * MS);

        assertThat(sent(driver.out, HUMAN)).containsExactly(
                new Sent(0, NOTE_ON, 60, 70),
                new Sent(100 * MS, 0x80 | HUMAN, 60, 0), new Sent(100 * MS, NOTE_ON, 60, 90),
                new Sent(200 * MS, NOTE_OFF, 60, 0));
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void withThruOffNothingOfTheHumansReachesTheOutput() {
        PerformanceDriver driver = driver(withThru(false));
        playCall(driver);

        runUntilTheAnswerIsOver(driver);

        assertThat(driver.out.noteOns()).as("the machine answered").isPositive();
        assertThat(sent(driver.out, HUMAN)).isEmpty();
        assertThat(sent(driver.out, 0)).hasSize(driver.out.size());
        assertThat(driver.out.firstViolation()).isNull();
    }

    @Test
    void withThruOnExactlyTheHumansMessagesGoOutUnchangedAtOnceAndBeforeTheAnswer() {
        PerformanceDriver driver = driver(withThru(true));
        List<Sent> passed = playCall(driver);

        runUntilTheAnswerIsOver(driver);

        assertThat(sent(driver.out, HUMAN)).containsExactlyElementsOf(passed);
        List<Sent> machine = sent(driver.out, 0);
        assertThat(machine).as("the answer").isNotEmpty();
        assertThat(machine).hasSize(driver.out.size() - passed.size());
        for (int i = 0; i < passed.size(); i++) {
            assertThat(driver.out.status(i) & 0x0F).as("message %d comes before the answer", i).isEqualTo(HUMAN);
        }
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.status().thruNotesSounding()).isZero();
    }

    @Test
    void theHumansNoteGoesOutBeforeTheModelIsFedIt() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        List<int[]> heardAtSend = new ArrayList<>();
        Performer performer = new Performer(model, withThru(true), 3L, (time, status, data1, data2) -> {
            if ((status & 0x0F) == HUMAN) heardAtSend.add(model.heard());
        });
        performer.advance(0);

        performer.onMidi(10 * MS, NOTE_ON, 64, 90);
        int[] afterNoteOn = model.heard();
        performer.onMidi(200 * MS, NOTE_OFF, 64, 0);
        int[] afterNoteOff = model.heard();

        assertThat(heardAtSend).hasSize(2);
        assertThat(heardAtSend.get(0)).doesNotContain(Vocabulary.noteOn(64));
        assertThat(afterNoteOn[afterNoteOn.length - 1]).isEqualTo(Vocabulary.noteOn(64));
        assertThat(heardAtSend.get(1)).isEqualTo(afterNoteOn).doesNotContain(Vocabulary.noteOff(64));
        assertThat(afterNoteOff[afterNoteOff.length - 1]).isEqualTo(Vocabulary.noteOff(64));
    }

    @Test
    void whenTheHumanPressesAKeyTheMachineHoldsOnTheSameChannelTheMachinesNoteEndsFirst() {
        PerformerParameters parameters = withThru(true);
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver driver = new PerformanceDriver(model, parameters, 42L, new RecordingMidiOut(1 << 16, true));
        driver.note(0, 200, 40, 80); // on channel 1, the machine's channel
        assertThat(driver.runUntil(s -> s.machineNotesSounding() > 0 && s.humanKeysDown() == 0, 20 * SECOND)).isTrue();
        int key = 0;
        while (!driver.out.isDown(0, key)) key++; // a key only the machine holds: the human's is up
        int sentBefore = driver.out.size();

        driver.performer.onMidi(driver.now(), 0x90, key, 100);

        assertThat(driver.out.size()).isGreaterThanOrEqualTo(sentBefore + 2);
        assertThat(List.of(driver.out.status(sentBefore), driver.out.key(sentBefore), driver.out.velocity(sentBefore)))
                .as("the machine's note-off").containsExactly(0x80, key, 0);
        assertThat(List.of(driver.out.status(sentBefore + 1), driver.out.key(sentBefore + 1), driver.out.velocity(sentBefore + 1)))
                .as("then the human's note-on").containsExactly(0x90, key, 100);
        int[] heard = model.heard();
        int humanOn = lastIndexOf(heard, Vocabulary.noteOn(key));
        int machineOff = lastIndexOf(heard, Vocabulary.noteOff(key));
        assertThat(machineOff).as("the model heard the machine release the key, then the human strike it")
                .isBetween(0, humanOn - 1);
        for (int i = machineOff + 1; i < humanOn; i++) assertThat(Vocabulary.isVelocity(heard[i])).isTrue();
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.status().thruNotesSounding()).isEqualTo(1);
    }

    private static int lastIndexOf(int[] tokens, int token) {
        for (int i = tokens.length - 1; i >= 0; i--) {
            if (tokens[i] == token) return i;
        }
        return -1;
    }

    @Test
    void aHumanAndAMachineOnTheSameChannelNeverCutEachOthersNotes() {
        PerformerParameters parameters = withThru(true);
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        parameters.set(Parameter.MAX_POLYPHONY, 16);
        PerformanceDriver driver = driver(parameters);
        long[][] part = PerformerJamTest.humanPart(120 * SECOND, 8L);
        for (long[] e : part) driver.message(e[0], (int) e[1], (int) e[2], (int) e[3]);

        driver.runTo(120 * SECOND);
        driver.performer.allNotesOff(driver.now());

        long humanNoteOns = Arrays.stream(part).filter(e -> e[1] == 0x90).count();
        assertThat(driver.out.noteOns()).as("human and machine notes").isGreaterThan(humanNoteOns + 100);
        assertThat(driver.out.firstViolation()).as("a note-on on a sounding key, or a note-off of a silent one").isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void allNotesOffEndsTheNotesThruPassedAndTheirLaterReleasesAreNotSent() {
        PerformanceDriver driver = driver(withThru(true));
        driver.message(0, NOTE_ON, 60, 80).message(0, NOTE_ON, 64, 80).message(10 * MS, CC, 64, 127);
        driver.runTo(20 * MS);
        assertThat(driver.status().thruNotesSounding()).isEqualTo(2);
        int before = driver.out.size();

        driver.performer.allNotesOff(30 * MS);

        assertThat(sent(driver.out, HUMAN).subList(before, driver.out.size())).containsExactly(
                new Sent(30 * MS, NOTE_OFF, 60, 0), new Sent(30 * MS, NOTE_OFF, 64, 0), new Sent(30 * MS, CC, 64, 0));
        assertThat(driver.status().thruNotesSounding()).isZero();
        driver.message(40 * MS, NOTE_OFF, 60, 0).message(40 * MS, NOTE_OFF, 64, 0).message(50 * MS, CC, 64, 0);
        driver.runTo(60 * MS);
        assertThat(driver.out.size()).as("the human's own releases come too late: nothing more").isEqualTo(before + 3);
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void controller123EndsTheNotesThruPassedWithoutBeingPassed() {
        PerformanceDriver driver = driver(withThru(true));
        driver.message(0, NOTE_ON, 67, 80).message(10 * MS, CC, 123, 0);

        driver.runTo(20 * MS);

        assertThat(sent(driver.out, HUMAN)).containsExactly(new Sent(0, NOTE_ON, 67, 80), new Sent(10 * MS, NOTE_OFF, 67, 0));
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void turningThruOffStopsNewMessagesButStillPassesTheReleasesOfWhatItStarted() {
        PerformanceDriver driver = driver(withThru(true));
        driver.message(0, NOTE_ON, 60, 80).message(5 * MS, CC, 64, 127)
                .message(10 * MS, CC, THRU_CC, 0)
                .message(20 * MS, NOTE_ON, 62, 80).message(25 * MS, CC, 1, 40)
                .message(30 * MS, NOTE_OFF, 60, 0).message(35 * MS, NOTE_OFF, 62, 0).message(40 * MS, CC, 64, 0);

        driver.runTo(50 * MS);

        assertThat(driver.performer.parameters().thru()).isFalse();
        assertThat(sent(driver.out, HUMAN)).containsExactly(new Sent(0, NOTE_ON, 60, 80), new Sent(5 * MS, CC, 64, 127),
                new Sent(30 * MS, NOTE_OFF, 60, 0), new Sent(40 * MS, CC, 64, 0));
        assertThat(driver.out.sounding()).isZero();
    }

    @Tag("timing")

    @Test
    void passingThroughAllocatesNothingOnceWarm() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = withThru(true);
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        RecordingMidiOut out = new RecordingMidiOut(0, true);
        Performer performer = new Performer(TestModels.kernel(), parameters, 7L, out);
        ScriptedHumanPart session = new ScriptedHumanPart(performer, withBendsAndWheel(PerformerJamTest.humanPart(300 * SECOND, 13L)));

        assertThat(performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        PerformerStatus status = new PerformerStatus();
        session.runFor(60 * SECOND);
        long sentAfterWarmUp = out.total();
        performer.readStatus(status);
        long generatedAfterWarmUp = status.tokensGenerated();
        long[] bytesPerHalfMinute = AllocationRounds.bytesPerRound(8, () -> session.runFor(30 * SECOND));
        performer.readStatus(status);
        performer.allNotesOff(session.now);

        assertThat(out.total() - sentAfterWarmUp).as("messages sent while measured").isGreaterThan(5_000);
        assertThat(status.tokensGenerated() - generatedAfterWarmUp).as("the machine kept playing").isGreaterThan(1_000);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).isZero();
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerHalfMinute);
    }

    /** Adds a pitch bend every 100 ms and a modulation wheel move every 500 ms to {@code part}. */
    private static long[][] withBendsAndWheel(long[][] part) {
        List<long[]> events = new ArrayList<>(Arrays.asList(part));
        long end = part[part.length - 1][0];
        for (long t = 0; t < end; t += 100 * MS) events.add(new long[] {t, 0xE0, (t / MS) % 128, 64 + (t / MS / 100) % 16});
        for (long t = 0; t < end; t += 500 * MS) events.add(new long[] {t, 0xB0, 1, (t / MS / 500) % 128});
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }
}
