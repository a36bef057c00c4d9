package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.LoadedProgram;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/** A preset loaded for playing: its entry, its bundle's network wrapped as a step model, and its parameters. */
record LoadedPreset(PresetEntry entry, ModelBundle bundle, StepModel model, PerformerParameters parameters) {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedPreset.class);

    /**
     * Loads a preset by name (shipped or the user's), preset file or folder, or a bundle file ({@link ModelSource}),
     * validating everything before any note is played.
     */
    static LoadedPreset load(String nameOrPath, StepEngine engine) throws IOException {
        PresetEntry entry = ModelSource.entry(nameOrPath);
        PerformerParameters parameters = PerformerParameters.of(entry.preset());   // the cheap check first
        ModelBundle bundle = ModelSource.load(entry);
        return new LoadedPreset(entry, bundle, StepModels.create(bundle.network(), engine), parameters);
    }

    /**
     * Program Change n loads the n-th preset in {@code antiphon presets} order (the shipped presets, then the user's by
     * name; the list is read at each change, so a preset trained during the session is found); a number naming no
     * preset, or a harmonizer preset, is ignored with a warning.
     */
    static IntFunction<LoadedProgram> programLoader(StepEngine engine) {
        return program -> {
            try {
                List<String> names = PresetCatalogue.names();
                if (program < 0 || program >= names.size()) {
                    LOG.warn("Program Change {} names no preset (there are {}: {})", program, names.size(), names);
                    return null;
                }
                PresetEntry entry = PresetCatalogue.find(names.get(program));
                if (entry.preset().harmonizes()) {
                    LOG.warn("Program Change {} names '{}', a harmonizer preset; this session plays call and jam presets", program, names.get(program));
                    return null;
                }
                LoadedPreset loaded = load(names.get(program), engine);
                return new LoadedProgram(loaded.model(), loaded.entry().preset());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Program Change {} could not load its preset: {}", program, e.getMessage());
                return null;
            }
        };
    }
}
