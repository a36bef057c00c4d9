package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antiphon.engine.token.TimedNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiFolderCorpusTest {

    @TempDir
    Path folder;

    /** One note to write: channel, key, velocity, on tick, off tick (in the file's 480 ticks a quarter). */
    private record FileNote(int channel, int key, int velocity, long on, long off) {
    }

    private static void writeMidi(Path file, FileNote... notes) throws IOException, InvalidMidiDataException {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        for (FileNote n : notes) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.key(), n.velocity()), n.on()));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.key(), 0), n.off()));
        }
        Files.createDirectories(file.getParent());
        MidiSystem.write(sequence, 1, file.toFile());
    }

    @BeforeEach
    void aFolderOfGoodBadAndEmptyFiles() throws Exception {
        writeMidi(folder.resolve("a.mid"),
                new FileNote(0, 60, 100, 0, 480),     // a quarter note: 24 ticks
                new FileNote(0, 62, 90, 480, 484),    // 0.2 model ticks: rounds to zero length, lasts 1 tick
                new FileNote(0, 64, 90, 490, 730),    // 24.5 .. 36.5 rounds (halves up) to 25 .. 37
                new FileNote(9, 36, 120, 0, 240),     // percussion: excluded
                new FileNote(0, 12, 90, 0, 240));     // below the 88 keys: dropped and counted
        writeMidi(folder.resolve("deeper/b.MIDI"), new FileNote(3, 108, 1, 960, 1440), new FileNote(0, 109, 1, 0, 10));
        writeMidi(folder.resolve("drums.mid"), new FileNote(9, 38, 100, 0, 240));
        Files.writeString(folder.resolve("deeper/broken.mid"), "not a MIDI file");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
    }

    @Test
    void everySplitTogetherHoldsTheReadableFilesAndCountsWhatWasLeftOut() throws IOException {
        MidiFolderCorpus corpus = new MidiFolderCorpus(folder);
        List<Piece> pieces = new ArrayList<>();
        Map<String, Split> splitOf = new HashMap<>();
        List<Path> unreadable = new ArrayList<>();
        List<Path> withoutNotes = new ArrayList<>();
        int outside = 0;
        for (Split split : Split.values()) {
            MidiFolderCorpus.Reading reading = corpus.read(split);
            pieces.addAll(reading.pieces());
            reading.pieces().forEach(p -> splitOf.put(p.name(), split));
            unreadable.addAll(reading.unreadableFiles());
            withoutNotes.addAll(reading.filesWithoutNotes());
            outside += reading.notesOutsideKeyboard();
        }
        assertThat(splitOf).containsEntry("a", FileNameSplit.of("a.mid")).containsEntry("deeper/b", FileNameSplit.of("b.MIDI"));
        assertThat(pieces).extracting(Piece::name).containsExactlyInAnyOrder("a", "deeper/b");
        Piece a = pieces.stream().filter(p -> p.name().equals("a")).findFirst().orElseThrow();
        assertThat(a.notes()).containsExactly(
                new TimedNote(60, 100, 0, 24), new TimedNote(62, 90, 24, 25), new TimedNote(64, 90, 25, 37));
        Piece b = pieces.stream().filter(p -> p.name().equals("deeper/b")).findFirst().orElseThrow();
        assertThat(b.notes()).containsExactly(new TimedNote(108, 1, 48, 72));
        assertThat(unreadable).containsExactly(folder.resolve("deeper/broken.mid"));
        assertThat(withoutNotes).containsExactly(folder.resolve("drums.mid"));
        assertThat(outside).isEqualTo(2);
    }

    @Test
    void theNameIsTheFolderName() {
        assertThat(new MidiFolderCorpus(folder).name()).isEqualTo(folder.getFileName().toString());
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThatThrownBy(() -> new MidiFolderCorpus(folder.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
    }
}
