package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antiphon.engine.token.TimedNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void aSmallFolderReadsEveryFileForEachSplitAndCountsWhatWasLeftOut() throws IOException {
        MidiFolderCorpus corpus = new MidiFolderCorpus(folder);
        assertThat(corpus.splitRule()).isEqualTo("piece-ends");
        MidiFolderCorpus.Reading reading = corpus.read(Split.TRAIN);
        List<Piece> pieces = reading.pieces();
        // Both pieces have fewer than PieceEndSplit.MIN_NOTES notes: all of each is training, nothing is held out.
        assertThat(pieces).extracting(Piece::name).containsExactlyInAnyOrder("a", "deeper/b");
        assertThat(corpus.pieces(Split.VALID)).isEmpty();
        assertThat(corpus.pieces(Split.TEST)).isEmpty();
        Piece a = pieces.stream().filter(p -> p.name().equals("a")).findFirst().orElseThrow();
        assertThat(a.notes()).containsExactly(
                new TimedNote(60, 100, 0, 24), new TimedNote(62, 90, 24, 25), new TimedNote(64, 90, 25, 37));
        Piece b = pieces.stream().filter(p -> p.name().equals("deeper/b")).findFirst().orElseThrow();
        assertThat(b.notes()).containsExactly(new TimedNote(108, 1, 48, 72));
        assertThat(reading.unreadableFiles()).containsExactly(folder.resolve("deeper/broken.mid"));
        assertThat(reading.filesWithoutNotes()).containsExactly(folder.resolve("drums.mid"));
        assertThat(reading.notesOutsideKeyboard()).isEqualTo(2);
    }

    @Test
    void threeFilesGiveEverySplitTheEndsOfTheirPieces() throws Exception {
        for (String name : new String[]{"one.mid", "two.mid", "three.mid"}) {
            FileNote[] scale = new FileNote[20];
            for (int i = 0; i < scale.length; i++) scale[i] = new FileNote(0, 60 + i, 80, i * 240L, i * 240L + 240);
            writeMidi(folder.resolve("own/" + name), scale);
        }
        MidiFolderCorpus corpus = new MidiFolderCorpus(folder.resolve("own"));
        assertThat(corpus.pieces(Split.TRAIN)).hasSize(3).allSatisfy(p -> assertThat(p.notes()).hasSize(16));
        assertThat(corpus.pieces(Split.VALID)).hasSize(3).allSatisfy(p -> {
            assertThat(p.name()).endsWith("#valid");
            assertThat(p.notes()).extracting(TimedNote::pitch).containsExactly(76, 77);
            assertThat(p.notes().get(0).startTick()).isZero();
        });
        assertThat(corpus.pieces(Split.TEST)).hasSize(3).allSatisfy(p -> assertThat(p.notes()).extracting(TimedNote::pitch).containsExactly(78, 79));
    }

    @Test
    void fiftyFilesOrMoreAreSplitByFileNameWhenEverySplitGetsOne() {
        List<Path> many = new ArrayList<>();
        for (int i = 0; i < MidiFolderCorpus.FILE_NAME_SPLIT_FILES; i++) many.add(Path.of("tune" + i + ".mid"));
        assertThat(MidiFolderCorpus.splitsByFileName(many)).isTrue();
        assertThat(MidiFolderCorpus.splitsByFileName(many.subList(0, MidiFolderCorpus.FILE_NAME_SPLIT_FILES - 1))).isFalse();
        List<Path> noTest = many.stream().filter(p -> FileNameSplit.of(p.toString()) != Split.TEST).toList();
        List<Path> padded = new ArrayList<>(noTest);
        for (int i = 0; padded.size() < MidiFolderCorpus.FILE_NAME_SPLIT_FILES + 10; i++) {
            Path extra = Path.of("more" + i + ".mid");
            if (FileNameSplit.of(extra.toString()) != Split.TEST) padded.add(extra);
        }
        assertThat(MidiFolderCorpus.splitsByFileName(padded)).as("no file falls in the test split").isFalse();
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
