package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.realtime.LatencyMode;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Adaptation on vs off: with the slow memory's learner fine-tuning on its thread and its weights swapped in at every
 * phrase boundary, the performer allocates nothing; the bench case reports both sides.
 */
@Tag("timing")
class AdaptationBenchTest {

    private final MultiLayerNetwork net = NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 32).withSeed(3L));

    @Test
    void withTheLearnerRunningThePerformerAllocatesNothingAndSwapsWeightsAtEveryPhrase() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");

        long[] on = AdaptationBench.bytesPerToken(net, true, 12, 9L);

        assertThat(on[1]).as("tokens measured").isGreaterThan(100);
        assertThat(on[2]).as("weights swapped in, one per call").isEqualTo(12);
        assertThat(on[0]).as("bytes the performer allocated with adaptation on").isZero();
    }

    @Test
    void reportsBothSidesOfTheSameRun() {
        List<String> progress = new ArrayList<>();

        AdaptationBench.Result result = AdaptationBench.run(net, 8, 6, LatencyMode.BALANCED, 5L, progress::add);

        assertThat(result.off().calls()).isEqualTo(8);
        assertThat(result.on().calls()).isEqualTo(8);
        assertThat(result.off().inputToOutput().count()).isEqualTo(8L - result.off().unanswered()).isPositive();
        assertThat(result.on().inputToOutput().count()).isEqualTo(8L - result.on().unanswered()).isPositive();
        assertThat(result.off().weightSwaps()).isZero();
        assertThat(result.on().weightSwaps()).isPositive();
        assertThat(result.toMap()).containsKeys("off", "on", "input_to_output_p99_on_vs_off");
        assertThat(result.lines()).first().asString().contains("off").contains("on");
        assertThat(progress).first().asString().startsWith("adaptation off vs on");
    }
}
