package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;

import io.antiphon.engine.sampling.Scale;
import io.antiphon.presets.Preset;
import org.junit.jupiter.api.Test;

class PerformerParametersTest {

    private static Preset preset(Map<String, ?> values, Map<String, String> cc) {
        return new Preset(Preset.FORMAT, 1, "test", "a test preset", "test.bundle", null, new java.util.HashMap<>(values), cc);
    }

    @Test
    void everyParameterStartsAtItsDefault() {
        PerformerParameters parameters = new PerformerParameters();

        for (Parameter p : Parameter.values()) {
            assertThat(parameters.get(p)).as(p.label()).isEqualTo(p.defaultValue());
            p.check(p.defaultValue());
        }
        assertThat(parameters.mode()).isEqualTo(PerformerMode.CALL_AND_RESPONSE);
        assertThat(parameters.scale()).isEqualTo(Scale.CHROMATIC);
        assertThat(parameters.tempoBpm()).isEqualTo(120);
        assertThat(parameters.outputChannel()).isEqualTo(1);
        assertThat(parameters.thru()).as("thru is off by default").isFalse();
    }

    @Test
    void controllerValuesSpanEachRange() {
        assertThat(Parameter.TEMPERATURE.fromController(0)).isEqualTo(0.0);
        assertThat(Parameter.TEMPERATURE.fromController(127)).isEqualTo(2.0);
        assertThat(Parameter.TEMPERATURE.fromController(64)).isCloseTo(1.0, offset(0.01));
        assertThat(Parameter.TOP_K.fromController(127)).isEqualTo(240);
        assertThat(Parameter.MAX_POLYPHONY.fromController(64)).isEqualTo(9); // 1 + 15 * 64/127 = 8.56, rounded
        assertThat(Parameter.PITCH_LOW.fromController(0)).isEqualTo(21);
        assertThat(Parameter.TEMPO_BPM.fromController(127)).isEqualTo(300);
    }

    @Test
    void choicesSplitTheControllerIntoEqualZones() {
        assertThat(Parameter.MODE.fromController(42)).isEqualTo(0);
        assertThat(Parameter.MODE.fromController(43)).isEqualTo(1);
        assertThat(Parameter.MODE.fromController(85)).isEqualTo(1);
        assertThat(Parameter.MODE.fromController(86)).isEqualTo(2);
        assertThat(Parameter.THRU.fromController(63)).isEqualTo(0);
        assertThat(Parameter.THRU.fromController(64)).isEqualTo(1);
        assertThat(Parameter.THRU.describe(1)).isEqualTo("on");
        assertThat(Parameter.SCALE.fromController(0)).isEqualTo(Scale.CHROMATIC.ordinal());
        assertThat(Parameter.SCALE.fromController(127)).isEqualTo(Scale.WHOLE_TONE.ordinal());
        assertThat(Parameter.KEY_ROOT.fromController(127)).isEqualTo(11);
        assertThat(Parameter.KEY_ROOT.describe(2)).isEqualTo("D");
        assertThat(Parameter.SCALE.describe(4)).isEqualTo("dorian");
    }

    @Test
    void theDefaultControllerMapMatchesTheDocumentedTable() {
        ControlMap map = new PerformerParameters().controls();

        assertThat(map.parameterAt(16)).isEqualTo(Parameter.TEMPERATURE);
        assertThat(map.parameterAt(19)).isEqualTo(Parameter.MODE);
        assertThat(map.parameterAt(76)).isEqualTo(Parameter.SCALE);
        assertThat(map.parameterAt(83)).isEqualTo(Parameter.TEMPO_BPM);
        assertThat(map.parameterAt(85)).isEqualTo(Parameter.THRU);
        assertThat(map.actionAt(80)).isEqualTo(ControlAction.ANSWER_NOW);
        assertThat(map.actionAt(81)).isEqualTo(ControlAction.RESET_MEMORY);
        assertThat(map.actionAt(82)).isEqualTo(ControlAction.ALL_NOTES_OFF);
        assertThat(map.parameterAt(74)).as("left free for MPE").isNull();
        assertThat(map.actionAt(74)).isNull();
    }

