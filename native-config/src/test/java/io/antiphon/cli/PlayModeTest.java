package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --mode, play plays the mode the preset names. */
class PlayModeTest {

    @TempDir
    Path dir;

    private Path preset(String name, String parameters) throws IOException {
        if (!Files.exists(dir.resolve("mine.bundle"))) Files.write(dir.resolve("mine.bundle"), new byte[] {1});
        return Files.writeString(dir.resolve(name + ".json"), "{\"format\": \"antiphon-preset\", \"formatVersion\": 1, \"name\": \""
                + name + "\", \"description\": \"test\", \"bundle\": \"mine.bundle\", \"parameters\": " + parameters + "}");
    }

    @Test
    void aJamPresetJamsAHarmonizerHarmonizesAndAnyOtherAnswers() throws IOException {
        assertThat(PlayCommand.defaultMode(preset("groove", "{\"mode\": \"jam\"}").toString())).isEqualTo(PlayCommand.Mode.jam);
        assertThat(PlayCommand.defaultMode(preset("voices", "{\"mode\": 2}").toString())).isEqualTo(PlayCommand.Mode.harmonize);
        assertThat(PlayCommand.defaultMode(preset("plain", "{\"temperature\": 0.9}").toString())).isEqualTo(PlayCommand.Mode.call);
        assertThat(PlayCommand.defaultMode(null)).isEqualTo(PlayCommand.Mode.call);
        assertThat(PlayCommand.defaultMode("folk")).isEqualTo(PlayCommand.Mode.call);
    }
}
