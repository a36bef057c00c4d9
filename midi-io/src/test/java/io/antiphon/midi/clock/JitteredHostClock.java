package io.antiphon.midi.clock;

import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * A simulated host sending MIDI clock: tick k is due at the sum of the tick lengths before it, at the tempo the
 * tempo function gives for each tick, and is stamped there plus a seeded uniform jitter of ±{@code jitterNanos}.
 */
final class JitteredHostClock {

    private final LongToDoubleFunction bpmAtTick;
    private final long jitterNanos;
    private final SplittableRandom random;
    private double due;
    private long tick;

    /**
     * @param startNanos when tick 0 is due
     * @param bpmAtTick  the tempo of the interval that starts at tick k
     */
    JitteredHostClock(long startNanos, LongToDoubleFunction bpmAtTick, long jitterNanos, long seed) {
        this.bpmAtTick = bpmAtTick;
        this.jitterNanos = jitterNanos;
        this.random = new SplittableRandom(seed);
        this.due = startNanos;
    }

    static double nanosPerTick(double bpm) {
        return 60e9 / (bpm * MidiClockFollower.TICKS_PER_QUARTER);
    }

    /** The index of the next tick. */
    long tick() {
        return tick;
    }

    /** When the next tick is due, without jitter. */
    long due() {
        return Math.round(due);
    }

    /** The tempo of the interval from the latest tick sent to the next. */
    double bpmNow() {
        return bpmAtTick.applyAsDouble(tick - 1);
    }

    /** Sends the next tick: its stamp (due plus jitter); the index moves on. */
    long next() {
        long stamp = Math.round(due) + (jitterNanos == 0 ? 0 : random.nextLong(-jitterNanos, jitterNanos + 1));
        due += nanosPerTick(bpmAtTick.applyAsDouble(tick));
        tick++;
        return stamp;
    }
}
