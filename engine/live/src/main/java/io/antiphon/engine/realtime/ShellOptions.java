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
 * @param observer       who hears of the human's messages, the machine's notes, parameters and status (the live page)
 */
public record ShellOptions(NanoClock clock, int inputCapacity, int inputReserve, int outputCapacity, int outputReserve,
                           IntFunction<LoadedProgram> programLoader, boolean shutdownHook, SessionObserver observer) {

    public ShellOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(observer, "observer");
    }

    /** System clock, rings of 1024 slots with 64 kept for releases, no program loader, a shutdown hook, no observer. */
    public static ShellOptions defaults() {
        return new ShellOptions(NanoClock.SYSTEM, 1024, 64, 1024, 64, null, true, SessionObserver.NONE);
    }

    public ShellOptions withClock(NanoClock clock) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook, observer);
    }

    public ShellOptions withRings(int inputCapacity, int inputReserve, int outputCapacity, int outputReserve) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook, observer);
    }

    public ShellOptions withProgramLoader(IntFunction<LoadedProgram> programLoader) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook, observer);
    }

    public ShellOptions withObserver(SessionObserver observer) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook, observer);
    }

    public ShellOptions withShutdownHook(boolean shutdownHook) {
        return new ShellOptions(clock, inputCapacity, inputReserve, outputCapacity, outputReserve, programLoader, shutdownHook, observer);
    }
}
