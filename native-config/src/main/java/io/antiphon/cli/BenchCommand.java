package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.harness.Bench;
import io.antiphon.engine.harness.AdaptationBench;
import io.antiphon.engine.harness.BenchOptions;
import io.antiphon.engine.harness.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code antiphon bench}: the live path's latencies against the machine's floor, and the step kernel, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one run: the machine's floor (deadlines met with the real-time thread's own wait),",
                "the step kernel against DL4J's rnnTimeStep (time and heap bytes per step), call and response through",
                "the whole shell in bursts and paced as a person plays (input -> first answer note at the output), the",
                "harmonizer's path and the network MIDI output path, each against the floor. Percentiles",
                "(p50/p99/p99.9/max) in microseconds from HdrHistogram; progress on stderr; a table, or --json."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Mixin
    LatencyModeOption latency = new LatencyModeOption();

    @Option(names = "--roll-preset", defaultValue = "chorale-roll",
            description = "Piano-roll preset whose harmonizer is measured (default ${DEFAULT-VALUE}); 'none' to skip.")
    String rollPreset;

    @Option(names = "--steps", defaultValue = "20000", description = "Timed steps per step engine (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5000", description = "Untimed warm-up steps per step engine (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--phrases", defaultValue = "2000", description = "Calls answered in bursts through the whole shell (default ${DEFAULT-VALUE}).")
    int phrases;

    @Option(names = "--paced", defaultValue = "100", description = "Calls paced as a person plays, one every 50-500 ms (default ${DEFAULT-VALUE}).")
    int paced;

    @Option(names = "--floor", defaultValue = "3000", description = "Deadlines the floor probe waits for (default ${DEFAULT-VALUE}).")
    int floor;

    @Option(names = "--harmonizer-notes", defaultValue = "300", description = "Melody notes through the harmonizer (default ${DEFAULT-VALUE}).")
    int harmonizerNotes;

    @Option(names = "--network-phrases", defaultValue = "300", description = "Calls through the RTP-MIDI output on loopback; 0 to skip (default ${DEFAULT-VALUE}).")
    int networkPhrases;

    @Option(names = "--adaptation-calls", defaultValue = "100", description = {"Paced calls with the session's learning off and",
            "on (adapt 0 / adapt 1 with the fine-tuning thread), side by side in the same run; 0 to skip (default ${DEFAULT-VALUE})."})
    int adaptationCalls;

    @Override
    public Integer call() throws Exception {
        if (phrases < 1 || paced < 1 || floor < 1 || harmonizerNotes < 1 || networkPhrases < 0 || steps < 1 || warmup < 0 || adaptationCalls < 0) {
            throw new IllegalArgumentException("--phrases, --paced, --floor, --harmonizer-notes and --steps must be positive,"
                    + " --network-phrases, --warmup and --adaptation-calls not negative");
        }
        LoadedPreset loaded = LoadedPreset.load(report.preset, StepEngine.KERNEL);
        BenchOptions options = BenchOptions.defaults().withNetwork(loaded.bundle().network()).withKernelSteps(warmup, steps)
                .withCalls(20, phrases, paced, floor, networkPhrases).withLatencyMode(latency.mode()).withSeed(report.seed);
        if (!"none".equals(rollPreset)) {
            LoadedRollPreset roll = LoadedRollPreset.load(rollPreset, StepEngine.KERNEL);
            options = options.withHarmonizer(roll.model(), roll.frameTicks(), roll.parameters(), harmonizerNotes);
        }
        BenchResult result = Bench.run(options, line -> System.err.println(line));
        AdaptationBench.Result adaptation = adaptationCalls <= 0 ? null : AdaptationBench.run(loaded.bundle().network(),
                adaptationCalls, Math.max(4, adaptationCalls / 5), latency.mode(), report.seed, line -> System.err.println(line));
        if (report.json) {
            java.util.Map<String, Object> map = new java.util.LinkedHashMap<>(result.toMap());
            if (adaptation != null) map.put("adaptation", adaptation.toMap());
            report.print(map);
        } else {
            BenchTable.print(System.out, result);
            if (adaptation != null) {
                System.out.println();
                adaptation.lines().forEach(System.out::println);
            }
        }
        return 0;
    }
}
