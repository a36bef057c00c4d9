package io.antiphon.cli;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.roll.RollBundles;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;

/**
 * A piano-roll preset loaded for harmonizing: its entry, its bundle's network on a roll step model, the ticks per
 * frame its corpus was sampled at, and its parameters. An event preset is refused in one sentence.
 */
record LoadedRollPreset(PresetEntry entry, ModelBundle bundle, RollStepModel model, int frameTicks, PerformerParameters parameters) {

    /** The preset harmonize plays unless told otherwise (built into the jar). */
    static final String DEFAULT = "chorale-roll";

    /**
     * Loads a preset by name (shipped or the user's), preset file or folder, or a bundle file ({@link ModelSource}),
     * validating everything before any note is played.
     */
    static LoadedRollPreset load(String nameOrPath, StepEngine engine) throws IOException {
        PresetEntry entry = ModelSource.entry(nameOrPath);
        PerformerParameters parameters = PerformerParameters.of(entry.preset());   // the cheap check first
        ModelBundle bundle = ModelSource.load(entry, BundleKind.PIANO_ROLL);
        int frameTicks = Harmonizer.frameTicksOf(RollBundles.framesPerQuarter(bundle.metadata()));
        return new LoadedRollPreset(entry, bundle, StepModels.createRoll(bundle.network(), engine), frameTicks, parameters);
    }

    /** The harmonizer on this preset's model, warmed up (the hot path compiled) before it plays. */
    Harmonizer harmonizer(long seed, MidiOut out) {
        Harmonizer harmonizer = new Harmonizer(model, frameTicks, parameters, seed, out);
        harmonizer.warmUp(Harmonizer.WARM_UP_FRAMES, Harmonizer.WARM_UP_ROUNDS);
        return harmonizer;
    }
}
