package io.antiphon.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllocationMeterTest {

    /** Where allocated arrays escape to, so the JIT cannot scalar-replace them. */
    private Object sink;
    private long counter;

    @BeforeEach
    void requireSupport() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
    }

    @Test
    void countsTheArraysABodyAllocates() {
        AllocationMeter meter = new AllocationMeter();

        double perCall = meter.bytesPerCall(i -> sink = new long[128], 1_000, 1_000);

        // 128 longs plus an array header: at least 1,040 bytes each
        assertThat(perCall).isGreaterThanOrEqualTo(128 * Long.BYTES + 16);
    }

    @Test
    void aBodyThatAllocatesNothingMeasuresNothingPerCall() {
        AllocationMeter meter = new AllocationMeter();

        double perCall = meter.bytesPerCall(i -> counter += i, 20_000, 10_000);

        // nothing per call (an allocation would be 16 bytes a call or more); a JIT one-off may leave a few hundred bytes
        // in all (AllocationRounds has the why)
        assertThat(perCall).isLessThan(1.0);
        assertThat(counter).isPositive();
    }

    @Test
    void aBodyThatAlwaysAllocatesStillCountsAfterEveryRound() {
        AllocationMeter meter = new AllocationMeter();
        int[] calls = {0};

        double perCall = meter.settledBytesPerCall(i -> {
            sink = new long[128];
            calls[0]++;
        }, 100, 100, 3);

        assertThat(perCall).isGreaterThanOrEqualTo(128 * Long.BYTES + 16);
        assertThat(calls[0]).as("three rounds of warm-up and counting").isEqualTo(3 * 200);
    }

    @Test
    void aBodyThatAllocatesNothingSettlesAtNothing() {
        AllocationMeter meter = new AllocationMeter();

        double perCall = meter.settledBytesPerCall(i -> counter += i, 20_000, 10_000, 30);

        assertThat(perCall).isLessThan(1.0);
    }
}
