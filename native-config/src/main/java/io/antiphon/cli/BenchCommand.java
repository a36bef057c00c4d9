package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.harness.Bench;
import io.antiphon.engine.harness.BenchOptions;
import io.antiphon.engine.harness.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code antiphon bench}: step-kernel and end-to-end latency percentiles in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one run: the step kernel against DL4J's rnnTimeStep (time and heap bytes per step),",
                "MIDI callback -> output port latency through the rings and the kernel, and the scheduler's lateness.",
                "Percentiles (p50/p99/p999/max) in microseconds from HdrHistogram."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Option(names = "--steps", defaultValue = "20000", description = "Timed steps per step engine (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5000", description = "Untimed warm-up steps per step engine (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--phrases", defaultValue = "100", description = "Phrases answered through the full shell (default ${DEFAULT-VALUE}).")
    int phrases;

    @Override
    public Integer call() throws Exception {
        LoadedPreset loaded = LoadedPreset.load(report.preset, StepEngine.KERNEL);
        BenchResult result = Bench.run(new BenchOptions(loaded.bundle().network(), 0, 0, warmup, steps, 5, phrases, report.seed));
        report.print(result.toMap());
        return 0;
    }
}
