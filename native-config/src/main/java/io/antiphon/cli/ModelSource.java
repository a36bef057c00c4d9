package io.antiphon.cli;

import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves what a user names as a model: a bundle file, a preset name, or a preset JSON file. */
final class ModelSource {

    private ModelSource() {
    }

    static ModelBundle load(String nameOrPath) throws IOException {
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json")) return load(PresetCatalogue.fromFile(path));
        if (Files.exists(path) || nameOrPath.contains("/") || nameOrPath.contains(".")) return BundleFile.read(path);
        return load(PresetCatalogue.find(nameOrPath));
    }

    static ModelBundle load(PresetEntry entry) throws IOException {
        try (InputStream in = entry.openBundle()) {
            return BundleFile.read(in, entry.bundlePath());
        }
    }
}
