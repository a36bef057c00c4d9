package io.antiphon.engine.realtime;

/**
 * The shell's time source, in nanoseconds on an arbitrary origin (like {@link System#nanoTime()}). Every timestamp in
 * the shell (input stamps, output times, latencies) is read from one injected clock, so tests can drive time by hand.
 */
@FunctionalInterface
public interface NanoClock {

    /** {@link System#nanoTime()}: the clock of live sessions. */
    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
