package io.antiphon.engine.harness;

import java.util.Objects;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.PerformerParameters;

/**
 * What {@link Flood#run} sends.
 *
 * @param model         the step model (the session's performer owns it)
 * @param parameters    the performer's parameters (the flood sets jam mode and thru off)
 * @param seconds       how long the measured flood lasts
 * @param rate          messages per second into the MIDI input
 * @param warmUpSeconds an unmeasured flood first (the JIT compiles the callback and the performer under load)
 * @param seed          seeds the messages and the sampler
 */
public record FloodOptions(StepModel model, PerformerParameters parameters, double seconds, int rate,
                           double warmUpSeconds, long seed) {

    public FloodOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        if (!(seconds > 0 && seconds <= 3600)) throw new IllegalArgumentException("the flood lasts above 0 and at most 3600 s: " + seconds);
        if (rate < 1 || rate > 1_000_000) throw new IllegalArgumentException("the flood rate must be 1..1000000 messages per second: " + rate);
        if (!(warmUpSeconds >= 0 && warmUpSeconds <= 60)) throw new IllegalArgumentException("the warm-up must be 0..60 s: " + warmUpSeconds);
    }
}
