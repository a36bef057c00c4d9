package io.antiphon.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files and folders given on the command line before a command does any work (loads a model, opens a
 * port, plays, trains): each problem is refused as one sentence that names the option and the path (exit 2). A file
 * to be written needs an existing, writable folder; a folder to be written may be missing if its parent exists.
 */
final class PathChecks {

    private PathChecks() {
    }

    /** A file to read: it exists, is not a folder and can be read. Nothing to check when {@code file} is null. */
    static void inputFile(Path file, String option) {
        if (file == null) return;
        if (Files.isDirectory(file)) throw refused(option, file, "is a folder, not a file");
        if (!Files.exists(file)) throw refused(option, file, "does not exist");
        if (!Files.isReadable(file)) throw refused(option, file, "cannot be read");
    }

    /** A folder to read: it exists and is a folder. */
    static void inputFolder(Path folder, String option) {
        if (folder == null) return;
        if (!Files.exists(folder)) throw refused(option, folder, "does not exist");
        if (!Files.isDirectory(folder)) throw refused(option, folder, "is a file, not a folder");
    }

    /** A file to write (replaced if it exists): not a folder, and its folder exists and can be written. */
    static void outputFile(Path file, String option) {
        if (file == null) return;
        if (Files.isDirectory(file)) throw refused(option, file, "is a folder: give the name of a file to write");
        if (Files.exists(file) && !Files.isWritable(file)) throw refused(option, file, "exists and cannot be written");
        writableParent(file, option);
    }

    /** A folder to write into: an existing writable folder, or a missing one whose parent folder exists (it is created). */
    static void outputFolder(Path folder, String option) {
        if (folder == null) return;
        if (Files.isDirectory(folder)) {
            if (!Files.isWritable(folder)) throw refused(option, folder, "is a folder that cannot be written");
            return;
        }
        if (Files.exists(folder)) throw refused(option, folder, "is a file: give a folder (it is created if missing)");
        writableParent(folder, option);
    }

    private static void writableParent(Path path, String option) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent == null) return;
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": the folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": the folder " + parent + " cannot be written");
        }
    }

    private static IllegalArgumentException refused(String option, Path path, String problem) {
        return new IllegalArgumentException(option + " " + path + " " + problem);
    }
}
