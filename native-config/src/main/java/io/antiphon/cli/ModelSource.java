package io.antiphon.cli;

import io.antiphon.engine.network.BundleException;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.presets.Preset;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves what a user names as a model, the same way in every command that takes one: a preset's name (shipped or
 * the user's own), a preset JSON file, a preset folder, or a model bundle file. A bundle of another kind than the
 * command needs (a piano-roll model given to an event command, or the reverse) is refused in one sentence.
 */
final class ModelSource {

    /** What every option taking a model accepts, for help texts and messages. */
    static final String ACCEPTS = "a preset name (see antiphon presets), a preset .json file or folder, or a model bundle file";

    private ModelSource() {
    }

    /** An event model (the kind every command but the piano-roll ones plays or scores). */
    static ModelBundle load(String nameOrPath) throws IOException {
        return load(nameOrPath, BundleKind.EVENTS);
    }

    static ModelBundle load(String nameOrPath, BundleKind kind) throws IOException {
        return load(entry(nameOrPath), kind);
    }

    /**
     * The preset {@code nameOrPath} names; a bundle file is wrapped as a preset of its own (named after the file, the
     * default parameters, harmonize for a piano-roll bundle).
     */
    static PresetEntry entry(String nameOrPath) throws IOException {
        Path path = Path.of(nameOrPath);
        if (!nameOrPath.endsWith(".json") && Files.isRegularFile(path)) return bundleEntry(path);
        if (!PresetCatalogue.exists(nameOrPath) && !nameOrPath.endsWith(".json") && !Files.exists(path)
                && (nameOrPath.contains(".") || nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator))) {
            throw new NoSuchFileException(nameOrPath + " does not exist (a model is " + ACCEPTS + ")");
        }
        return PresetCatalogue.find(nameOrPath);
    }

    /** Whether the preset (or bundle) {@code nameOrPath} names serves harmonize mode; false when none is named. */
    static boolean harmonizes(String nameOrPath) throws IOException {
        return nameOrPath != null && entry(nameOrPath).preset().harmonizes();
    }

    /** The mode the preset (or bundle) {@code nameOrPath} plays when none is asked for; call when none is named. */
    static String servedMode(String nameOrPath) throws IOException {
        return nameOrPath == null ? "call" : entry(nameOrPath).preset().servedMode();
    }

    private static PresetEntry bundleEntry(Path bundle) throws IOException {
        BundleMetadata metadata = BundleFile.readMetadata(bundle);
        String file = bundle.getFileName().toString();
        String name = file.replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+", "");
        Map<String, Object> parameters = metadata.bundleKind() == BundleKind.PIANO_ROLL
                ? Map.of(Preset.MODE_PARAMETER, "harmonize") : Map.of();
        Preset preset = new Preset(Preset.FORMAT, Preset.FORMAT_VERSION, name.isEmpty() ? "bundle" : name,
                "the model bundle " + bundle, file, null, parameters, Map.of());
        return new PresetEntry(preset, PresetEntry.Origin.FILE, bundle.toString(), bundle.toString(), Map.of(),
                () -> Files.newInputStream(bundle));
    }

    /** An event model from a preset. */
    static ModelBundle load(PresetEntry entry) throws IOException {
        return load(entry, BundleKind.EVENTS);
    }

    static ModelBundle load(PresetEntry entry, BundleKind kind) throws IOException {
        try (InputStream in = entry.openBundle()) {
            return BundleFile.read(in, entry.bundlePath(), kind);
        } catch (BundleException e) {
            if (entry.origin() == PresetEntry.Origin.FILE && entry.location().equals(entry.bundlePath())) throw e;
            throw new BundleException("preset '" + entry.preset().name() + "': " + e.getMessage(), e);
        }
    }
}
