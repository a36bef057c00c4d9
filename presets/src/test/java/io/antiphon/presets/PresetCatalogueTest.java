package io.antiphon.presets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresetCatalogueTest {

    @TempDir
    Path dir;

    private Path preset(String json) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, json);
        return file;
    }

    private static String valid(String bundle) {
        return """
                {"format": "antiphon-preset", "formatVersion": 1, "name": "mine", "description": "my own",
                 "bundle": "%s", "evaluation": null,
                 "parameters": {"temperature": 0.9}, "cc": {"74": "temperature"}}
                """.formatted(bundle);
    }

    @Test
    void presetFileResolvesItsBundleBesideIt() throws IOException {
        Files.write(dir.resolve("mine.bundle"), new byte[]{1, 2, 3});
        PresetEntry entry = PresetCatalogue.find(preset(valid("mine.bundle")).toString());
        assertThat(entry.preset().name()).isEqualTo("mine");
        assertThat(entry.preset().parameters()).containsEntry("temperature", 0.9);
        assertThat(entry.preset().cc()).containsEntry("74", "temperature");
        try (InputStream in = entry.openBundle()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void missingBundleIsNamed() throws IOException {
        Path file = preset(valid("absent.bundle"));
        assertThatThrownBy(() -> PresetCatalogue.fromFile(file)).isInstanceOf(PresetException.class)
                .hasMessageContaining("names bundle 'absent.bundle', which does not exist");
    }

    @Test
    void bundleOutsideThePresetFolderIsRefused() throws IOException {
        Path file = preset(valid("../../etc/passwd"));
        assertThatThrownBy(() -> PresetCatalogue.fromFile(file)).isInstanceOf(PresetException.class)
                .hasMessageContaining("must be a plain file name");
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        Path file = preset("{\"format\": \"antiphon-preset\",\n \"name\": }");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(file)).isInstanceOf(PresetException.class)
                .hasMessageContaining("is not a valid preset").hasMessageContaining("line 2");
    }

    @Test
    void unknownFieldsFutureVersionsAndBadCcKeysAreRefused() throws IOException {
        Files.write(dir.resolve("mine.bundle"), new byte[]{1});
        Path unknown = preset(valid("mine.bundle").replace("\"description\"", "\"colour\": \"red\", \"description\""));
        assertThatThrownBy(() -> PresetCatalogue.fromFile(unknown)).isInstanceOf(PresetException.class).hasMessageContaining("colour");
        Path future = preset(valid("mine.bundle").replace("\"formatVersion\": 1", "\"formatVersion\": 7"));
        assertThatThrownBy(() -> PresetCatalogue.fromFile(future)).isInstanceOf(PresetException.class).hasMessageContaining("version 7");
        Path cc = preset(valid("mine.bundle").replace("\"74\"", "\"200\""));
        assertThatThrownBy(() -> PresetCatalogue.fromFile(cc)).isInstanceOf(PresetException.class).hasMessageContaining("outside 0..127");
    }

    @Test
    void unknownNameListsTheShippedPresets() {
        assertThatThrownBy(() -> PresetCatalogue.find("no-such-preset")).isInstanceOf(PresetException.class)
                .hasMessageContaining("No preset named 'no-such-preset'");
    }

    @Test
    void missingPresetFileIsNamed() {
        assertThatThrownBy(() -> PresetCatalogue.find(dir.resolve("nothing.json").toString()))
                .isInstanceOf(PresetException.class).hasMessageContaining("does not exist");
    }
}
