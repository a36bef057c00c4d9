package io.antiphon.engine.harness;

import java.util.concurrent.atomic.AtomicLong;

import io.antiphon.engine.realtime.NanoClock;

/**
 * The demo session's clock, on the call's schedule: it stands at {@link #ORIGIN} until the call starts, then runs
 * {@link #LAG_NANOS} behind the schedule, so that a call message, stamped with its time in the file
 * ({@link #at}), is never behind the performer's time when it arrives however late the JDK sequencer sent it. What the
 * performer hears is then the file's timing, not the arrival instants: with the same seed the same call gets the same
 * answer. Started again (the sequencer dropped its start and was started again), the schedule counts from the new start;
 * the clock never runs backwards, but stands until the new schedule catches up with it.
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

    /** The call starts now (just before the sequencer starts, or starts again). */
    void start() {
        startedAt = system.nanoTime();
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
