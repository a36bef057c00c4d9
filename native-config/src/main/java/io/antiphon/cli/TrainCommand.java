package io.antiphon.cli;

import io.antiphon.engine.corpus.Corpora;
import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.engine.train.LossChart;
import io.antiphon.engine.train.Trainer;
import io.antiphon.engine.train.TrainingOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code antiphon train}: trains an event LSTM on a corpus and writes a model bundle with its training report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an event LSTM on a corpus and write a model bundle.",
                "Beside BUNDLE it writes BUNDLE-NAME.training.json (per-epoch losses, throughput) and BUNDLE-NAME.training.png (loss curves)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "jsb, nottingham, or a folder of .mid files.")
    String corpus;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Model bundle file to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default ${DEFAULT-VALUE}); early stopping on validation NLL may end sooner.")
    int epochs;

    @Option(names = "--patience", defaultValue = "3", description = "Epochs without validation improvement before stopping (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--max-minutes", defaultValue = "0", description = "Wall-time budget in minutes, 0 = none (default ${DEFAULT-VALUE}).")
    int maxMinutes;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked LSTM layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Units per LSTM layer (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout between layers (default ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--learning-rate", defaultValue = "0.002", description = "Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch", defaultValue = "32", description = "Windows per minibatch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--window", defaultValue = "128", description = "Tokens per training window (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--tbptt", defaultValue = "64", description = "Truncated BPTT length (default ${DEFAULT-VALUE}).")
    int tbptt;

    @Option(names = "--no-augment", description = "Do not transpose pieces (augmentation is on by default: a random shift of ±6 semitones per piece and epoch).")
    boolean noAugment;

    @Option(names = "--init", paramLabel = "BUNDLE", description = "Continue from this bundle's weights (same shape), e.g. to fine-tune on your own music or resume a run.")
    Path init;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, dropout, shuffling and augmentation (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PathChecks.outputFile(out, "--out");   // before the corpus is read or an epoch is run
        Corpus source = Corpora.open(corpus);
        NetworkSpec spec = new NetworkSpec(Vocabulary.SIZE, layers, hidden, dropout, learningRate, 1.0, tbptt, seed);
        TrainingOptions options = new TrainingOptions(epochs, patience, maxMinutes, batch, window, !noAugment, seed);
        MultiLayerNetwork initial = init == null ? null : BundleFile.read(init, BundleKind.EVENTS).network();
        // The best network so far is on disk after every improving epoch: an interrupted run keeps its progress.
        Trainer.Result result = new Trainer(System.err).train(source, spec, options, initial, best -> BundleFile.write(best, out));
        BundleFile.write(result.bundle(), out);
        String base = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = out.toAbsolutePath().getParent();
        Path json = dir.resolve(base + ".training.json");
        Path png = dir.resolve(base + ".training.png");
        result.report().writeJson(json);
        LossChart.write(result.report(), png);
        System.out.printf("wrote %s (best epoch %d, validation NLL %.4f nats/token, %.0f tokens/s, %.0f s)%n",
                out, result.report().bestEpoch() + 1, result.report().bestValidNll(), result.report().tokensPerSecond(),
                result.report().totalSeconds());
        System.out.println("wrote " + json + " and " + png);
        return 0;
    }
}
