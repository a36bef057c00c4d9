package io.antiphon.cli;

import io.antiphon.engine.corpus.MidiFolderCorpus;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.roll.MidiFolderRollCorpus;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollBundles;
import io.antiphon.engine.roll.RollCorpus;
import io.antiphon.engine.roll.RollEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon eval-roll}: the polyphonic-music benchmark's frame NLL of a piano-roll model, beside the key-frequency baseline. */
@Command(name = "eval-roll", mixinStandardHelpOptions = true,
        description = {"Score a piano-roll model on a benchmark split: frame-level NLL as in the literature (each frame t+1",
                "predicted from frames <= t; sum over the 88 keys of the Bernoulli NLL in nats; mean over all predicted",
                "frames of the split), beside an independent per-key Bernoulli baseline with training-split frequencies."})
final class EvalRollCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A piano-roll model: " + ModelSource.ACCEPTS + ".")
    String model;

    @Option(names = "--corpus", required = true, description = "jsb, nottingham, or a folder of .mid files (rolled at the model's frames per quarter note, split as train-roll splits it).")
    String corpus;

    @Option(names = "--split", defaultValue = "test", description = "train, valid or test (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Split which = Splits.parse(split);
        boolean named = java.util.List.of("jsb", "nottingham").contains(corpus);
        if (!named && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(corpus))) {
            throw new IllegalArgumentException("'" + corpus + "' is neither a piano-roll corpus (jsb, nottingham) nor a folder of MIDI files");
        }
        ModelBundle bundle = ModelSource.load(model, BundleKind.PIANO_ROLL);
        RollCorpus rolls = named ? PianoRollCorpus.open(corpus)
                : new MidiFolderRollCorpus(new MidiFolderCorpus(java.nio.file.Path.of(corpus)), RollBundles.framesPerQuarter(bundle.metadata()));
        RollEvaluation.Result result = RollEvaluation.run(bundle, rolls, which);
        Map<String, Object> report = result.toJson();
        if (json) {
            System.out.println(Json.pretty(report));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%s %s split, %d pieces, %d predicted frames%n", result.corpus(), split, result.pieces(), result.frames());
        System.out.printf(Locale.ROOT, "  model     NLL %.4f nats/frame%n", result.nll());
        System.out.printf(Locale.ROOT, "  baseline  NLL %.4f nats/frame  (key frequencies, no context)%n", result.baselineNll());
        System.out.printf(Locale.ROOT, "  model NLL is %.1f%% below the baseline's%n", 100 * result.nllReductionVsBaseline());
        if (report.get("published_test_nll") instanceof Map<?, ?> published) {
            StringBuilder line = new StringBuilder("  published test NLL (Bai et al. 2018):");
            published.forEach((name, value) -> line.append(' ').append(name.toString().toUpperCase(Locale.ROOT)).append(' ').append(value));
            System.out.println(line);
        }
        return 0;
    }
}
