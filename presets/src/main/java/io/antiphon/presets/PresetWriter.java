package io.antiphon.presets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a preset as a folder: its bundle, its evaluation report (when it has one) and, last, its preset.json, so a
 * folder only counts as a preset ({@link UserPresetFolder#names()}) once everything it names is there.
 */
public final class PresetWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PresetWriter() {
    }

    /** Writes {@code preset} as {@code folder/preset.json} (the files it names must already be beside it). */
    public static Path writePresetFile(Preset preset, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(UserPresetFolder.PRESET_FILE);
        Path partial = folder.resolve(UserPresetFolder.PRESET_FILE + ".partial");
        Files.write(partial, JSON.writeValueAsBytes(preset));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Writes an evaluation report (the keys {@code antiphon eval --json} prints) as JSON. */
    public static void writeEvaluation(Map<String, Object> evaluation, Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(evaluation));
    }

    /**
     * Copies {@code entry} (its bundle, evaluation and preset.json, under {@code preset}'s name) into {@code folder},
     * which must not hold a preset yet.
     *
     * @param preset the preset to write: {@code entry.preset()}, or a copy renamed
     * @throws PresetException when {@code folder} holds a preset already
     */
    public static Path copy(PresetEntry entry, Preset preset, Path folder) throws IOException {
        if (Files.exists(folder.resolve(UserPresetFolder.PRESET_FILE))) {
            throw new PresetException(folder + " already holds a preset; remove it first or choose another folder.");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw new PresetException(folder + " is a file, not a folder.");
        Files.createDirectories(folder);
        try (InputStream in = entry.openBundle()) {
            Files.copy(in, folder.resolve(preset.bundle()), StandardCopyOption.REPLACE_EXISTING);
        }
        if (preset.evaluation() != null) writeEvaluation(entry.evaluation(), folder.resolve(preset.evaluation()));
        return writePresetFile(preset, folder);
    }

    /** {@code preset} under another name (its files keep their names). */
    public static Preset renamed(Preset preset, String name) {
        return new Preset(preset.format(), preset.formatVersion(), name, preset.description(), preset.bundle(),
                preset.evaluation(), preset.parameters(), preset.cc());
    }
}
