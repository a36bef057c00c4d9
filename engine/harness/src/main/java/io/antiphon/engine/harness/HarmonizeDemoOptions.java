package io.antiphon.engine.harness;

import java.nio.file.Path;
import java.util.Objects;

import io.antiphon.engine.realtime.LatencyMode;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.perform.PerformerParameters;

/**
 * What {@link HarmonizeDemo#run} plays.
 *
 * @param outputDirectory where session.wav, session.mid and session.png go (created if missing)
 * @param model           the piano-roll model (the harmonizer owns it from the start)
 * @param frameTicks      ticks (1/24 beat) per model frame (see {@link io.antiphon.engine.perform.Harmonizer#frameTicksOf})
 * @param parameters      performer parameters; the demo sets the mode to harmonize, the tempo to the melody's, thru on,
 *                        and the output channel to one the melody does not use
 * @param seed            the sampler's seed
 * @param melodyFile      the melody to play, a Standard MIDI File; null for the shipped chorale line
 * @param maxWaitSeconds  how long after the melody ends the voices may take to end before the session is stopped
 * @param watch           who watches the session (the live page), or {@link SessionWatch#NONE}
 * @param latencyMode     how the session's real-time thread waits
 */
public record HarmonizeDemoOptions(Path outputDirectory, RollStepModel model, int frameTicks, PerformerParameters parameters,
                                   long seed, Path melodyFile, double maxWaitSeconds, SessionWatch watch,
                                   LatencyMode latencyMode) {

    /** Nobody watches. */
    public HarmonizeDemoOptions(Path outputDirectory, RollStepModel model, int frameTicks, PerformerParameters parameters,
                                long seed, Path melodyFile, double maxWaitSeconds) {
        this(outputDirectory, model, frameTicks, parameters, seed, melodyFile, maxWaitSeconds, SessionWatch.NONE);
    }

    /** Balanced latency mode. */
    public HarmonizeDemoOptions(Path outputDirectory, RollStepModel model, int frameTicks, PerformerParameters parameters,
                                long seed, Path melodyFile, double maxWaitSeconds, SessionWatch watch) {
        this(outputDirectory, model, frameTicks, parameters, seed, melodyFile, maxWaitSeconds, watch, LatencyMode.BALANCED);
    }

    public HarmonizeDemoOptions {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(latencyMode, "latencyMode");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        if (!(maxWaitSeconds > 0)) throw new IllegalArgumentException("the time limit must be positive: " + maxWaitSeconds + " s");
    }

    public HarmonizeDemoOptions withLatencyMode(LatencyMode latencyMode) {
        return new HarmonizeDemoOptions(outputDirectory, model, frameTicks, parameters, seed, melodyFile, maxWaitSeconds, watch, latencyMode);
    }
}
