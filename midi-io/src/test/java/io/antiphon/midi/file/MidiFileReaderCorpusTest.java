package io.antiphon.midi.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The reader against third-party files: pretty_midi ground truth and bulk corpora (see SOURCE.md of each). */
class MidiFileReaderCorpusTest {

    private static final double ONE_MS = 0.001;
    private static Path data;

    @BeforeAll
    static void locateData() {
        String dir = System.getProperty("antiphon.data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "midi-reader-testset")),
                "corpus not found: set system property antiphon.data to the shared data folder (got " + dir + ")");
        data = Path.of(dir);
    }

    private record TruthNote(int pitch, double start, double end) { }

    @Test
    void everyGroundTruthNoteIsFoundWithItsOnsetWithinOneMillisecond() throws IOException {
        List<Path> truths;
        try (Stream<Path> files = Files.walk(data.resolve("midi-reader-testset/tonejs-piano-midi-de"))) {
            truths = files.filter(p -> p.toString().endsWith(".mid.txt")).sorted().toList();
        }
        assertThat(truths).hasSize(13);
        int notes = 0;
        int endsAgreeing = 0;
        List<Executable> checks = new ArrayList<>();
        for (Path truthFile : truths) {
            Path midi = Path.of(truthFile.toString().replaceFirst("\\.txt$", ""));
            List<TruthNote> expected = readTruth(truthFile);
            List<Note> actual = MidiFileReader.read(midi).notes().stream()
                    .sorted(Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch)
                            .thenComparingDouble(Note::endSeconds)).toList();
            checks.add(() -> assertThat(actual).as(midi + " note count").hasSameSizeAs(expected));
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                TruthNote want = expected.get(i);
                Note got = actual.get(i);
                String where = midi.getFileName() + " note " + i;
                checks.add(() -> assertThat(got.pitch()).as(where + " pitch").isEqualTo(want.pitch()));
                checks.add(() -> assertThat(got.startSeconds()).as(where + " onset").isCloseTo(want.start(), within(ONE_MS)));
                if (Math.abs(got.endSeconds() - want.end()) < ONE_MS) {
                    endsAgreeing++;
                } else {
                    checks.add(() -> assertThat(overlapsSameKey(got, actual)).as(where + " ends at %.4f s, pretty_midi says %.4f s,"
                            + " which only its close-all rule for a key sounding twice explains", got.endSeconds(), want.end()).isTrue());
                }
                notes++;
            }
        }
        System.out.printf("ground truth: %d notes in %d files, onsets and pitches checked; end times agree within 1 ms for %d (%.2f%%)%n",
                notes, truths.size(), endsAgreeing, 100.0 * endsAgreeing / notes);
        assertAll(checks);
        assertThat(notes).isEqualTo(18_489);
        assertThat(endsAgreeing).isGreaterThan(notes * 99 / 100);
    }

    @Test
    void everyNottinghamFileReadsAsOneChannelOfVelocity90NotesAtDefaultTempo() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("nottingham-midi/MIDI", "nottingham-midi/MIDI/melody")) {
            try (Stream<Path> list = Files.list(data.resolve(dir))) {
                list.filter(p -> p.toString().endsWith(".mid")).forEach(files::add);
            }
        }
        assertThat(files).hasSize(2_068);
        long notes = 0;
        for (Path file : files) {
            MidiFileContent content = MidiFileReader.read(file);
            assertThat(content.ticksPerQuarter()).as(file.toString()).isEqualTo(1024);
            assertThat(content.tempoMap().seconds(1024)).as(file.toString()).isEqualTo(0.5);
            assertThat(content.notes()).as(file.toString()).isNotEmpty()
                    .allSatisfy(n -> {
                        assertThat(n.channel()).isZero();
                        assertThat(n.velocity()).isEqualTo(90);
                    });
            notes += content.notes().size();
        }
        System.out.printf("nottingham: %d files read, %d notes%n", files.size(), notes);
    }

    /** Paired-note counts from SOURCE.md's inventory, which kept zero-length notes (we drop and count them). */
    @Test
    void music21AndBartokFilesGiveTheInventorysNoteCounts() throws IOException {
        Map<String, Integer> inventory = Map.ofEntries(
                Map.entry("test01", 18), Map.entry("test02", 163), Map.entry("test03", 1391), Map.entry("test04", 6059),
                Map.entry("test05", 13), Map.entry("test06", 120), Map.entry("test07", 318), Map.entry("test08", 17),
                Map.entry("test09", 2875), Map.entry("test10", 16), Map.entry("test11", 48), Map.entry("test12", 12),
                Map.entry("test13", 8), Map.entry("test14", 17), Map.entry("test15", 5), Map.entry("test16", 3),
                Map.entry("test17", 53), Map.entry("test18", 34), Map.entry("test19", 34), Map.entry("test20", 34),
                Map.entry("test21", 34));
        List<Executable> checks = new ArrayList<>();
        inventory.forEach((name, count) -> checks.add(() -> {
            MidiFileContent content = MidiFileReader.read(data.resolve("midi-reader-testset/music21-testPrimitive/" + name + ".mid"));
            assertThat(content.notes().size() + content.pairing().zeroLengthDropped()).as(name).isEqualTo(count);
            assertThat(content.pairing().unmatchedNoteOns()).as(name + " unmatched").isZero();
        }));
        assertAll(checks);

        MidiFileContent bartok = MidiFileReader.read(data.resolve("midi-reader-testset/tonejs-musescore-cc0/bartok/concerto_for_orchestra_1.mid"));
        System.out.println("bartok: " + bartok.notes().size() + " notes, " + bartok.pairing());
        assertThat(bartok.format()).isEqualTo(1);
        assertThat(bartok.ticksPerQuarter()).isEqualTo(480);
        assertThat(bartok.notes().size() + bartok.pairing().zeroLengthDropped()).isEqualTo(19_083);
        assertThat(bartok.pairing().strayNoteOffs()).isEqualTo(30_766 - 19_083 + bartok.pairing().unmatchedNoteOns());
        assertThat(bartok.notes()).extracting(Note::channel).contains(Note.PERCUSSION_CHANNEL);
        assertThat(bartok.pitchedNotes()).isNotEmpty().noneMatch(Note::isPercussion);
    }

    /** Whether another note of the same key (track, channel, pitch) sounds while {@code note} does. */
    private static boolean overlapsSameKey(Note note, List<Note> all) {
        return all.stream().anyMatch(o -> o != note && o.track() == note.track() && o.channel() == note.channel()
                && o.pitch() == note.pitch() && o.startTick() < note.endTick() && note.startTick() < o.endTick());
    }

    private static List<TruthNote> readTruth(Path file) throws IOException {
        List<TruthNote> notes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("track")) continue;
            String[] f = line.split("\t");
            notes.add(new TruthNote(Integer.parseInt(f[0].trim()), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        notes.sort(Comparator.comparingDouble(TruthNote::start).thenComparingInt(TruthNote::pitch).thenComparingDouble(TruthNote::end));
        return notes;
    }
}
