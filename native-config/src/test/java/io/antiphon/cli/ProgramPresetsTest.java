package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.realtime.LoadedProgram;
import io.antiphon.presets.PresetCatalogue;
import org.junit.jupiter.api.Test;

/** Program Change on the shipped presets: each session kind takes its own kind of preset and ignores the other. */
class ProgramPresetsTest {

    @Test
    void aHarmonizeSessionLoadsPianoRollPresetsAndACallSessionEventPresets() throws Exception {
        List<String> names = PresetCatalogue.names();
        int roll = names.indexOf("chorale-roll");
        int events = names.indexOf("chorale");
        assertThat(roll).isNotNegative();
        assertThat(events).isNotNegative();

        LoadedProgram harmonizer = ProgramPresets.forHarmonizer(StepEngine.KERNEL).apply(roll);
        assertThat(harmonizer).isNotNull();
        assertThat(harmonizer.rollModel()).isNotNull();
        assertThat(harmonizer.model()).isNull();
        assertThat(harmonizer.frameTicks()).isEqualTo(24);
        assertThat(harmonizer.preset().name()).isEqualTo("chorale-roll");
        assertThat(ProgramPresets.forHarmonizer(StepEngine.KERNEL).apply(events)).as("an event preset in a harmonize session").isNull();

        LoadedProgram call = ProgramPresets.forEvents(StepEngine.KERNEL).apply(events);
        assertThat(call).isNotNull();
        assertThat(call.model()).isNotNull();
        assertThat(ProgramPresets.forEvents(StepEngine.KERNEL).apply(roll)).as("a piano-roll preset in a call session").isNull();
        assertThat(ProgramPresets.forEvents(StepEngine.KERNEL).apply(names.size())).as("a number naming no preset").isNull();
    }
}
