package io.antiphon.presets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the preset JSON loader with Jazzer. In a normal build this replays the committed
 * seeds in {@code PresetFuzzTestInputs/<method>/} as regression tests; with {@code JAZZER_FUZZ=1} it fuzzes
 * (README, "Hostile input").
 */
class PresetFuzzTest {

    private static final String SOURCE = "fuzz.json";

    @FuzzTest
    void anyBytesAreAPresetOrRefusedInOneSentence(byte[] json) {
        Preset preset;
        try {
            preset = PresetCatalogue.parse(json, SOURCE);
        } catch (PresetException e) {
            assertThat(e.getMessage()).startsWith(SOURCE).doesNotContain("\n");
            return;
        }
        assertThat(preset.format()).isEqualTo(Preset.FORMAT);
        assertThat(preset.formatVersion()).isEqualTo(Preset.FORMAT_VERSION);
        assertThat(preset.name()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(preset.bundle()).doesNotContain("/", "\\", "..");
        for (Map.Entry<String, Object> parameter : preset.parameters().entrySet()) {
            if (parameter.getValue() instanceof Double value) assertThat(value).isFinite();
            else assertThat(parameter.getValue()).isInstanceOf(String.class);
        }
        for (String cc : preset.cc().keySet()) {
            assertThat(Integer.parseInt(cc)).isBetween(0, 127);
        }
    }
}
