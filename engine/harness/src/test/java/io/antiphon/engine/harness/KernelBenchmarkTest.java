package io.antiphon.engine.harness;

import io.antiphon.engine.weights.TestNetworks;
import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.KernelMath;
import io.antiphon.engine.kernel.StepEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("timing")
class KernelBenchmarkTest {

    @Test
    void recordsEveryMeasuredStepOfBothEnginesAndTheirGarbage() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        MultiLayerNetwork net = TestNetworks.perturbed(2, 16, 17L);

        Map<StepEngine, KernelBenchmark.EngineResult> results = KernelBenchmark.run(net, 50, 300, 1L);

        assertThat(results).containsOnlyKeys(StepEngine.KERNEL, StepEngine.DL4J);
        for (KernelBenchmark.EngineResult result : results.values()) {
            assertThat(result.stepNanos().getTotalCount()).isEqualTo(300);
            assertThat(result.stepNanos().getMinValue()).isPositive();
            assertThat(result.summary()).startsWith(result.engine().name()).contains("p99.9").contains("B/step").contains("(300 steps)");
        }
        assertThat(results.get(StepEngine.KERNEL).implementation()).isEqualTo(KernelMath.fastest().name());
        assertThat(results.get(StepEngine.DL4J).implementation()).isEqualTo("rnnTimeStep");
        // rnnTimeStep builds INDArrays every step; the meter must see that
        assertThat(results.get(StepEngine.DL4J).bytesPerStep()).isGreaterThan(1_000);
    }
}
