package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.harness.Flood;
import io.antiphon.engine.harness.FloodOptions;
import io.antiphon.engine.harness.FloodResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code antiphon flood}: a MIDI flood into the real shell; callback time, drops, recovery. */
@Command(name = "flood", mixinStandardHelpOptions = true,
        description = {"Flood the real shell's MIDI input from a producer thread (notes, controllers, pressure, pitch bend)",
                "while the performer jams on the step kernel, on the real clock. Reports the time inside the MIDI callback",
                "(HdrHistogram, microseconds), what the input ring dropped (never a note release), and whether the",
                "performer caught up within one beat of the flood's end."})
final class FloodCommand implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of the measured flood (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rate", defaultValue = "10000", description = "Messages per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--warmup-seconds", defaultValue = "1", description = "Unmeasured flood before (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Override
    public Integer call() throws Exception {
        LoadedPreset loaded = LoadedPreset.load(report.preset, StepEngine.KERNEL);
        FloodResult result = Flood.run(new FloodOptions(loaded.model(), loaded.parameters(), seconds, rate, warmUpSeconds, report.seed));
        report.print(result.toMap());
        return 0;
    }
}
