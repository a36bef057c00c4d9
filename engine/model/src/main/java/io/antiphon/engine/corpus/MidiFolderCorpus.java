package io.antiphon.engine.corpus;

import io.antiphon.midi.file.MidiFileException;
import io.antiphon.midi.file.MidiFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code .mid} / {@code .midi} file under a folder, searched recursively, split by {@link FileNameSplit}
 * (CRC-32 of the file name mod 10: 0–7 train, 8 valid, 9 test). Notes are converted as in {@link MidiFileNotes}:
 * pitched notes only (percussion channel excluded), 24 ticks a quarter. Notes outside the 88 keys 21..108 are
 * dropped and counted; files that cannot be read are skipped with a warning and counted, as are files left
 * without notes. Pieces are named by their path under the folder without extension, e.g. {@code bach/bach_846}.
 */
public final class MidiFolderCorpus implements Corpus {

    private static final Logger LOG = LoggerFactory.getLogger(MidiFolderCorpus.class);

    /**
     * One split as read, with what was left out.
     *
     * @param pieces               the pieces, in path order
     * @param unreadableFiles      files skipped because they could not be read as MIDI
     * @param filesWithoutNotes    files with no pitched note on the 88 keys
     * @param notesOutsideKeyboard notes dropped for lying outside 21..108
     */
    public record Reading(List<Piece> pieces, List<Path> unreadableFiles, List<Path> filesWithoutNotes,
                          int notesOutsideKeyboard) {

        public Reading {
            pieces = List.copyOf(pieces);
            unreadableFiles = List.copyOf(unreadableFiles);
            filesWithoutNotes = List.copyOf(filesWithoutNotes);
        }
    }

    private final Path folder;

    public MidiFolderCorpus(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The MIDI folder " + folder.toAbsolutePath() + " does not exist or is not a directory.");
        }
        this.folder = folder;
    }

    /** The folder's own name. */
    @Override
    public String name() {
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        return fileName == null ? folder.toAbsolutePath().toString() : fileName.toString();
    }

    @Override
    public List<Piece> pieces(Split split) throws IOException {
        return read(split).pieces();
    }

    /** Reads one split and reports what was skipped or dropped. */
    public Reading read(Split split) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        List<Path> withoutNotes = new ArrayList<>();
        int outsideKeyboard = 0;
        for (Path file : files()) {
            if (FileNameSplit.of(file.getFileName().toString()) != split) continue;
            MidiFileNotes notes;
            try {
                notes = MidiFileNotes.of(MidiFileReader.read(file));
            } catch (MidiFileException e) {
                LOG.warn("Skipping a MIDI file that cannot be read: {}", e.getMessage());
                unreadable.add(file);
                continue;
            }
            outsideKeyboard += notes.outsideKeyboard();
            if (notes.notes().isEmpty()) {
                withoutNotes.add(file);
            } else {
                pieces.add(new Piece(pieceName(file), notes.notes()));
            }
        }
        LOG.info("{} split of {}: {} pieces; {} unreadable files and {} files without notes skipped; "
                        + "{} notes outside 21..108 dropped", split, folder, pieces.size(), unreadable.size(),
                withoutNotes.size(), outsideKeyboard);
        return new Reading(pieces, unreadable, withoutNotes, outsideKeyboard);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(f -> isMidiFileName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    private static boolean isMidiFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mid") || lower.endsWith(".midi");
    }

    private String pieceName(Path file) {
        String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        return relative.substring(0, relative.lastIndexOf('.'));
    }
}
