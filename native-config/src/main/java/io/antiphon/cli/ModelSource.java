package io.antiphon.cli;

import io.antiphon.engine.network.BundleException;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves what a user names as a model: a bundle file, a preset name, or a preset JSON file. A bundle of another
 * kind than the command needs (a piano-roll model given to an event command, or the reverse) is refused in one sentence.
 */
final class ModelSource {

    private ModelSource() {
    }

    /** An event model (the kind every command but the piano-roll ones plays or scores). */
    static ModelBundle load(String nameOrPath) throws IOException {
        return load(nameOrPath, BundleKind.EVENTS);
    }

    static ModelBundle load(String nameOrPath, BundleKind kind) throws IOException {
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json")) return load(PresetCatalogue.fromFile(path), kind);
        if (Files.exists(path) || nameOrPath.contains("/") || nameOrPath.contains(".")) return BundleFile.read(path, kind);
        return load(PresetCatalogue.find(nameOrPath), kind);
    }

    /** An event model from a preset. */
    static ModelBundle load(PresetEntry entry) throws IOException {
        return load(entry, BundleKind.EVENTS);
    }

    static ModelBundle load(PresetEntry entry, BundleKind kind) throws IOException {
        try (InputStream in = entry.openBundle()) {
            return BundleFile.read(in, entry.bundlePath(), kind);
        } catch (BundleException e) {
            throw new BundleException("preset '" + entry.preset().name() + "': " + e.getMessage(), e);
        }
    }
}
