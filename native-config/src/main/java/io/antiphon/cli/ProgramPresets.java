package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.realtime.LoadedProgram;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Program Change n loads the n-th preset in {@code antiphon presets} order (the shipped presets, then the user's by
 * name; the list is read at each change, so a preset trained during the session is found). A call or jam session
 * takes event presets, a harmonize session piano-roll presets; a number naming no preset, or a preset of the other
 * kind, is ignored with a warning and the session plays on.
 */
final class ProgramPresets {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramPresets.class);

    private ProgramPresets() {
    }

    /** The loader for a call or jam session (event presets). */
    static IntFunction<LoadedProgram> forEvents(StepEngine engine) {
        return loader(false, engine);
    }

    /** The loader for a harmonize session (piano-roll presets). */
    static IntFunction<LoadedProgram> forHarmonizer(StepEngine engine) {
        return loader(true, engine);
    }

    private static IntFunction<LoadedProgram> loader(boolean harmonize, StepEngine engine) {
        return program -> {
            try {
                List<String> names = PresetCatalogue.names();
                if (program < 0 || program >= names.size()) {
                    LOG.warn("Program Change {} names no preset (there are {}: {})", program, names.size(), names);
                    return null;
                }
                String name = names.get(program);
                PresetEntry entry = PresetCatalogue.find(name);
                if (entry.preset().harmonizes() != harmonize) {
                    LOG.warn("Program Change {} names '{}', a {} preset; this session plays {} presets", program, name,
                            entry.preset().harmonizes() ? "harmonizer" : "call and jam",
                            harmonize ? "harmonizer" : "call and jam");
                    return null;
                }
                if (harmonize) {
                    LoadedRollPreset roll = LoadedRollPreset.load(name, engine);
                    return LoadedProgram.roll(roll.model(), roll.frameTicks(), roll.entry().preset());
                }
                LoadedPreset loaded = LoadedPreset.load(name, engine);
                return new LoadedProgram(loaded.model(), loaded.entry().preset());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Program Change {} could not load its preset: {}", program, e.getMessage());
                return null;
            }
        };
    }
}
