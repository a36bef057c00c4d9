package io.antiphon.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * The rule every "allocates nothing once warm" test of a performer shares. The measured time is cut into rounds.
 * Allocation on the path shows in every round: one object per event is kilobytes a round. A JIT event may show once,
 * in one round: when C2 is asked to compile a method of the test's own class (the measured lambda lives there), HotSpot
 * first interns that class's string constants on the asking thread (docs/design.md, "Real-time rules"), and a
 * deoptimisation may materialise objects the compiler kept in registers. 128 to 784 bytes were seen, never in two
 * rounds of a run. So at most one round may allocate, at most {@link #ONE_OFF_BYTES}.
 */
public final class AllocationRounds {

    /** The most one round may show: a JIT one-off, never a path that allocates per event. */
    public static final long ONE_OFF_BYTES = 1_024;

    private AllocationRounds() {
    }

    /** Runs {@code round} {@code rounds} times on this thread and returns the bytes each run allocated. */
    public static long[] bytesPerRound(int rounds, Runnable round) {
        AllocationMeter meter = new AllocationMeter();
        long[] bytes = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long before = meter.allocatedBytes();
            round.run();
            bytes[r] = meter.allocatedBytes() - before;
        }
        return bytes;
    }

    /** Fails unless at most one round allocated, and it at most {@link #ONE_OFF_BYTES}. */
    public static void assertNothingAllocatedOnceWarm(long[] bytesPerRound) {
        String rounds = Arrays.toString(bytesPerRound);
        assertThat(Arrays.stream(bytesPerRound).filter(bytes -> bytes > 0).count())
                .as("rounds that allocated, of %d: %s bytes", bytesPerRound.length, rounds).isLessThanOrEqualTo(1);
        assertThat(Arrays.stream(bytesPerRound).max().orElseThrow())
                .as("bytes allocated in the worst round: %s", rounds).isLessThanOrEqualTo(ONE_OFF_BYTES);
    }
}
