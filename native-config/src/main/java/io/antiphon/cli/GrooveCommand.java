package io.antiphon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.harness.Accents;
import io.antiphon.engine.harness.GrooveEvaluation;
import io.antiphon.engine.harness.GrooveOptions;
import io.antiphon.engine.harness.GrooveResult;
import io.antiphon.engine.harness.JitterShape;
import io.antiphon.engine.harness.TestMelodies;
import io.antiphon.engine.kernel.StepEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code antiphon groove}: how well the performer follows a human's tempo, beat and dynamics (the player clock). */
@Command(name = "groove", mixinStandardHelpOptions = true,
        description = {"Evaluate following the player: the folk corpus's test melodies, performed by a simulated human",
                "(Gaussian jitter 10-20 ms or --jitter, tempo drift up to 10 percent, rubato up to 4 percent, a velocity crescendo or diminuendo) at",
                "each --tempos BPM, are played through the performer core on a simulated clock with the preset's model; the",
                "answers are measured against the player's true grid. Keys of the report: see docs/timing.md."})
final class GrooveCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "folk", description = "Preset whose model answers (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--tunes", defaultValue = "20", description = "Test melodies performed (default ${DEFAULT-VALUE}).")
    int tunes;

    @Option(names = "--skip", defaultValue = "0",
            description = "Test melodies passed over before the first performed, in file-name order (default ${DEFAULT-VALUE}).")
    int skip;

    @Option(names = "--jitter", paramLabel = "MS", defaultValue = "0",
            description = "Standard deviation of the simulated player's onset jitter, ms, or with --jitter-shape uniform its bound (default: drawn per call from 10 to 20).")
    double jitter;

    /** The shapes of {@link JitterShape}, as the option spells them. */
    enum Shape { gaussian, uniform }

    @Option(names = "--jitter-shape", paramLabel = "SHAPE", defaultValue = "gaussian",
            description = "gaussian (--jitter MS is the standard deviation) or uniform (within plus or minus MS) (default ${DEFAULT-VALUE}).")
    Shape jitterShape;

    /** The places of {@link Accents}, as the option spells them. */
    enum AccentPlaces { none, downbeats, beats }

    @Option(names = "--accents", paramLabel = "WHERE", defaultValue = "downbeats",
            description = "Where the simulated player plays louder over its velocity contour: none, downbeats (8 on every fourth beat) or beats (8 on those, 5 on the others) (default ${DEFAULT-VALUE}).")
    AccentPlaces accents;

    @Option(names = "--bars", defaultValue = "4", description = "Bars of each melody played as the call (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--tempos", split = ",", defaultValue = "60,80,100,120,140,160,180",
            description = "Tempi each melody is performed at, BPM (default ${DEFAULT-VALUE}).")
    double[] tempos;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory holding " + TestMelodies.FOLDER
            + " (default: -Dantiphon.data, ANTIPHON_DATA, or ../shared/data).")
    Path data;

    @Option(names = "--calls", paramLabel = "DIR",
            description = "A folder of MIDI files, one melody each, performed instead of the test melodies (by file name; the first --bars 4/4 bars from the bar of the first note, the lowest note of a chord).")
    Path calls;

    @Option(names = "--drift", defaultValue = "0.1", description = "Largest tempo drift over a call, as a share (default ${DEFAULT-VALUE}: up to 10%% faster or slower by its end).")
    double drift;

    @Option(names = "--rubato", defaultValue = "0.04", description = "Largest depth of the tempo's breathing over four bars (default ${DEFAULT-VALUE}: ±4%%).")
    double rubato;

    @Option(names = "--rests", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Insert a rest of 0, 1 or 2 beats (by tempo, in turn) inside each call's phrase; --no-rests for none (default on).")
    boolean rests;

    @Option(names = "--rest-after", paramLabel = "BEAT",
            description = "Put the rest after the first note on a beat at or after this beat of the call (4: after the first bar's downbeat note); default: after the middle one of those on beats 4 to 10.")
    Double restAfter;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated player and the sampler (default ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    ParameterOptions parameterOptions;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<io.antiphon.engine.perform.Parameter, Double> settings = parameterOptions.check();
        if (tunes < 1 || bars < 2) throw new IllegalArgumentException("--tunes must be at least 1 and --bars at least 2");
        if (skip < 0 || jitter < 0 || jitter > 100) throw new IllegalArgumentException("--skip must be at least 0 and --jitter within 0..100 ms");
        if (restAfter != null && !rests) throw new IllegalArgumentException("--rest-after places the rests that --no-rests leaves out: give one or the other");
        if (restAfter != null && !(restAfter >= 0 && restAfter < 4 * bars)) {
            throw new IllegalArgumentException("--rest-after must be at least 0 and less than " + 4 * bars + " (the call's beats), got " + restAfter);
        }
        for (double bpm : tempos) {
            if (bpm < 30 || bpm > 300) throw new IllegalArgumentException("--tempos must lie within 30..300 BPM, got " + bpm);
        }
        List<double[][]> melodies;
        List<String> passedOver = new ArrayList<>();
        if (calls != null) {
            PathChecks.inputFolder(calls, "--calls");
            melodies = TestMelodies.fromFolder(calls, skip + tunes, bars, passedOver);
            if (melodies.size() <= skip) {
                throw new IllegalArgumentException("--calls " + calls + " holds no MIDI file with 8 notes or more in its first "
                        + bars + " bars" + (skip > 0 ? " after the " + skip + " skipped" : ""));
            }
        } else {
            Optional<Path> directory = data != null ? Optional.of(data) : DataDirectory.find();
            if (directory.isEmpty() || !directory.get().resolve(TestMelodies.FOLDER).toFile().isDirectory()) {
                System.err.println("antiphon groove: no test melodies here (" + TestMelodies.FOLDER + " under "
                        + directory.map(Path::toString).orElse("no data directory") + "); give --data DIR or --calls DIR. Nothing measured.");
                return 0;
            }
            melodies = TestMelodies.nottingham(directory.get(), skip + tunes, bars);
        }
        melodies = melodies.subList(Math.min(skip, melodies.size()), melodies.size());
        LoadedPreset loaded = LoadedPreset.load(preset, StepEngine.KERNEL);
        ParameterOptions.applyTo(settings, loaded.parameters());
        JitterShape shape = jitterShape == Shape.uniform ? JitterShape.UNIFORM : JitterShape.GAUSSIAN;
        GrooveResult result = GrooveEvaluation.run(loaded.model(), loaded.parameters(), melodies, new GrooveOptions(tempos, drift,
                rubato, rests, restAfter != null ? restAfter : Double.NaN, jitter, shape, Accents.valueOf(accents.name().toUpperCase(Locale.ROOT)), seed));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("preset", loaded.entry().preset().name());
        if (calls != null) report.put("calls", calls.toString());
        report.put("melodies", melodies.size());
        if (calls != null) report.put("passed_over", passedOver);
        report.put("skipped_melodies", skip);
        report.put("jitter_ms", jitter > 0 ? (Object) jitter : "10-20");
        report.put("jitter_shape", jitterShape.name());
        report.put("accents", accents.name());
        report.put("bars", bars);
        report.put("tempos_bpm", Arrays.stream(tempos).boxed().toList());
        report.put("drift_max", drift);
        report.put("rubato_max", rubato);
        report.put("rests", rests);
        if (restAfter != null) report.put("rest_after_beat", restAfter);
        report.put("seed", seed);
        report.putAll(result.toMap());
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            report.forEach((key, value) -> System.out.printf("%-28s %s%n", key, value));
        }
        return 0;
    }
}
