package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;

/** A preset loaded for playing: its entry, its bundle's network wrapped as a step model, and its parameters. */
record LoadedPreset(PresetEntry entry, ModelBundle bundle, StepModel model, PerformerParameters parameters) {

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
}
