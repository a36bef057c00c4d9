package io.antiphon.engine.realtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link NanoClock} that moves only when told to. */
final class ManualClock implements NanoClock {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    void set(long value) {
        nanos.set(value);
    }

    void advanceMillis(double millis) {
        nanos.addAndGet(Math.round(millis * TimeUnit.MILLISECONDS.toNanos(1)));
    }
}
