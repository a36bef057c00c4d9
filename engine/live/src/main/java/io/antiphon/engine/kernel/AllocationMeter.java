package io.antiphon.engine.kernel;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes of Java heap the current thread allocates, through
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}. Used to prove that a hot path allocates
 * nothing once warmed up. Only what the calling thread allocates is counted; off-heap (ND4J) memory is not.
 */
public final class AllocationMeter {

    /**
     * A measured body. It gets the iteration number, so a caller can vary its input per iteration from a
     * preallocated array without capturing anything per iteration.
     */
    @FunctionalInterface
    public interface Body {
        void run(int iteration);
    }

    private final com.sun.management.ThreadMXBean threads;

    /** @throws UnsupportedOperationException if this JVM cannot count per-thread allocation */
    public AllocationMeter() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this JVM (" + System.getProperty("java.vm.name")
                    + ") cannot count per-thread allocated bytes (com.sun.management.ThreadMXBean)");
        }
        if (!bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        this.threads = bean;
    }

    /** Whether this JVM can count per-thread allocation (HotSpot can). */
    public static boolean isSupported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported();
    }

    /** Bytes the current thread has allocated since it started. */
    public long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Bytes allocated by {@code iterations} calls of {@code body} on the current thread (no warm-up). */
    public long measure(Body body, int iterations) {
        long before = allocatedBytes();
        for (int i = 0; i < iterations; i++) {
            body.run(i);
        }
        return allocatedBytes() - before;
    }

    /**
     * Runs {@code body} {@code warmups} times, then returns the mean bytes allocated per call over {@code iterations} calls.
     * The warm-up goes through the same measuring loop, so the JIT has compiled that loop too before it counts.
     */
    public double bytesPerCall(Body body, int warmups, int iterations) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive: " + iterations);
        measure(body, warmups);
        return (double) measure(body, iterations) / iterations;
    }

    /**
     * {@link #bytesPerCall} again, up to {@code rounds} times, until a round counts nothing; returns the last round's
     * bytes per call. Each round warms up again first: until the JIT has compiled {@code body}'s callee it allocates, and
     * on a busy machine that can take longer than one warm-up (one clean-clone CI run still counted 3,168 bytes a step
     * of the LSTM kernel after five rounds of 20,000 steps); once compiled, a hot path that allocates nothing counts 0.
     * Other CI runs counted the same 3,168 bytes after thirty rounds: no lag, but a compiled state that allocates for
     * good, which tiered compilation now and then reaches (docs/design.md, JIT and warm-up).
     */
    public double settledBytesPerCall(Body body, int warmups, int iterations, int rounds) {
        double perCall = Double.NaN;
        for (int round = 0; round < rounds && perCall != 0; round++) {
            perCall = bytesPerCall(body, warmups, iterations);
        }
        return perCall;
    }
}
