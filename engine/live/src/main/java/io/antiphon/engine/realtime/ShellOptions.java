package io.antiphon.engine.realtime;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How a {@link LiveSession} is built.
 *
 * @param clock          the session's time source ({@link NanoClock#SYSTEM} live)
 * @param inputCapacity  input ring slots (a power of two)
 * @param inputReserve   input slots kept for releases (see {@link EventRing})
 * @param outputCapacity messages the output scheduler queues in preallocated slots
 * @param programLoader  what a Program Change loads (off the performer thread; null result: nothing assigned),
 *                       or null to ignore program changes
 * @param shutdownHook   whether a JVM shutdown hook closes the session (silencing the output) if it is still open
 * @param observer       who hears of the human's messages, the machine's notes, parameters and status (the live page)
 * @param latencyMode    how the real-time thread waits ({@link LatencyMode#BALANCED} by default)
 * @param realtimePriority whether the real-time thread asks the operating system for real-time priority
 */
public record ShellOptions(NanoClock clock, int inputCapacity, int inputReserve, int outputCapacity,
                           IntFunction<LoadedProgram> programLoader, boolean shutdownHook, SessionObserver observer, LatencyMode latencyMode,
                           boolean realtimePriority) {

    public ShellOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(latencyMode, "latencyMode");
    }

    /**
     * System clock, an input ring of 1024 slots with 64 kept for releases, 1024 output slots, no program loader, a
     * shutdown hook, no observer, balanced latency, real-time priority asked for.
     */
    public static ShellOptions defaults() {
        return new ShellOptions(NanoClock.SYSTEM, 1024, 64, 1024, null, true, SessionObserver.NONE, LatencyMode.BALANCED, true);
    }

    public ShellOptions withClock(NanoClock clock) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withRings(int inputCapacity, int inputReserve, int outputCapacity) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withProgramLoader(IntFunction<LoadedProgram> programLoader) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withObserver(SessionObserver observer) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withShutdownHook(boolean shutdownHook) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withLatencyMode(LatencyMode latencyMode) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }

    public ShellOptions withRealtimePriority(boolean realtimePriority) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, programLoader, shutdownHook, observer, latencyMode, realtimePriority);
    }
}
