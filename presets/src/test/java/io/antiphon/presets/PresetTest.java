package io.antiphon.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PresetTest {

    private static Preset withParameters(Map<String, Object> parameters) {
        return new Preset(Preset.FORMAT, Preset.FORMAT_VERSION, "mine", "test", "mine.bundle", null, parameters, Map.of());
    }

    @Test
    void theModeAPresetServesIsItsModeParameterByNameOrNumberAndCallWithoutOne() {
        assertThat(withParameters(Map.of("mode", "jam")).servedMode()).isEqualTo("jam");
        assertThat(withParameters(Map.of("mode", 1)).servedMode()).isEqualTo("jam");
        assertThat(withParameters(Map.of("mode", "harmonize")).servedMode()).isEqualTo("harmonize");
        assertThat(withParameters(Map.of("mode", 2.0)).servedMode()).isEqualTo("harmonize");
        assertThat(withParameters(Map.of("mode", "call")).servedMode()).isEqualTo("call");
        assertThat(withParameters(Map.of("temperature", 0.9)).servedMode()).isEqualTo("call");

        assertThat(withParameters(Map.of("mode", "jam")).harmonizes()).isFalse();
        assertThat(withParameters(Map.of("mode", 2)).harmonizes()).isTrue();
    }
}
