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

    @Test
    void aMissingOrWrongFieldIsNamed() throws IOException {
        Files.write(dir.resolve("mine.bundle"), new byte[]{1});
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset("{\"bundle\": \"mine.bundle\"}"))).isInstanceOf(PresetException.class)
                .hasMessageContaining("the fields \"format\", \"formatVersion\" and \"name\" are missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"format\": \"antiphon-preset\",", ""))))
                .isInstanceOf(PresetException.class).hasMessageContaining("the field \"format\" is missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset("{\"format\": \"antiphon-preset\", \"bundle\": \"mine.bundle\"}")))
                .isInstanceOf(PresetException.class).hasMessageContaining("the fields \"formatVersion\" and \"name\" are missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"formatVersion\": 1,", ""))))
                .isInstanceOf(PresetException.class).hasMessageContaining("the field \"formatVersion\" is missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"formatVersion\": 1", "\"formatVersion\": \"one\""))))
                .isInstanceOf(PresetException.class).hasMessageContaining("\"formatVersion\" must be a whole number");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"name\": \"mine\",", ""))))
                .isInstanceOf(PresetException.class).hasMessageContaining("\"name\" is missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"bundle\": \"mine.bundle\",", ""))))
                .isInstanceOf(PresetException.class).hasMessageContaining("\"bundle\" is missing");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("\"cc\": {\"74\": \"temperature\"}", "\"cc\": 3"))))
                .isInstanceOf(PresetException.class).hasMessageContaining("\"cc\" must be an object");
        assertThatThrownBy(() -> PresetCatalogue.fromFile(preset(valid("mine.bundle").replace("0.9", "[1]"))))
                .isInstanceOf(PresetException.class).hasMessageContaining("parameter \"temperature\" must be a number or a choice's name");
    }

    @Test
    void parametersTakeNamesAsWellAsNumbers() throws IOException {
        Files.write(dir.resolve("mine.bundle"), new byte[]{1});
        Path file = preset(valid("mine.bundle").replace("\"temperature\": 0.9", "\"key_root\": \"D\", \"scale\": \"dorian\", \"pitch_low\": 40"));
        Preset preset = PresetCatalogue.fromFile(file).preset();
        assertThat(preset.parameters()).containsEntry("key_root", "D").containsEntry("scale", "dorian").containsEntry("pitch_low", 40.0);
    }

    @Test
    void userPresetsAreFoundByNameAfterTheShippedOnes() throws IOException {
        String before = System.getProperty(UserPresetFolder.PROPERTY);
        System.setProperty(UserPresetFolder.PROPERTY, dir.resolve("presets").toString());
        try {
            assertThat(PresetCatalogue.names()).isEqualTo(PresetCatalogue.builtInNames());
            Path mine = Files.createDirectories(dir.resolve("presets").resolve("mine"));
            Files.write(mine.resolve("mine.bundle"), new byte[]{4, 2});
            Files.writeString(mine.resolve("preset.json"), valid("mine.bundle"));
            assertThat(PresetCatalogue.names()).endsWith("mine").hasSize(PresetCatalogue.builtInNames().size() + 1);
            PresetEntry entry = PresetCatalogue.find("mine");
            assertThat(entry.origin()).isEqualTo(PresetEntry.Origin.USER);
            try (InputStream in = entry.openBundle()) {
                assertThat(in.readAllBytes()).containsExactly(4, 2);
            }
            assertThat(PresetCatalogue.find("folk").origin()).isEqualTo(PresetEntry.Origin.SHIPPED);
            assertThatThrownBy(() -> PresetCatalogue.find("yours")).isInstanceOf(PresetException.class)
                    .hasMessageContaining("mine").hasMessageContaining(dir.resolve("presets").toString());
        } finally {
            if (before == null) System.clearProperty(UserPresetFolder.PROPERTY);
            else System.setProperty(UserPresetFolder.PROPERTY, before);
        }
    }

    @Test
    void exportThenImportUnderAnotherNameKeepsEveryFile() throws IOException {
        PresetEntry folk = PresetCatalogue.builtIn("folk");
        Path exported = dir.resolve("export");
        PresetWriter.copy(folk, folk.preset(), exported);
        PresetEntry read = PresetCatalogue.find(exported.toString());
        assertThat(read.preset()).isEqualTo(folk.preset());
        assertThat(read.evaluation()).isEqualTo(folk.evaluation());
        Path imported = dir.resolve("imported");
        PresetWriter.copy(read, PresetWriter.renamed(read.preset(), "my-folk"), imported);
        PresetEntry again = PresetCatalogue.fromFile(imported.resolve("preset.json"));
        assertThat(again.preset().name()).isEqualTo("my-folk");
        try (InputStream a = folk.openBundle(); InputStream b = again.openBundle()) {
            assertThat(b.readAllBytes()).isEqualTo(a.readAllBytes());
        }
        assertThatThrownBy(() -> PresetWriter.copy(folk, folk.preset(), exported)).isInstanceOf(PresetException.class)
                .hasMessageContaining("already holds a preset");
    }
}
