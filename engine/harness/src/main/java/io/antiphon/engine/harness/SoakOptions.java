package io.antiphon.engine.harness;

import java.util.Objects;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.PerformerParameters;

/**
 * What {@link Soak#run} plays.
 *
 * @param model          the step model (the performer owns it during the soak)
 * @param parameters     the performer's parameters (the soak sets jam mode and thru off)
 * @param minutes        simulated minutes measured
 * @param warmUpMinutes  simulated minutes played before measuring (heap and latencies start after them)
 * @param windowMinutes  length of the first and last latency windows compared
 * @param notesPerSecond the human's notes per simulated second
 * @param seed           seeds the human part and the sampler
 */
public record SoakOptions(StepModel model, PerformerParameters parameters, int minutes, int warmUpMinutes,
                          int windowMinutes, double notesPerSecond, long seed) {

    public SoakOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        if (minutes < 1) throw new IllegalArgumentException("the soak needs at least one minute: " + minutes);
        if (warmUpMinutes < 0) throw new IllegalArgumentException("warm-up minutes must not be negative: " + warmUpMinutes);
        if (windowMinutes < 1 || windowMinutes > minutes) {
            throw new IllegalArgumentException("the latency window must be 1.." + minutes + " minutes: " + windowMinutes);
        }
        if (!(notesPerSecond > 0 && notesPerSecond <= 200)) {
            throw new IllegalArgumentException("the human's rate must be above 0 and at most 200 notes per second: " + notesPerSecond);
        }
    }
}
