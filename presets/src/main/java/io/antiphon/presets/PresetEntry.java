package io.antiphon.presets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A validated preset and where its files are: shipped inside the jar or on disk.
 *
 * @param preset     the preset
 * @param origin     shipped, in the user's preset folder, or a preset file given by path
 * @param location   where the preset JSON is (a path or a classpath URL)
 * @param bundlePath where the bundle is (a path or a classpath URL)
 * @param evaluation the evaluation report's JSON, parsed (empty when the preset names none)
 * @param opener     opens the bundle's bytes
 */
public record PresetEntry(Preset preset, Origin origin, String location, String bundlePath, Map<String, Object> evaluation,
                          BundleOpener opener) {

    /** Where a preset comes from. */
    public enum Origin {
        /** Built into Antiphon. */
        SHIPPED,
        /** In the user's preset folder ({@link UserPresetFolder}). */
        USER,
        /** A preset JSON file named by its path. */
        FILE
    }

    /** Opens a preset's bundle. */
    @FunctionalInterface
    public interface BundleOpener {
        InputStream open() throws IOException;
    }

    public InputStream openBundle() throws IOException {
        return opener.open();
    }
}
