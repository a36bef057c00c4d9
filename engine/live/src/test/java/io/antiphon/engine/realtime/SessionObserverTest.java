package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.perform.Performer;
import org.junit.jupiter.api.Test;

/** What the shell tells its {@link SessionObserver}, and parameters set in a batch through {@link LiveSession#setParameters}. */
class SessionObserverTest {

    private static final long MS = 1_000_000L;
    private static final int ANSWER_NOW_CC = 80;
    private static final int TEMPERATURE_CC = 16;

    /** Records what it hears (allocating: a test observer, not a real-time one). */
    static final class Recorded implements SessionObserver {
        final List<String> inputs = new CopyOnWriteArrayList<>();
        final List<long[]> machineNotes = new CopyOnWriteArrayList<>();
        final List<String> parameters = new CopyOnWriteArrayList<>();
        volatile long statusRounds;
        volatile double statusTemperature;

        @Override
        public void input(long nanos, int status, int data1, int data2) {
            inputs.add(Integer.toHexString(status) + " " + data1 + " " + data2);
        }

        @Override
        public void machineNote(long nanos, int channel, int key, int velocity) {
            machineNotes.add(new long[]{nanos, channel, key, velocity});
        }

        @Override
        public void parameterChanged(Parameter parameter, double value) {
            parameters.add(parameter.label() + "=" + value);
        }

        @Override
        public void status(long nanos, PerformerStatus status) {
            statusRounds++;
            statusTemperature = status.temperature();
        }
    }

    @Test
    void theObserverHearsTheHumanTheMachineAndControllerMoves() throws InvalidMidiDataException {
        Recorded observer = new Recorded();
        SimulatedClock clock = new SimulatedClock();
        RecordingReceiver port = new RecordingReceiver(clock, 10_000);
        SteppedShell shell = new SteppedShell(port, TinyPerformers::performer,
                ShellOptions.defaults().withClock(clock).withShutdownHook(false).withObserver(observer));
        send(shell, ShortMessage.NOTE_ON, 60, 90);
        step(shell, clock, 100);
        send(shell, ShortMessage.NOTE_OFF, 60, 0);
        send(shell, ShortMessage.CONTROL_CHANGE, TEMPERATURE_CC, 127);
        send(shell, ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
        step(shell, clock, 3000);
        shell.stop();

        assertThat(observer.inputs).startsWith("90 60 90", "80 60 0", "b0 16 127", "b0 80 127");
        assertThat(observer.parameters).contains("temperature=2.0");
        assertThat(observer.statusTemperature).isEqualTo(2.0);
        assertThat(observer.statusRounds).isGreaterThan(1000);
        long ons = observer.machineNotes.stream().filter(n -> n[3] > 0).count();
        long offs = observer.machineNotes.stream().filter(n -> n[3] == 0).count();
        assertThat(ons).as("machine note-ons heard").isPositive().isEqualTo(offs);
        long sentOns = port.messages().stream().filter(m -> m.isNoteOn() && m.channel() == 0).count();
        assertThat(ons).as("every machine note-on at the port was reported").isEqualTo(sentOns);
    }

    @Test
    void aBatchOfParametersIsSetOnThePerformerThreadAndReported() throws Exception {
        Recorded observer = new Recorded();
        PerformerParameters parameters = TinyPerformers.parameters();
        try (LiveSession session = LiveSession.open(new RecordingReceiver(NanoClock.SYSTEM, 1000),
                out -> new Performer(TinyPerformers.kernel(), parameters, 3L, out),
                ShellOptions.defaults().withShutdownHook(false).withObserver(observer))) {
            assertThat(observer.parameters).as("every starting value reported on opening").contains("temperature=0.9");
            observer.parameters.clear();
            assertThat(session.setParameters(new ParameterBatch(Map.of(Parameter.TEMPERATURE, 0.5, Parameter.KEY_ROOT, 2.0)))).isTrue();
            Await.until("the batch reported", 20, () -> observer.parameters.size() == 2);
            PerformerStatus status = new PerformerStatus();
            assertThat(session.readStatus(status)).isTrue();
            assertThat(status.temperature()).isEqualTo(0.5);
        }
        assertThat(parameters.keyRoot()).isEqualTo(2);
        assertThat(observer.parameters).containsExactlyInAnyOrder("temperature=0.5", "key_root=2.0");
    }

    @Test
    void aBatchWithAValueOutOfRangeIsNotBuilt() {
        assertThatThrownBy(() -> new ParameterBatch(Map.of(Parameter.TEMPERATURE, 0.5, Parameter.TOP_K, 1000.0)))
                .hasMessageContaining("top_k");
    }

    private static void send(SteppedShell shell, int command, int data1, int data2) throws InvalidMidiDataException {
        shell.input().send(new ShortMessage(command, 0, data1, data2), -1);
    }

    private static void step(SteppedShell shell, SimulatedClock clock, int millis) {
        for (int i = 0; i < millis; i++) {
            clock.advance(MS);
            shell.step();
        }
    }
}
