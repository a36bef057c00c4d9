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
 * Every {@code .mid} / {@code .midi} file under a folder, searched recursively. A folder of at least
 * {@value #FILE_NAME_SPLIT_FILES} files is split by {@link FileNameSplit} (CRC-32 of the file name mod 10: 0–7 train,
 * 8 valid, 9 test) when that gives each split at least one file; a smaller folder (or one whose names leave a split
 * empty) is split inside each piece by {@link PieceEndSplit} (the last 20 % of every piece held out: 10 % validation,
 * then 10 % test). Either way the rule depends on the file names alone, so {@code train} and {@code eval} on the same
 * folder agree. Notes are converted as in {@link MidiFileNotes}:
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

    /** The fewest files a folder needs to be split by file name rather than inside each piece. */
    public static final int FILE_NAME_SPLIT_FILES = 50;

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

    /** How this folder is split, for messages and bundle metadata: {@code file-name} or {@code piece-ends}. */
    @Override
    public String splitRule() throws IOException {
        return splitsByFileName(files()) ? "file-name" : "piece-ends";
    }

    /** Whether {@code files} are split by {@link FileNameSplit} (else by {@link PieceEndSplit}). */
    static boolean splitsByFileName(List<Path> files) {
        if (files.size() < FILE_NAME_SPLIT_FILES) return false;
        java.util.EnumSet<Split> seen = java.util.EnumSet.noneOf(Split.class);
        for (Path file : files) seen.add(FileNameSplit.of(file.getFileName().toString()));
        return seen.size() == Split.values().length;
    }

    /** Reads one split and reports what was skipped or dropped. */
    public Reading read(Split split) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        List<Path> withoutNotes = new ArrayList<>();
        int outsideKeyboard = 0;
        List<Path> files = files();
        boolean byFileName = splitsByFileName(files);
        for (Path file : files) {
            if (byFileName && FileNameSplit.of(file.getFileName().toString()) != split) continue;
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
            } else if (byFileName) {
                pieces.add(new Piece(pieceName(file), notes.notes()));
            } else {
                List<io.antiphon.engine.token.TimedNote> part = PieceEndSplit.part(notes.notes(), split);
                if (!part.isEmpty()) pieces.add(new Piece(pieceName(file) + (split == Split.TRAIN ? "" : "#" + split.name().toLowerCase(java.util.Locale.ROOT)), part));
            }
        }
        if (!unreadable.isEmpty() || !withoutNotes.isEmpty() || outsideKeyboard > 0) {
            LOG.info("{} split of {}: {} pieces; {} unreadable files and {} files without notes skipped; "
                            + "{} notes outside 21..108 dropped", split, folder, pieces.size(), unreadable.size(),
                    withoutNotes.size(), outsideKeyboard);
        }
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
