package io.antiphon.engine.realtime;

import java.util.Objects;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.presets.Preset;

/**
 * What a program change switches to: an event model (for a call or jam session) or a piano-roll model with its ticks
 * per frame (for a harmonize session), and the preset whose parameters and CC map come with it (or {@code null} to
 * keep the current parameters). Exactly one of the two models is present.
 */
public record LoadedProgram(StepModel model, RollStepModel rollModel, int frameTicks, Preset preset) {

    public LoadedProgram {
        if ((model == null) == (rollModel == null)) {
            throw new IllegalArgumentException("a program is either an event model or a piano-roll model");
        }
    }

    /** An event model's program, for the call and jam performer. */
    public LoadedProgram(StepModel model, Preset preset) {
        this(Objects.requireNonNull(model, "model"), null, 0, preset);
    }

    /** A piano-roll model's program, for the harmonizer; {@code frameTicks} as {@code Harmonizer.frameTicksOf} gives. */
    public static LoadedProgram roll(RollStepModel rollModel, int frameTicks, Preset preset) {
        return new LoadedProgram(null, Objects.requireNonNull(rollModel, "rollModel"), frameTicks, preset);
    }
}