    @Test
    void aPresetOverridesValuesAndControllers() {
        PerformerParameters parameters = PerformerParameters.of(preset(
                Map.of("temperature", 0.5, "scale", 4.0, "mode", 1.0),
                Map.of("21", "temperature", "16", "none", "70", "reset_memory")));

        assertThat(parameters.temperature()).isEqualTo(0.5);
        assertThat(parameters.scale()).isEqualTo(Scale.DORIAN);
        assertThat(parameters.mode()).isEqualTo(PerformerMode.JAM);
        assertThat(parameters.controls().parameterAt(21)).isEqualTo(Parameter.TEMPERATURE);
        assertThat(parameters.controls().parameterAt(16)).isNull();
        assertThat(parameters.controls().actionAt(70)).isEqualTo(ControlAction.RESET_MEMORY);
        assertThat(parameters.controls().parameterAt(70)).isNull();
        assertThat(parameters.controls().controllerOf(Parameter.TEMPERATURE)).isEqualTo(21);
        assertThat(parameters.controls().parameterAt(17)).as("defaults the preset leaves alone").isEqualTo(Parameter.TOP_P);
    }

    @Test
    void anUnknownParameterIsNamedWithTheValidOnes() {
        PerformerParameters parameters = new PerformerParameters();

        assertThatThrownBy(() -> parameters.applyPreset(preset(Map.of("temprature", 0.5), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preset 'test'")
                .hasMessageContaining("unknown performer parameter 'temprature'")
                .hasMessageContaining("valid parameters: mode, temperature, top_k, top_p");
        assertThatThrownBy(() -> parameters.set("tempo", 100)).hasMessageContaining("'tempo'").hasMessageContaining("tempo_bpm");
    }

    @Test
    void aValueOutOfRangeIsNamedWithTheRange() {
        PerformerParameters parameters = new PerformerParameters();

        assertThatThrownBy(() -> parameters.set(Parameter.TOP_P, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("performer parameter 'top_p' must be within 0.05..1.0, got 1.5");
        assertThatThrownBy(() -> parameters.set(Parameter.TOP_K, 2.5)).hasMessageContaining("'top_k' takes whole numbers (0..240)");
        assertThatThrownBy(() -> parameters.set(Parameter.MODE, 3)).hasMessageContaining("0..2 (0 = call, 1 = jam, 2 = harmonize)");
    }

    @Test
    void aBadControllerMapIsRefusedAndChangesNothing() {
        PerformerParameters parameters = new PerformerParameters();

        assertThatThrownBy(() -> parameters.applyPreset(preset(Map.of("temperature", 0.1), Map.of("22", "warmth"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CC 22 is mapped to unknown target 'warmth'")
                .hasMessageContaining("answer_now");
        assertThatThrownBy(() -> parameters.applyPreset(preset(Map.of(), Map.of("64", "temperature"))))
                .hasMessageContaining("CC 64 cannot be mapped");
        assertThatThrownBy(() -> parameters.applyPreset(preset(Map.of(), Map.of("ten", "temperature"))))
                .hasMessageContaining("CC map key 'ten' is not a controller number");
        assertThat(parameters.temperature()).isEqualTo(Parameter.TEMPERATURE.defaultValue());
        assertThat(parameters.controls().parameterAt(22)).isNull();
    }

    @Test
    void setFromControllerReturnsTheValueSet() {
        PerformerParameters parameters = new PerformerParameters();

        double value = parameters.setFromController(Parameter.PITCH_HIGH, 127);

        assertThat(value).isEqualTo(108);
        assertThat(parameters.pitchHigh()).isEqualTo(108);
    }

    @Test
    void choicesTakeTheirNamesInAPreset() {
        PerformerParameters parameters = PerformerParameters.of(preset(Map.of("key_root", "D", "scale", "Dorian", "mode", "jam"), Map.of()));
        assertThat(parameters.keyRoot()).isEqualTo(2);
        assertThat(parameters.scale()).isEqualTo(Scale.DORIAN);
        assertThat(parameters.mode()).isEqualTo(PerformerMode.JAM);
        assertThat(Parameter.KEY_ROOT.parse("Bb")).isEqualTo(10);
        assertThat(Parameter.KEY_ROOT.parse("f#")).isEqualTo(6);
        assertThat(Parameter.KEY_ROOT.parse("Cb")).isEqualTo(11);
        assertThat(Parameter.SCALE.parse("4")).isEqualTo(4);
        assertThat(Parameter.TEMPERATURE.parse("0.5")).isEqualTo(0.5);
        assertThatThrownBy(() -> PerformerParameters.of(preset(Map.of("scale", "dorain"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'scale' takes one of chromatic, major")
                .hasMessageContaining("not 'dorain'");
        assertThatThrownBy(() -> Parameter.TEMPERATURE.parse("hot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'temperature' takes a number within 0.0..2.0");
    }
}
