package io.antiphon.engine.realtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the real-time thread waits (parameter {@code latency_mode}, option {@code --latency-mode}): the trade between
 * a core's worth of CPU and the tail of the latency.
 */
public enum LatencyMode {

    /** Parks when idle and to a due message's last 200 µs, then spins (the default): costs little CPU. */
    BALANCED,
    /**
     * Busy-spins one core the whole session (resting 100 µs in every millisecond, see {@link SpinningWait}): the
     * shortest wake-up, for a machine dedicated to playing.
     */
    LOW;

    /** A new wait strategy for one thread. */
    public WaitStrategy newWaitStrategy() {
        return this == LOW ? new SpinningWait() : new BalancedWait();
    }

    /** The name as typed on the command line: {@code balanced} or {@code low}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code balanced} or {@code low} (any case). */
    public static LatencyMode parse(String text) {
        for (LatencyMode mode : values()) {
            if (mode.id().equalsIgnoreCase(text.trim())) return mode;
        }
        throw new IllegalArgumentException("latency mode must be one of " + Arrays.stream(values()).map(LatencyMode::id)
                .collect(Collectors.joining(", ")) + ": " + text);
    }
}
