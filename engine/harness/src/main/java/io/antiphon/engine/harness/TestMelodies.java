package io.antiphon.engine.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.antiphon.engine.corpus.FileNameSplit;
import io.antiphon.engine.corpus.Split;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileException;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;

/**
 * Score melodies for {@link GrooveEvaluation} from the test split of the Nottingham melody files (the folk corpus's
 * monophonic {@code MIDI/melody} folder): the first {@code bars} 4/4 bars of each, from the bar of its first note,
 * as rows of {onset beat, duration beats, pitch} with beat 0 a downbeat.
 */
public final class TestMelodies {

    /** Where the melody files are in the data directory. */
    public static final String FOLDER = "nottingham-midi/MIDI/melody";

    private TestMelodies() {
    }

    /**
     * The first {@code count} test-split melodies (by file name), {@code bars} bars each.
     *
     * @throws IOException if the folder cannot be listed or a file cannot be read
     */
    public static List<double[][]> nottingham(Path dataDirectory, int count, int bars) throws IOException {
        Path folder = dataDirectory.resolve(FOLDER);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".mid"))
                    .filter(p -> FileNameSplit.of(p.getFileName().toString()) == Split.TEST).sorted().toList();
        }
        List<double[][]> melodies = new ArrayList<>();
        for (Path file : files) {
            if (melodies.size() == count) break;
            MidiFileContent content;
            try {
                content = MidiFileReader.read(file);
            } catch (MidiFileException e) {
                throw new IOException(e.getMessage(), e);
            }
            double[][] melody = firstBars(content, bars);
            if (melody.length >= 8) melodies.add(melody);
        }
        return melodies;
    }

    /**
     * The melodies of the Standard MIDI Files in {@code folder} (".mid" or ".midi", by file name, at most
     * {@code count}), {@code bars} 4/4 bars each as {@link #nottingham} takes them: a user's own calls. A file that
     * cannot be read, or holds fewer than eight notes in those bars, is passed over with a sentence saying why, added
     * to {@code passedOver}.
     *
     * @throws IOException if the folder cannot be listed
     */
    public static List<double[][]> fromFolder(Path folder, int count, int bars, List<String> passedOver) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return (name.endsWith(".mid") || name.endsWith(".midi")) && Files.isRegularFile(p);
            }).sorted().toList();
        }
        List<double[][]> melodies = new ArrayList<>();
        for (Path file : files) {
            if (melodies.size() == count) break;
            try {
                double[][] melody = firstBars(MidiFileReader.read(file), bars);
                if (melody.length >= 8) {
                    melodies.add(melody);
                } else {
                    passedOver.add(file.getFileName() + " has " + melody.length + " notes in its first " + bars + " bars, fewer than 8");
                }
            } catch (MidiFileException e) {
                passedOver.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        return melodies;
    }

    static double[][] firstBars(MidiFileContent content, int bars) {
        List<Note> notes = content.pitchedNotes();
        if (notes.isEmpty()) return new double[0][];
        double tpq = content.ticksPerQuarter();
        double first = notes.get(0).startTick() / tpq;
        double barStart = Math.floor(first / 4) * 4;
        List<double[]> rows = new ArrayList<>();
        double lastOnset = Double.NEGATIVE_INFINITY;
        for (Note note : notes) {
            double onset = note.startTick() / tpq - barStart;
            if (onset >= bars * 4 || onset <= lastOnset) continue;   // monophonic: the first (lowest) note of a chord
            lastOnset = onset;
            rows.add(new double[] {onset, Math.max(0.125, note.durationTicks() / tpq), note.pitch()});
        }
        return rows.toArray(new double[0][]);
    }

    /**
     * {@code melody} with a rest of {@code beats} inserted inside the phrase: after the middle one of the notes that
     * start on a beat in its second half of the first three bars (beats 4..10), every later note comes {@code beats}
     * later; the note before the rest keeps its length. Unchanged for 0 beats or when no note fits.
     */
    public static double[][] withRest(double[][] melody, double beats) {
        return withRest(melody, beats, Double.NaN);
    }

    /**
     * As {@link #withRest(double[][], double)}, but with {@code afterBeat} a number, the rest comes after the first note
     * (not the last) that starts on a beat at or after {@code afterBeat} (4: after the first bar's downbeat note).
     */
    public static double[][] withRest(double[][] melody, double beats, double afterBeat) {
        if (beats <= 0) return melody;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i + 1 < melody.length; i++) {
            double onset = melody[i][0];
            boolean onABeat = Math.abs(onset - Math.rint(onset)) < 1e-6;
            if (onABeat && (Double.isNaN(afterBeat) ? onset >= 4 && onset <= 10 : onset >= afterBeat)) candidates.add(i);
        }
        if (candidates.isEmpty()) return melody;
        int after = candidates.get(Double.isNaN(afterBeat) ? candidates.size() / 2 : 0);
        double[][] rows = new double[melody.length][];
        for (int i = 0; i < melody.length; i++) {
            rows[i] = melody[i].clone();
            if (i > after) rows[i][0] += beats;
        }
        return rows;
    }
}
