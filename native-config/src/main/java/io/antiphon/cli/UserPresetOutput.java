package io.antiphon.cli;

import io.antiphon.engine.train.LossChart;
import io.antiphon.engine.train.TrainingReport;
import io.antiphon.presets.Preset;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import io.antiphon.presets.PresetWriter;
import io.antiphon.presets.UserPresetFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code train} and {@code train-roll} save what they train as one of the user's presets:
 * {@code <user preset folder>/NAME/} with {@code NAME.bundle} (written after every improving epoch),
 * {@code NAME.training.json} and {@code .png}, {@code NAME.eval.json} and, last, {@code preset.json}.
 *
 * @param name   the preset's name, checked to be free
 * @param folder its folder
 * @param claim  this run's hold on the folder (a lock on its {@value #CLAIM_FILE}), so that a second training under
 *               the same name is refused while this one runs; released when the preset is written (or the process ends)
 */
record UserPresetOutput(String name, Path folder, FileChannel claim) {

    static final String CLAIM_FILE = ".training.lock";

    /**
     * Checks the name before any work: {@code name}, or else one made from the corpus folder's name.
     *
     * @throws IOException naming the problem when the name is not valid or is taken
     */
    static UserPresetOutput create(String name, String corpus) throws IOException {
        String chosen = name != null ? name : PresetCatalogue.nameFrom(Path.of(corpus).toAbsolutePath().normalize().getFileName() == null
                ? corpus : Path.of(corpus).toAbsolutePath().normalize().getFileName().toString());
        if (chosen == null) throw new IllegalArgumentException("the folder's name makes no preset name; give one with --name");
        PresetCatalogue.checkNewName(chosen);
        Path folder = UserPresetFolder.of(chosen);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("the preset folder " + folder + " cannot be created (" + e.getMessage() + "); set "
                    + UserPresetFolder.ENVIRONMENT_VARIABLE + " to a folder you can write", e);
        }
        return new UserPresetOutput(chosen, folder, claim(chosen, folder));
    }

    /** Locks the folder's claim file for this run; refuses when another training holds it. */
    private static FileChannel claim(String name, Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(CLAIM_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another training is writing the preset '" + name + "' (in " + folder
                    + ") right now; wait for it to finish, or choose another name with --name");
        }
        return channel;
    }

    Path bundle() {
        return folder.resolve(name + ".bundle");
    }

    /** Writes {@code report} beside {@code bundle} as {@code BUNDLE-NAME.training.json} and {@code .png}; returns both paths. */
    static List<Path> writeReports(TrainingReport report, Path bundle) throws IOException {
        String base = bundle.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = bundle.toAbsolutePath().getParent();
        Path json = dir.resolve(base + ".training.json");
        Path png = dir.resolve(base + ".training.png");
        report.writeJson(json);
        LossChart.write(report, png);
        return List.of(json, png);
    }

    /**
     * Writes the reports and the preset file (the bundle is written already) and tells the user where it is and how to
     * play it.
     *
     * @param base       the preset fine-tuned from, whose parameters and CC map the new preset keeps; null for none
     * @param harmonizes whether the preset plays the harmonizer (mode harmonize)
     * @param evaluation the test figures ({@code eval --json} keys), or null
     */
    void write(PresetEntry base, String description, boolean harmonizes, TrainingReport report, Map<String, Object> evaluation)
            throws IOException {
        writeReports(report, bundle());
        String evaluationFile = null;
        if (evaluation != null) {
            evaluationFile = name + ".eval.json";
            PresetWriter.writeEvaluation(evaluation, folder.resolve(evaluationFile));
        }
        Map<String, Object> parameters = new LinkedHashMap<>(base == null ? Map.of() : base.preset().parameters());
        if (harmonizes) parameters.put(Preset.MODE_PARAMETER, "harmonize");
        Map<String, String> cc = base == null ? Map.of() : base.preset().cc();
        Preset preset = new Preset(Preset.FORMAT, Preset.FORMAT_VERSION, name, description, bundle().getFileName().toString(),
                evaluationFile, parameters, cc);
        PresetWriter.writePresetFile(preset, folder);
        claim.close();   // releases the lock
        Files.deleteIfExists(folder.resolve(CLAIM_FILE));
        PresetCatalogue.user(name);   // reads back as a preset
        System.out.println("saved the preset '" + name + "' in " + folder);
        System.out.println("play it: antiphon demo --preset " + name + "   (live: antiphon play --preset " + name + " --in KEYBOARD --out SYNTH"
                + (harmonizes ? ")" : "; Program Change " + PresetCatalogue.names().indexOf(name) + " selects it while playing)"));
    }
}
