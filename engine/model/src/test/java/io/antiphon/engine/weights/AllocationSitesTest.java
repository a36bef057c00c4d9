package io.antiphon.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocationSitesTest {

    private static Object kept;

    @Test
    void namesWhatWasAllocatedAndTheCodeThatAllocatedIt() {
        String sites = AllocationSites.of(i -> kept = new long[1_000 + (i & 7)], 20_000);

        assertThat(sites).contains("long[]").contains(AllocationSitesTest.class.getName() + ".lambda$");
    }

    @Test
    void saysSoWhenNothingWasAllocated() {
        long[] sum = {0};
        AllocationSites.of(i -> sum[0] += i, 1_000); // compiled first: the loop allocates nothing then
        assertThat(AllocationSites.of(i -> sum[0] += i, 1_000)).startsWith("no allocation event recorded");
    }
}
