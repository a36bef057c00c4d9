package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.FailingStepModel;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecordingTest {

    private static final int HUMAN_CHANNEL = 2;

    @Test
    void afterAnExceptionOnThePerformerThreadTheOutputIsSilentAndTheRecordingSoFarIsWritten(@TempDir Path dir) throws Exception {
        PerformerParameters parameters = TinyPerformers.parameters();
        FailingStepModel model = new FailingStepModel(TinyPerformers.kernel());
        RecordingReceiver port = new RecordingReceiver(NanoClock.SYSTEM, 1 << 16);
        SessionRecording recording = new SessionRecording(NanoClock.SYSTEM, 1 << 16);
        LiveSession session = LiveSession.open(recording.machine(port), out -> new Performer(model, parameters, 11L, out),
                ShellOptions.defaults().withShutdownHook(false));
        Path file = dir.resolve("session.mid");
        try {
            Receiver keyboard = recording.human(session.input());
            for (int key : new int[]{60, 64, 67}) {
                keyboard.send(message(ShortMessage.NOTE_ON, key, 90), -1);
                keyboard.send(message(ShortMessage.NOTE_OFF, key, 0), -1);
            }
            keyboard.send(message(ShortMessage.CONTROL_CHANGE, 80, 127), -1); // answer now
            Await.until("the answer's first note at the port", 10, () -> port.firstNoteOnAt(0) >= 0);
            model.failAtStep(1);
            Await.until("the performer thread to fail", 10, () -> !session.isRunning());
        } finally {
            session.close();
        }
        int[] written = recording.write(file, parameters.tempoBpm(), parameters.outputChannel() - 1);

        assertThat(session.failure()).get().isInstanceOf(FailingStepModel.InjectedFault.class);
        List<RecordedMessage> sent = port.messages();
        assertThat(RecordedNotes.pair(sent, 0, TempoMap.constant(480, 120), 1).hanging()).as("notes left sounding").isZero();
        MidiFileContent content = MidiFileReader.read(file);
        List<Note> human = content.notes().stream().filter(n -> n.channel() == HUMAN_CHANNEL).toList();
        List<Note> machine = content.notes().stream().filter(n -> n.channel() == parameters.outputChannel() - 1).toList();
        assertThat(human).extracting(Note::pitch).containsExactly(60, 64, 67);
        assertThat(machine).isNotEmpty();
        assertThat(written).containsExactly(human.size(), machine.size());
        assertThat(recording.overflow()).isZero();
    }

    private static ShortMessage message(int command, int data1, int data2) throws InvalidMidiDataException {
        return new ShortMessage(command, HUMAN_CHANNEL, data1, data2);
    }
}
