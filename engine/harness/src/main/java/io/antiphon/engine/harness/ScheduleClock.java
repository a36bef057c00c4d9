package io.antiphon.engine.harness;

import java.util.concurrent.atomic.AtomicLong;

import io.antiphon.engine.realtime.NanoClock;

/**
 * The demo session's clock, on the call's schedule: it stands at {@link #ORIGIN} until the call's first message
 * arrives ({@link #startWith}), then runs {@link #LAG_NANOS} behind the schedule that message set, so that a call
 * message, stamped with its time in the file ({@link #at}), is never behind the performer's time when it arrives however
 * late the JDK sequencer sent it. What the performer hears is then the file's timing, not the arrival instants: with the
 * same seed the same call gets the same answer. The schedule starts with the first message, not with the sequencer's
 * start: counted from the start, which the demo repeats when the sequencer stands at tick 0, the first notes came late
 * (four call notes in 5 of 150 demos here, whose answers could then not be compared; none in 150 since).
 */
final class ScheduleClock implements NanoClock {

    /** The session time of the call's start (tick 0). */
    static final long ORIGIN = 1_000_000_000L;
    /** How far the session runs behind the schedule: more than the sequencer is ever late, even on a loaded machine. */
    static final long LAG_NANOS = 250_000_000L;

    private final NanoClock system;
    private volatile long startedAt;
    private volatile boolean started;
    /** The latest time read: the clock's readers (the real-time thread, the sequencer's) never see it go back. */
    private final AtomicLong latest = new AtomicLong(ORIGIN);

    ScheduleClock(NanoClock system) {
        this.system = system;
    }

    /**
     * A call message due {@code scheduledNanos} after the call's start arrived now: if it is the first, the call started
     * that long ago, and the clock runs from then. Later messages change nothing. Called on the sequencer's thread.
     */
    void startWith(long scheduledNanos) {
        if (started) return;
        startedAt = system.nanoTime() - scheduledNanos;
        started = true;
    }

    @Override
    public long nanoTime() {
        if (!started) return ORIGIN;
        return latest.accumulateAndGet(ORIGIN + Math.max(0, system.nanoTime() - startedAt - LAG_NANOS), Math::max);
    }

    /** The session time of a call message {@code scheduledNanos} after the call's start. */
    long at(long scheduledNanos) {
        return ORIGIN + scheduledNanos;
    }
}
