package io.antiphon.midi.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

/**
 * Writes notes as a format-1 Standard MIDI File: track 0 is the conductor track (the tempo), then one
 * track per {@link MidiTrackSpec} with its name, program change and notes. The JDK writes the bytes.
 */
public final class MidiFileWriter {

    private static final int TRACK_NAME_META = 0x03;
    private static final int TEMPO_META = 0x51;

    private MidiFileWriter() {
    }

    public static void writeType1(Path file, int ticksPerQuarter, double bpm, List<MidiTrackSpec> tracks) throws IOException {
        if (ticksPerQuarter < 1 || ticksPerQuarter > 0x7FFF) {
            throw new IllegalArgumentException("ticksPerQuarter must be 1..32767: " + ticksPerQuarter);
        }
        int microsPerQuarter = TempoMap.microsPerQuarter(bpm);
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, ticksPerQuarter);
            Track conductor = sequence.createTrack();
            byte[] tempo = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
            conductor.add(new MidiEvent(new MetaMessage(TEMPO_META, tempo, tempo.length), 0));
            for (MidiTrackSpec spec : tracks) {
                Track track = sequence.createTrack();
                byte[] name = spec.name().getBytes(StandardCharsets.UTF_8);
                track.add(new MidiEvent(new MetaMessage(TRACK_NAME_META, name, name.length), 0));
                for (TrackMessages.At at : TrackMessages.of(spec)) {
                    track.add(new MidiEvent(at.message(), at.tick()));
                }
            }
            MidiSystem.write(sequence, 1, file.toFile());
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("cannot encode MIDI for " + file + ": " + e.getMessage(), e);
        }
    }
}
