package io.antiphon.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The options both trainers share (a picocli mixin: {@code train} for the event model, {@code train-roll} for the
 * harmonizer): where the result goes (a preset in the user's folder, or just a bundle), what training starts from,
 * the time budget and the seed; and the checks of them that run before any corpus is read or epoch run.
 */
final class TrainingRunOptions {

    /** The shipped presets' corpora, named rather than given as a folder. */
    private static final List<String> NAMED_CORPORA = List.of("jsb", "nottingham");

    @Option(names = "--name", description = "The preset's name (default: the folder's name, in lower case with dashes).")
    String name;

    @Option(names = "--out", paramLabel = "BUNDLE", description = "Write just the model bundle to this file, no preset.")
    Path out;

    @Option(names = {"--from", "--init"}, paramLabel = "MODEL", description = {"Fine-tune this model, a preset of the same kind: "
            + ModelSource.ACCEPTS + ".", "Default for a folder: the shipped preset of that kind that predicts it best; for jsb and"
            + " nottingham: none."})
    String from;

    @Option(names = "--from-scratch", description = "Start from random weights instead of a preset.")
    boolean fromScratch;

    @Option(names = "--max-minutes", description = "Wall-time budget in minutes, 0 = none (default " + TrainCommand.FOLDER_MAX_MINUTES
            + " on a folder of your music, none on jsb and nottingham); the best epoch so far is kept.")
    Integer maxMinutes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, dropout, shuffling and augmentation (default ${DEFAULT-VALUE}).")
    long seed;

    /** Whether {@code corpus} is a folder of the user's music rather than a shipped preset's corpus. */
    static boolean isFolder(String corpus) {
        return !NAMED_CORPORA.contains(corpus);
    }

    /**
     * Checks the options against each other and the paths, before any work; returns where the preset goes, or null
     * when {@code --out} asks for just a bundle (then the preset name is free and the folder made later).
     */
    UserPresetOutput check(String corpus) throws java.io.IOException {
        if (from != null && fromScratch) throw new IllegalArgumentException("--from and --from-scratch exclude each other");
        if (out != null) PathChecks.outputFile(out, "--out");   // before the corpus is read or an epoch is run
        if (out != null && name != null) throw new IllegalArgumentException("--name names a preset; with --out only a bundle is written");
        if (isFolder(corpus)) PathChecks.inputFolder(Path.of(corpus), "--corpus");
        return out == null ? UserPresetOutput.create(name, corpus) : null;   // the name is free
    }

    /** The time budget in minutes: as given, else {@code folderDefault} on a folder of the user's music, else none (0). */
    int maxMinutes(boolean folder, int folderDefault) {
        return maxMinutes != null ? maxMinutes : folder ? folderDefault : 0;
    }
}
