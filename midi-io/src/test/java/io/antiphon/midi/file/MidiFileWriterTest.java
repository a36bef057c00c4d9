package io.antiphon.midi.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiFileWriterTest {

    @TempDir
    Path dir;

    private static Note note(int pitch, int velocity, long start, long end) {
        return new Note(pitch, velocity, 0, 0, start, end, 0, 0);
    }

    private final MidiTrackSpec melody = new MidiTrackSpec("Melody", 0, 73, List.of(
            note(72, 100, 0, 240), note(72, 90, 240, 480),   // same key struck again as it is released
            note(74, 80, 480, 960), note(76, 70, 900, 1440)));
    private final MidiTrackSpec chords = new MidiTrackSpec("Chords ♭", 1, 0, List.of(
            note(48, 60, 0, 1920), note(52, 60, 0, 1920), note(55, 60, 0, 1920)));
    private final MidiTrackSpec drums = new MidiTrackSpec("Drums", 9, 0, List.of(note(36, 127, 0, 60), note(38, 110, 480, 540)));

    @Test
    void theJdkReadsAConductorTrackThenOneTrackPerSpec() throws Exception {
        Path file = dir.resolve("song.mid");
        MidiFileWriter.writeType1(file, 480, 90, List.of(melody, chords, drums));

        assertThat(MidiSystem.getMidiFileFormat(file.toFile()).getType()).isEqualTo(1);
        Sequence sequence = MidiSystem.getSequence(file.toFile());
        assertThat(sequence.getResolution()).isEqualTo(480);
        Track[] tracks = sequence.getTracks();
        assertThat(tracks).hasSize(4);
        MetaMessage tempo = (MetaMessage) tracks[0].get(0).getMessage();
        assertThat(tempo.getType()).isEqualTo(0x51);
        assertThat(tempo.getData()).containsExactly(0x0A, 0x2C, 0x2B);   // 666,667 µs per quarter = 90 BPM
        assertThat(new String(((MetaMessage) tracks[2].get(0).getMessage()).getData(), "UTF-8")).isEqualTo("Chords ♭");

        List<String> melodyEvents = new ArrayList<>();
        for (int i = 0; i < tracks[1].size(); i++) {
            MidiEvent event = tracks[1].get(i);
            if (event.getMessage() instanceof ShortMessage m) {
                melodyEvents.add(event.getTick() + ":" + m.getCommand() + "/" + m.getChannel() + "/" + m.getData1());
            }
        }
        assertThat(melodyEvents).containsExactly(
                "0:192/0/73", "0:144/0/72", "240:128/0/72", "240:144/0/72", "480:128/0/72", "480:144/0/74",
                "900:144/0/76", "960:128/0/74", "1440:128/0/76");
    }

    @Test
    void ourReaderGetsBackTheSameNotes() throws Exception {
        Path file = dir.resolve("song.mid");
        MidiFileWriter.writeType1(file, 480, 90, List.of(melody, chords, drums));

        MidiFileContent content = MidiFileReader.read(file);

        assertThat(content.pairing()).isEqualTo(NotePairingCounts.CLEAN);
        assertThat(content.ticksPerQuarter()).isEqualTo(480);
        assertThat(content.tempoMap().bpmAt(0)).isCloseTo(90, within(1e-3));
        List<MidiTrackSpec> specs = List.of(melody, chords, drums);
        List<Note> expected = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            MidiTrackSpec spec = specs.get(t);
            for (Note n : spec.notes()) {
                expected.add(new Note(n.pitch(), n.velocity(), spec.channel(), t + 1, n.startTick(), n.endTick(),
                        content.tempoMap().seconds(n.startTick()), content.tempoMap().seconds(n.endTick())));
            }
        }
        assertThat(content.notes()).containsExactlyElementsOf(expected.stream().sorted(MidiFileContent.NOTE_ORDER).toList());
        assertThat(content.notes()).filteredOn(n -> n.pitch() == 76)
                .extracting(Note::startSeconds, Note::endSeconds).containsExactly(tuple(900 / 480.0 * 0.666667, 1440 / 480.0 * 0.666667));
    }

    @Test
    void impossibleTracksAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new MidiTrackSpec("Lead", 16, 0, List.of()))
                .hasMessage("track 'Lead': channel out of range 0..15: 16");
        assertThatThrownBy(() -> new MidiTrackSpec("Lead", 0, 0, List.of(note(60, 0, 0, 10))))
                .hasMessage("track 'Lead': note 60 at tick 0 has velocity 0, which MIDI reads as a note-off");
        assertThatThrownBy(() -> MidiFileWriter.writeType1(dir.resolve("x.mid"), 0, 120, List.of()))
                .hasMessage("ticksPerQuarter must be 1..32767: 0");
    }
}
