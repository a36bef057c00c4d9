package io.antiphon.engine.realtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

import io.antiphon.midi.file.MidiFileWriter;
import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;

/**
 * A live session's recording: what the human played (taken at the MIDI input, before the input ring) and what the
 * session sent to the output (taken as the scheduler hands it over), each into a preallocated
 * {@link RecordingReceiver}, so recording neither blocks nor allocates on the callback or the scheduler thread. Written
 * as session.mid like the demo's: track 1 the human, track 2 Antiphon (the output's notes on the machine's channel).
 * Notes still held when it is written are left out (the output's are all released once the session has closed).
 */
public final class SessionRecording {

    /** MIDI file resolution of a written session. */
    public static final int TICKS_PER_QUARTER = 480;
    /** General MIDI program of the human's track: Acoustic Grand Piano. */
    public static final int HUMAN_PROGRAM = 0;
    /** General MIDI program of Antiphon's track: Vibraphone. */
    public static final int ANTIPHON_PROGRAM = 11;

    private final RecordingReceiver human;
    private final RecordingReceiver machine;
    private final long origin;

    /** @param capacity messages kept per side (about 12 bytes each, allocated now) */
    public SessionRecording(NanoClock clock, int capacity) {
        this.human = new RecordingReceiver(clock, capacity);
        this.machine = new RecordingReceiver(clock, capacity);
        this.origin = clock.nanoTime();
    }

    /** Wraps the session's input: each message is recorded, then passed on. For the MIDI input port's transmitter. */
    public Receiver human(Receiver sessionInput) {
        return new Tee(human, sessionInput);
    }

    /** Wraps the output port: each message is recorded, then sent. For {@link LiveSession#open}. */
    public Receiver machine(Receiver outputPort) {
        return new Tee(machine, outputPort);
    }

    /** Messages that did not fit, both sides together. */
    public long overflow() {
        return human.overflow() + machine.overflow();
    }

    /**
     * Writes the recording so far as a type-1 MIDI file at {@code bpm}.
     *
     * @param machineChannel the machine's channel, 0..15 (the output's other channels carry what thru passed)
     * @return the notes written: [human, machine]
     */
    public int[] write(Path file, double bpm, int machineChannel) throws IOException {
        TempoMap tempo = TempoMap.constant(SessionRecording.TICKS_PER_QUARTER, bpm);
        List<RecordedMessage> played = human.messages();
        List<RecordedMessage> sent = machine.messages().stream().filter(m -> m.channel() == machineChannel).toList();
        List<Note> humanNotes = RecordedNotes.pair(played, origin, tempo, 1).notes();
        List<Note> machineNotes = RecordedNotes.pair(sent, origin, tempo, 2).notes();
        int humanChannel = played.stream().filter(RecordedMessage::isNoteOn).mapToInt(RecordedMessage::channel).findFirst().orElse(0);
        MidiFileWriter.writeType1(file, SessionRecording.TICKS_PER_QUARTER, bpm, List.of(
                new MidiTrackSpec("human", humanChannel, SessionRecording.HUMAN_PROGRAM, humanNotes),
                new MidiTrackSpec("Antiphon", machineChannel, SessionRecording.ANTIPHON_PROGRAM, machineNotes)));
        return new int[]{humanNotes.size(), machineNotes.size()};
    }

    /** Records, then forwards (a forward that throws is the caller's to handle, as without the tee). */
    private record Tee(RecordingReceiver recording, Receiver next) implements Receiver {

        @Override
        public void send(MidiMessage message, long timeStamp) {
            recording.send(message, timeStamp);
            next.send(message, timeStamp);
        }

        @Override
        public void close() {
        }
    }
}
