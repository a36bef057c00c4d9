package io.antiphon.engine.realtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * {@link LatencyMode#BALANCED}: with a message due, park until {@value #SPIN_MICROS} µs before it, then spin (the
 * kernel's wake-up is late by tens to hundreds of microseconds on a loaded machine; the spin absorbs that). With none
 * due soon, Agrona's {@link BackoffIdleStrategy}: a few spins and yields right after work (the next message of a chord
 * or a run is often microseconds away), then parks growing from {@value #MIN_PARK_MICROS} to {@value #MAX_PARK_MICROS}
 * µs, so an idle performer still advances about every millisecond and costs no core. An input wakes a park at once
 * ({@code unpark}).
 */
final class BalancedWait implements WaitStrategy {

    static final long SPIN_MICROS = 200;
    static final long MIN_PARK_MICROS = 50;
    static final long MAX_PARK_MICROS = 900;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    private static final long MAX_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(MAX_PARK_MICROS);
    private static final long SPINS = 100;
    private static final long YIELDS = 10;

    private final BackoffIdleStrategy backoff = new BackoffIdleStrategy(SPINS, YIELDS,
            TimeUnit.MICROSECONDS.toNanos(MIN_PARK_MICROS), MAX_PARK_NANOS);

    @Override
    public void reset() {
        backoff.reset();
    }

    @Override
    public void idle(long now, long due) {
        long remaining = due - now;
        if (remaining <= SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (remaining <= SPIN_NANOS + MAX_PARK_NANOS) {
            LockSupport.parkNanos(this, remaining - SPIN_NANOS);
        } else {
            backoff.idle();
        }
    }
}
