package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("timing")
class BenchTest {

    @Test
    void measuresBothEnginesAndTheWholeShellInOneRun() throws Exception {
        BenchResult result = Bench.run(new BenchOptions(null, 2, 32, 200, 500, 1, 3, 5L));

        assertThat(result.network()).isEqualTo("2x32");
        assertThat(result.kernelStep().count()).isEqualTo(500);
        assertThat(result.dl4jStep().count()).isEqualTo(500);
        assertThat(result.dl4jAllocBytesPerStep()).isGreaterThan(1_000);   // the kernel's zero needs a longer warm-up
        assertThat(result.kernelImplementation()).isNotBlank();
        assertThat(result.phrases()).isEqualTo(3);
        assertThat(result.inputToOutput().count()).isEqualTo(3L - result.unanswered());
        assertThat(result.inputToOutput().count()).isPositive();
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.shell().schedulerLateness().count()).isPositive();
        assertThat(result.counters().inputDropped()).isZero();
        assertThat(result.performerAllocBytesPerToken()).as("performer heap bytes per token after warm-up").isLessThan(1.0);

        Map<String, Object> json = result.toMap();
        assertThat(json).containsKeys("kernel_step_us", "dl4j_step_us", "kernel_alloc_bytes_per_step",
                "dl4j_alloc_bytes_per_step", "performer_alloc_bytes_per_token", "input_to_output_us", "scheduler_lateness_us");
        assertThat(result.kernelStep().toMap()).containsKeys("p50", "p99", "p999", "max");
        assertThat(json.get("kernel_step_us")).isEqualTo(result.kernelStep().toMap());
    }

    @Test
    void refusesAnEmptyRun() {
        assertThatThrownBy(() -> new BenchOptions(null, 2, 32, 0, 10, 0, 0, 1L)).hasMessageContaining("phrases must be positive: 0");
    }
}
