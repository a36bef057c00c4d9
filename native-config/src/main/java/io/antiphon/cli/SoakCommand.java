package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.harness.Soak;
import io.antiphon.engine.harness.SoakOptions;
import io.antiphon.engine.harness.SoakResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code antiphon soak}: a long simulated jam through the shell, for hanging notes, memory growth and latency drift. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Jam for a long time on simulated time (it runs as fast as the work allows): a seeded human plays",
                "into the real shell and step kernel, 1 ms at a time. Reports hanging notes, heap growth after warm-up",
                "(after a full GC), off-heap and resident growth, dropped human notes, and the performer's processing",
                "time per event (HdrHistogram, real clock) in the first and last windows."})
final class SoakCommand implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Option(names = "--minutes", defaultValue = "60", description = "Simulated minutes measured (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--warmup-minutes", defaultValue = "2", description = "Simulated minutes played before measuring (default ${DEFAULT-VALUE}).")
    int warmUpMinutes;

    @Option(names = "--window-minutes", defaultValue = "10", description = "First and last latency windows compared (default ${DEFAULT-VALUE}; at most --minutes).")
    int windowMinutes;

    @Option(names = "--rate", defaultValue = "20", description = "Human notes per simulated second (default ${DEFAULT-VALUE}).")
    double rate;

    @Override
    public Integer call() throws Exception {
        LoadedPreset loaded = LoadedPreset.load(report.preset, StepEngine.KERNEL);
        SoakResult result = Soak.run(new SoakOptions(loaded.model(), loaded.parameters(), minutes, warmUpMinutes,
                Math.min(windowMinutes, minutes), rate, report.seed));
        report.print(result.toMap());
        return 0;
    }
}
