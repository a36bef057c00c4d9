package io.antiphon.cli;

import io.antiphon.engine.realtime.LatencyMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --latency-mode balanced|low}, shared by {@code play}, {@code demo} and {@code bench}. */
final class LatencyModeOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private LatencyMode mode = LatencyMode.BALANCED;

    @Option(names = "--latency-mode", paramLabel = "MODE",
            description = "How the real-time thread waits: balanced (default: parks when idle, spins the last 200 us before"
                    + " a due message) or low (busy-spins one core all session: the shortest latency, for a machine given"
                    + " to playing).")
    void set(String text) {
        try {
            mode = LatencyMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--latency-mode must be balanced or low, not '" + text + "'.");
        }
    }

    LatencyMode mode() {
        return mode;
    }
}
