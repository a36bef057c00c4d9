package io.antiphon.engine.realtime;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How a {@link LiveSession} is built.
 *
 * @param clock          the session's time source ({@link NanoClock#SYSTEM} live)
 * @param inputCapacity  input ring slots (a power of two)
 * @param inputReserve   input slots kept for releases (see {@link EventRing})
 * @param outputCapacity output ring slots (a power of two); also the scheduler's preallocated queue
 * @param outputReserve  output slots kept for releases
 * @param programLoader  what a Program Change loads (off the performer thread; null result: nothing assigned),
 *                       or null to ignore program changes
 * @param shutdownHook   whether a JVM shutdown hook closes the session (silencing the output) if it is still open
 */
public record ShellOptions(NanoClock clock, int inputCapacity, int inputReserve, int outputCapacity, int outputReserve,
                           IntFunction<LoadedProgram> programLoader, boolean shutdownHook) {

    public ShellOptions {
        Objects.requireNonNull(clock, "clock");
    }

    /** System clock, rings of 1024 slots with 64 kept for releases, no program loader, a shutdown hook. */
    public static ShellOptions defaults() {
        return new ShellOptions(NanoClock.SYSTEM, 1024, 64, 1024, 64, null, true);
    }

    public ShellOptions withClock(NanoClock clock) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook);
    }

    public ShellOptions withRings(int inputCapacity, int inputReserve, int outputCapacity, int outputReserve) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook);
    }

    public ShellOptions withProgramLoader(IntFunction<LoadedProgram> programLoader) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook);
    }

    public ShellOptions withShutdownHook(boolean shutdownHook) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook);
    }
}
