package io.antiphon.engine.realtime;

/**
 * A {@link NanoClock} that moves only when told to: simulated time for a {@link SteppedShell}, so that an hour of
 * playing runs in as long as the work takes. One thread moves it; any thread may read it.
 */
public final class SimulatedClock implements NanoClock {

    private volatile long nanos;

    @Override
    public long nanoTime() {
        return nanos;
    }

    /** Moves the time forward by {@code nanos} (not negative). */
    public void advance(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("simulated time cannot go back: " + nanos + " ns");
        this.nanos += nanos;
    }
}
