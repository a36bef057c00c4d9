package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.ForwardingRecurrentModel;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.ForwardingStepModel;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.TempoMap;
import org.junit.jupiter.api.Test;

class LiveSessionTest {

    private static final int ANSWER_NOW_CC = 80;
    private static final ShellOptions OPTIONS = ShellOptions.defaults().withShutdownHook(false);

    private final RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, 100_000);

    @Test
    void answersCallsThroughTheWholeShellAndEveryNoteOnIsMatched() throws Exception {
        PerformerStatus status = new PerformerStatus();
        LatencyReport latency;
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer, OPTIONS)) {
            for (int round = 1; round <= 3; round++) {
                playCall(session, 60 + round);
                session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
                int answers = round;
                Await.until("answer " + round + " to end", 20, () -> session.readStatus(status) && status.answers() >= answers
                        && status.phase() == PerformerPhase.LISTENING && status.machineNotesSounding() == 0);
            }
            assertThat(session.failure()).isEmpty();
            assertThat(session.counters().inputDropped()).isZero();
            // the performer's last note-offs may still wait for their time (within the lookahead) at the scheduler
            Await.until("every scheduled note message timed", 20,
                    () -> session.latency().schedulerLateness().count() == noteMessages(out) && pair(out.messages()).hanging() == 0);
            latency = session.latency();
        }

        RecordedNotes notes = pair(out.messages());
        assertThat(notes.notes()).isNotEmpty();
        assertThat(notes.hanging()).isZero();
        assertThat(latency.inputToOutput().count()).isPositive();
        assertThat(latency.midiCallback().count()).isEqualTo(3 * 14);   // the CCs came through control(), not a port
        assertThat(latency.schedulerLateness().count()).isEqualTo(noteMessages(out));   // the CC 123 on closing is not
    }

    @Test
    void closingDuringAnAnswerLeavesNothingSounding() throws Exception {
        LiveSession session = LiveSession.open(out, TinyPerformers::performer, OPTIONS);
        playCall(session, 62);
        session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
        Await.until("the answer's first note", 20, () -> out.firstNoteOnAt(0) >= 0);

        session.close();

        List<RecordedMessage> sent = out.messages();
        assertThat(pair(sent).hanging()).isZero();
        assertThat(sent.get(sent.size() - 1)).satisfies(last -> {
            assertThat(last.command()).isEqualTo(ShortMessage.CONTROL_CHANGE);
            assertThat(last.data1()).isEqualTo(123);
        });
        assertThat(session.isRunning()).isFalse();
        session.close();    // idempotent
    }

    @Test
    void aPerformerThatDiesMidAnswerLeavesNothingSoundingAndSaysWhy() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        // After the first answer note has sounded at the output, the performer's next message throws instead of
        // going out, and from then on the performer sends nothing: only the shell can silence the output.
        LiveSession session = LiveSession.open(out, shellOut -> TinyPerformers.performer((time, status, data1, data2) -> {
            if (broken.get()) return;
            if (out.firstNoteOnAt(0) >= 0) {
                broken.set(true);
                throw new IllegalStateException("injected performer failure");
            }
            shellOut.send(time, status, data1, data2);
        }), OPTIONS);
        playCall(session, 64);
        session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);

        Await.until("the performer thread to fail", 20, () -> !session.isRunning());
        Await.until("the output to be silenced", 20, () -> pair(out.messages()).hanging() == 0);
        session.close();

        assertThat(session.failure()).get().extracting(Throwable::getMessage).isEqualTo("injected performer failure");
        List<RecordedMessage> sent = out.messages();
        RecordedNotes notes = pair(sent);
        assertThat(notes.notes()).isNotEmpty();
        assertThat(notes.hanging()).isZero();
        assertThat(sent.get(sent.size() - 1)).satisfies(last -> {     // the shell's silence, not the performer's
            assertThat(last.command()).isEqualTo(ShortMessage.CONTROL_CHANGE);
            assertThat(last.data1()).isEqualTo(123);
        });
    }

    @Test
    void anOutputThatThrowsIsCountedAndTheSessionPlaysOn() throws Exception {
        AtomicInteger noteOns = new AtomicInteger();
        Receiver flaky = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                boolean noteOn = (message.getStatus() & 0xF0) == ShortMessage.NOTE_ON && ((ShortMessage) message).getData2() > 0;
                if (noteOn && noteOns.incrementAndGet() == 1) throw new IllegalStateException("device unplugged");
                out.send(message, timeStamp);
            }

            @Override
            public void close() {
            }
        };
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(flaky, TinyPerformers::performer, OPTIONS)) {
            for (int round = 1; round <= 2; round++) {
                playCall(session, 65);
                session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
                int answers = round;
                Await.until("answer " + round + " to end", 20, () -> session.readStatus(status) && status.answers() >= answers
                        && status.phase() == PerformerPhase.LISTENING && status.machineNotesSounding() == 0);
            }
            assertThat(session.counters().sendErrors()).isEqualTo(1);
            assertThat(session.isRunning()).isTrue();
        }
        assertThat(noteOns.get()).isGreaterThan(1);
        assertThat(pair(out.messages()).hanging()).isZero();
    }

    @Test
    void aProgramChangeLoadsTheNextModelOffThePerformerThread() throws Exception {
        AtomicInteger requested = new AtomicInteger(-1);
        AtomicInteger loadedModelSteps = new AtomicInteger();
        ShellOptions options = OPTIONS.withProgramLoader(program -> {
            requested.set(program);
            return new LoadedProgram(new CountingModel(TinyPerformers.kernel(), loadedModelSteps), null);
        });
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer, options)) {
            session.input().send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 5, 0), -1);
            Await.until("the performer to switch programs", 20, () -> session.counters().programSwitches() == 1);
            assertThat(requested.get()).isEqualTo(5);
            assertThat(loadedModelSteps.get()).isZero();

            playCall(session, 60);
            Await.until("the new model to hear the call", 20, () -> loadedModelSteps.get() > 0);
            assertThat(session.counters().programLoadFailures()).isZero();
        }
    }

    @Test
    void aHarmonizeSessionSwitchesToAPianoRollProgramAndIgnoresAnEventOne() throws Exception {
        AtomicInteger loadedFrames = new AtomicInteger();
        AtomicInteger eventLoads = new AtomicInteger();
        ShellOptions options = OPTIONS.withProgramLoader(program -> {
            if (program == 2) {
                return LoadedProgram.roll(new CountingRollModel(RandomWeights.rollKernel(88, 1, 16, 7L, 0.5), loadedFrames), 24, null);
            }
            eventLoads.incrementAndGet();
            return new LoadedProgram(TinyPerformers.kernel(), null);
        });
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.MODE, PerformerMode.HARMONIZE.ordinal());
        try (LiveSession session = LiveSession.open(out,
                midiOut -> new Harmonizer(RandomWeights.rollKernel(88, 1, 16, 5L, 0.5), 24, parameters, 1L, midiOut), options)) {
            session.input().send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 1, 0), -1);   // an event model: ignored
            Await.until("the event program to load", 20, () -> eventLoads.get() == 1);
            session.input().send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 2, 0), -1);
            Await.until("the harmonizer to switch programs", 20, () -> session.counters().programSwitches() == 1);
            assertThat(loadedFrames.get()).isZero();

            session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 72, 90), -1);
            Await.until("the new roll model to hear the melody", 20, () -> loadedFrames.get() > 0);
            session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 72, 0), -1);
            assertThat(session.counters().programSwitches()).as("the event program was not taken").isEqualTo(1);
            assertThat(session.counters().programLoadFailures()).isZero();
        }
        assertThat(pair(out.messages()).hanging()).isZero();
    }

    @Test
    void aProgramThatFailsToLoadIsReportedAndTheSessionPlaysOn() throws Exception {
        ShellOptions options = OPTIONS.withProgramLoader(program -> {
            throw new IllegalArgumentException("no preset has program number " + program);
        });
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer, options)) {
            session.input().send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 9, 0), -1);
            Await.until("the load to fail", 20, () -> session.counters().programLoadFailures() == 1);

            assertThat(session.lastProgramLoadFailure()).contains("program 9: no preset has program number 9");
            playCall(session, 60);
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            Await.until("an answer", 20, () -> session.readStatus(status) && status.answers() == 1);
            assertThat(session.counters().programSwitches()).isZero();
        }
    }

    /** Seven notes (14 messages): a major arpeggio up from {@code root} and a chord, each struck and released. */
    /** A four-note call and a chord, played into the session input as a port would. */
    static void playCall(LiveSession session, int root) {
        try {
            Receiver in = session.input();
            for (int interval : new int[]{0, 4, 7, 12}) {
                in.send(new ShortMessage(ShortMessage.NOTE_ON, 0, root + interval, 90), -1);
                in.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, root + interval, 0), -1);
            }
            for (int interval : new int[]{0, 4, 7}) in.send(new ShortMessage(ShortMessage.NOTE_ON, 0, root + interval, 70), -1);
            for (int interval : new int[]{0, 4, 7}) in.send(new ShortMessage(ShortMessage.NOTE_ON, 0, root + interval, 0), -1);
        } catch (InvalidMidiDataException e) {
            throw new AssertionError(e);
        }
    }

    private static long noteMessages(RecordingReceiver out) {
        return out.messages().stream().filter(m -> m.isNoteOn() || m.isNoteOff()).count();
    }

    private static RecordedNotes pair(List<RecordedMessage> messages) {
        long origin = messages.isEmpty() ? 0 : messages.get(0).nanos();
        return RecordedNotes.pair(messages, origin, TempoMap.constant(480, 120), 1);
    }

    /** A piano-roll model that counts its frames. */
    private static final class CountingRollModel extends ForwardingRecurrentModel<RollStepModel> implements RollStepModel {
        private final AtomicInteger frames;

        CountingRollModel(RollStepModel model, AtomicInteger frames) {
            super(model);
            this.frames = frames;
        }

        @Override
        public int keys() {
            return model.keys();
        }

        @Override
        public void stepFrame(int[] keys, int count, float[] probabilities) {
            frames.incrementAndGet();
            model.stepFrame(keys, count, probabilities);
        }
    }

    /** A step model that counts its steps. */
    private static final class CountingModel extends ForwardingStepModel {
        private final AtomicInteger steps;

        CountingModel(StepModel model, AtomicInteger steps) {
            super(model);
            this.steps = steps;
        }

        @Override
        public void step(int token, float[] probabilities) {
            steps.incrementAndGet();
            model.step(token, probabilities);
        }
    }
}
