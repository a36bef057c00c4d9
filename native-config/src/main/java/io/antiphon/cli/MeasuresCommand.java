package io.antiphon.cli;

import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.corpus.JsbChoralesCorpus;
import io.antiphon.engine.roll.PianoRollCorpus;
import java.nio.file.Path;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.eval.CorpusEvaluation;
import io.antiphon.engine.eval.LstmSequenceModel;
import io.antiphon.engine.eval.MarkovBaseline;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.study.EventNextPitch;
import io.antiphon.engine.study.EventTemperatureStudy;
import io.antiphon.engine.study.GenerationStatistics;
import io.antiphon.engine.study.NextPitchScore;
import io.antiphon.engine.study.NextPitchContext;
import io.antiphon.engine.study.QuarterChorale;
import io.antiphon.engine.study.RollNextPitch;
import io.antiphon.engine.study.RollTemperatureStudy;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.network.BundleKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon measures}: the source documents' own measures on held-out chorales (next pitch, temperature). */
@Command(name = "measures", mixinStandardHelpOptions = true,
        description = {"How well the models predict and generate chorales, on the held-out JSB chorales. It measures how",
                "often the event model names the next soprano note exactly and how far off it is on average (beside the",
                "Markov baseline), and how the temperature changes the variety (pitch-class entropy) and repetition",
                "(repeated 4-note patterns) of the music generated."})
final class MeasuresCommand implements Callable<Integer> {

    /** Quarter-note frames the piano-roll model hears before generating: two 4/4 bars. */
    private static final int PRIMER_FRAMES = 8;
    /** Frames it generates per chorale and temperature: 64 bars. */
    private static final int GENERATED_FRAMES = 256;

    @Option(names = "--model", defaultValue = "chorale", paramLabel = "MODEL",
            description = "The event model: a bundle file, or a preset name or .json file (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--roll-model", paramLabel = "MODEL",
            description = "A piano-roll model measured beside it: a bundle file, or a preset name or .json file (e.g. chorale-roll).")
    String rollModel;

    @Option(names = "--split", defaultValue = "test", description = "train, valid or test (default ${DEFAULT-VALUE}).")
    String splitName;

    @Option(names = "--temperatures", split = ",", defaultValue = "0.5,0.8,1.0,1.2,1.5",
            description = "Temperatures to generate at (default ${DEFAULT-VALUE}).")
    double[] temperatures;

    @Option(names = "--primer-tokens", defaultValue = "64", description = "Tokens of each held-out chorale the model hears before generating (default ${DEFAULT-VALUE}).")
    int primerTokens;

    @Option(names = "--tokens", defaultValue = "1000", description = "Tokens generated per chorale and temperature (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (primerTokens < 1 || tokens < 1) throw new IllegalArgumentException("--primer-tokens and --tokens must be at least 1");
        Split split = Splits.parse(splitName);
        Path data = DataDirectory.require();
        JsbChoralesCorpus corpus = JsbChoralesCorpus.in(data);
        ModelBundle bundle = ModelSource.load(model);
        List<QuarterChorale> chorales = QuarterChorale.of(PianoRollCorpus.jsb(data), split);
        MarkovBaseline markov = MarkovBaseline.train(CorpusEvaluation.augmentedTraining(corpus.pieces(Split.TRAIN)));
        LstmSequenceModel lstm = new LstmSequenceModel(bundle.network());
        RollStepModel roll = rollModel == null ? null
                : StepModels.createRoll(ModelSource.load(rollModel, BundleKind.PIANO_ROLL).network(), StepEngine.KERNEL);
        Map<NextPitchContext, Map<String, NextPitchScore>> scores = new EnumMap<>(NextPitchContext.class);
        for (NextPitchContext context : NextPitchContext.values()) {
            Map<String, NextPitchScore> byModel = new LinkedHashMap<>();
            byModel.put("event_model", EventNextPitch.score(lstm, chorales, context));
            byModel.put("markov", EventNextPitch.score(markov, chorales, context));
            if (roll != null) byModel.put("roll_model", RollNextPitch.score(roll, chorales, context));
            scores.put(context, byModel);
        }
        List<Piece> pieces = corpus.pieces(split);
        Map<String, GenerationStatistics> sweep = EventTemperatureStudy.run(StepModels.create(bundle.network(), StepEngine.KERNEL),
                pieces, temperatures, primerTokens, tokens, seed);

        Map<String, Object> nextPitch = new LinkedHashMap<>();
        nextPitch.put("chorales", chorales.size());
        scores.forEach((context, byModel) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            byModel.forEach((name, score) -> row.put(name, json(score)));
            nextPitch.put(context.name().toLowerCase(), row);
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("split", split.name().toLowerCase());
        report.put("next_pitch", nextPitch);
        report.put("temperature", json(sweep));
        Map<String, GenerationStatistics> rollSweep = roll == null ? null
                : RollTemperatureStudy.run(roll, chorales, temperatures, PRIMER_FRAMES, GENERATED_FRAMES, seed);
        if (rollSweep != null) report.put("roll_temperature", json(rollSweep));
        if (json) {
            System.out.println(Json.pretty(report));
            return 0;
        }
        System.out.printf("Next soprano pitch on %d %s chorales (the piano-roll benchmark file: quarter notes, in C):%n", chorales.size(), split.name().toLowerCase());
        scores.forEach((context, byModel) -> {
            System.out.printf("  %s:%n", context.name().toLowerCase().replace('_', ' '));
            byModel.forEach(MeasuresCommand::print);
        });
        System.out.printf("Temperature (%d chorales, primer %d tokens, %d generated):%n", pieces.size(), primerTokens, tokens);
        print(sweep);
        if (rollSweep != null) {
            System.out.printf("Piano-roll temperature (%d chorales, primer %d frames, %d generated):%n", chorales.size(), PRIMER_FRAMES, GENERATED_FRAMES);
            print(rollSweep);
        }
        return 0;
    }

    private static void print(Map<String, GenerationStatistics> sweep) {
        sweep.forEach((label, stats) -> System.out.printf("  %-18s pitch-class entropy %.3f bits  repeated 4-grams %.3f  (%d onsets)%n",
                label, stats.pitchClassEntropyBits(), stats.repeatedFourGramShare(), stats.onsets()));
    }

    private static void print(String name, NextPitchScore score) {
        System.out.printf("    %-20s exact %.4f  mean |distance| %.3f semitones  (%d notes)%n",
                name, score.exactRate(), score.meanAbsoluteDistance(), score.predictions());
    }

    private static Map<String, Object> json(NextPitchScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("predictions", score.predictions());
        json.put("exact_rate", score.exactRate());
        json.put("mean_abs_distance", score.meanAbsoluteDistance());
        return json;
    }

    private static Map<String, Object> json(Map<String, GenerationStatistics> sweep) {
        Map<String, Object> json = new LinkedHashMap<>();
        sweep.forEach((label, stats) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pitch_class_entropy_bits", stats.pitchClassEntropyBits());
            row.put("repeated_4gram_share", stats.repeatedFourGramShare());
            row.put("onsets", stats.onsets());
            json.put(label, row);
        });
        return json;
    }
}
