package io.antiphon.engine.realtime;

import java.util.Objects;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.presets.Preset;

/**
 * What a program change switches to: a model, and the preset whose parameters and CC map come with it (or
 * {@code null} to keep the current parameters).
 */
public record LoadedProgram(StepModel model, Preset preset) {

    public LoadedProgram {
        Objects.requireNonNull(model, "model");
    }
}
