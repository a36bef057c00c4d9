package io.antiphon.engine.corpus;

import io.antiphon.midi.file.MidiFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 1,034 Nottingham folk tunes, melody and chords together, from the two-track files
 * {@code nottingham-midi/MIDI/*.mid} (the {@code melody/} subfolder is not read). Times are converted as in
 * {@link MidiFileNotes}: 24 ticks a quarter, rounded. The files have no split of their own; the split is
 * {@link FileNameSplit}: CRC-32 of the file name mod 10, 0–7 train, 8 valid, 9 test (829/92/113 tunes).
 * Pieces are named {@code nottingham-<file name without .mid>}, in file-name order. A file that cannot be
 * read, or holds a note outside the 88 keys, fails the whole read: this corpus is known to be clean.
 */
public final class NottinghamCorpus implements Corpus {

    /** Where the MIDI files lie inside the shared data folder. */
    public static final String FOLDER_IN_DATA_DIRECTORY = "nottingham-midi/MIDI";

    private final Path folder;

    /** @param folder the {@code nottingham-midi/MIDI} folder */
    public NottinghamCorpus(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The Nottingham MIDI folder " + folder + " does not exist; it is "
                    + FOLDER_IN_DATA_DIRECTORY + " in the shared data folder.");
        }
        this.folder = folder;
    }

    /** The corpus in the shared data folder {@code dataDirectory}. */
    public static NottinghamCorpus in(Path dataDirectory) {
        return new NottinghamCorpus(dataDirectory.resolve(FOLDER_IN_DATA_DIRECTORY));
    }

    @Override
    public String name() {
        return "nottingham";
    }

    @Override
    public List<Piece> pieces(Split split) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        for (Path file : files()) {
            String fileName = file.getFileName().toString();
            if (FileNameSplit.of(fileName) != split) continue;
            MidiFileNotes notes = MidiFileNotes.of(MidiFileReader.read(file));
            if (notes.outsideKeyboard() > 0) {
                throw new IOException(file + ": " + notes.outsideKeyboard()
                        + " notes lie outside the 88 keys 21..108; the Nottingham tunes span 36..88");
            }
            pieces.add(new Piece("nottingham-" + fileName.substring(0, fileName.length() - ".mid".length()), notes.notes()));
        }
        return pieces;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> f.getFileName().toString().endsWith(".mid") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }
}
