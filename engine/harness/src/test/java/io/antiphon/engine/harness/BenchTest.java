package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.antiphon.engine.realtime.LatencyMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("timing")
class BenchTest {

    @Test
    void measuresTheFloorTheKernelAndEveryPathInOneRunAndSaysHowFarItHasGot() throws Exception {
        List<String> progress = new ArrayList<>();
        BenchResult result = Bench.run(BenchOptions.defaults().withShape(2, 32).withKernelSteps(200, 500)
                .withCalls(1, 5, 2, 50, 3).withSeed(5L), progress::add);

        assertThat(result.network()).isEqualTo("2x32");
        assertThat(result.kernelStep().count()).isEqualTo(500);
        assertThat(result.dl4jStep().count()).isEqualTo(500);
        assertThat(result.dl4jAllocBytesPerStep()).isGreaterThan(1_000);   // the kernel's zero needs a longer warm-up
        assertThat(result.kernelImplementation()).isNotBlank();
        assertThat(result.floor().lateness().count()).isEqualTo(50);
        assertThat(result.latencyMode()).isEqualTo(LatencyMode.BALANCED);
        assertThat(result.bursts().inputs()).isEqualTo(5);
        assertThat(result.bursts().inputToOutput().count()).isEqualTo(5L - result.bursts().unanswered()).isPositive();
        BenchResult.PathLatency paced = result.path("paced").orElseThrow();
        assertThat(paced.inputToOutput().count()).isEqualTo(2L - paced.unanswered());
        BenchResult.PathLatency network = result.path("network_output").orElseThrow();
        assertThat(network.inputToOutput().count()).isEqualTo(3L - network.unanswered()).isPositive();
        assertThat(result.path("harmonizer")).as("no piano-roll model given").isEmpty();
        assertThat(result.paths()).extracting(BenchResult.PathLatency::key).containsExactly("bursts", "paced", "network_output");
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.shell().schedulerLateness().count()).isPositive();
        assertThat(result.counters().inputDropped()).isZero();
        assertThat(result.performerAllocBytesPerToken()).as("performer heap bytes per token after warm-up").isLessThan(1.0);
        assertThat(progress).first().asString().startsWith("bench 1/5: the machine's floor");
        assertThat(progress).anyMatch(line -> line.startsWith("bench 5/5: network MIDI output"));

        Map<String, Object> json = result.toMap();
        assertThat(json).containsKeys("input_to_output_us", "scheduler_lateness_us", "floor_lateness_us",
                "scheduler_lateness_vs_floor_p99", "input_to_output_vs_floor_p99", "paced", "network_output",
                "kernel_step_us", "dl4j_step_us", "kernel_alloc_bytes_per_step", "performer_alloc_bytes_per_token");
        assertThat(json.get("input_to_output_us")).isEqualTo(result.bursts().inputToOutput().toMap());
        assertThat(json.get("scheduler_lateness_vs_floor_p99")).isEqualTo(
                BenchResult.ratio(result.shell().schedulerLateness(), result.floor().lateness()));
    }

    @Test
    void refusesAnEmptyRun() {
        assertThatThrownBy(() -> BenchOptions.defaults().withCalls(0, 0, 1, 1, 0)).hasMessageContaining("phrases must be positive: 0");
    }
}
