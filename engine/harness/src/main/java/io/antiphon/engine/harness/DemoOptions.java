package io.antiphon.engine.harness;

import java.nio.file.Path;
import java.util.Objects;

import io.antiphon.engine.realtime.LatencyMode;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.PerformerParameters;

/**
 * What {@link DemoSession#run} plays.
 *
 * @param outputDirectory where session.wav, session.mid and session.png go (created if missing)
 * @param model           the answering model (the performer thread owns it from the start)
 * @param parameters      performer parameters; the demo sets the mode to call-and-response, the tempo to the call's,
 *                        thru on, and the output channel to one the call does not use
 * @param seed            the sampler's seed
 * @param callFile        the call to play, a Standard MIDI File; null for the bundled two-bar phrase
 * @param maxWaitSeconds  how long after the call ends the answer may take to finish before the session is stopped
 * @param watch           who watches the session (the live page), or {@link SessionWatch#NONE}
 * @param latencyMode     how the session's real-time thread waits
 */
public record DemoOptions(Path outputDirectory, StepModel model, PerformerParameters parameters, long seed, Path callFile,
                          double maxWaitSeconds, SessionWatch watch,
                          LatencyMode latencyMode) {

    /** Nobody watches. */
    public DemoOptions(Path outputDirectory, StepModel model, PerformerParameters parameters, long seed, Path callFile,
                       double maxWaitSeconds) {
        this(outputDirectory, model, parameters, seed, callFile, maxWaitSeconds, SessionWatch.NONE);
    }

    /** Balanced latency mode. */
    public DemoOptions(Path outputDirectory, StepModel model, PerformerParameters parameters, long seed, Path callFile,
                       double maxWaitSeconds, SessionWatch watch) {
        this(outputDirectory, model, parameters, seed, callFile, maxWaitSeconds, watch, LatencyMode.BALANCED);
    }

    public DemoOptions {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(latencyMode, "latencyMode");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        if (!(maxWaitSeconds > 0)) throw new IllegalArgumentException("the answer's time limit must be positive: " + maxWaitSeconds + " s");
    }

    /** The bundled call, default parameters, seed 1, at most 20 s for the answer. */
    public static DemoOptions of(Path outputDirectory, StepModel model) {
        return new DemoOptions(outputDirectory, model, new PerformerParameters(), 1L, null, 20);
    }

    public DemoOptions withLatencyMode(LatencyMode latencyMode) {
        return new DemoOptions(outputDirectory, model, parameters, seed, callFile, maxWaitSeconds, watch, latencyMode);
    }
}
