package io.antiphon.cli;

import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.engine.roll.RollRegularization;
import io.antiphon.engine.roll.RollTrainer;
import io.antiphon.engine.train.LossChart;
import io.antiphon.engine.train.TrainingOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code antiphon train-roll}: trains a piano-roll LSTM (88 keys in, 88 sigmoids out) and writes a piano-roll bundle. */
@Command(name = "train-roll", mixinStandardHelpOptions = true,
        description = {"Train a polyphonic piano-roll LSTM (88-key frame in, 88 independent sigmoids out) on a piano-roll",
                "benchmark corpus and write a piano-roll model bundle; early stopping on the validation split's frame NLL.",
                "Beside BUNDLE it writes BUNDLE-NAME.training.json (per-epoch losses, throughput) and BUNDLE-NAME.training.png."})
final class TrainRollCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "jsb (chorales, a frame per quarter note) or nottingham (folk tunes, a frame per eighth).")
    String corpus;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Model bundle file to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "200", description = "Maximum epochs (default ${DEFAULT-VALUE}); early stopping may end sooner.")
    int epochs;

    @Option(names = "--patience", defaultValue = "15", description = "Epochs without validation improvement before stopping (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--max-minutes", defaultValue = "0", description = "Wall-time budget in minutes, 0 = none (default ${DEFAULT-VALUE}).")
    int maxMinutes;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked LSTM layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Units per LSTM layer (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.3", description = "Dropout between layers and before the output (default ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--input-dropout", defaultValue = "0", description = "Dropout of input keys (default ${DEFAULT-VALUE}).")
    double inputDropout;

    @Option(names = "--weight-decay", defaultValue = "0", description = "Decoupled weight decay on the weights (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--weight-drop", defaultValue = "0", description = "DropConnect on the LSTM weights, input and recurrent, one mask per minibatch (default ${DEFAULT-VALUE}).")
    double weightDrop;

    @Option(names = {"--lr", "--learning-rate"}, defaultValue = "0.001", description = "Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--clip", defaultValue = "1.0", description = "Per-layer gradient L2 norm clip (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--batch", defaultValue = "8", description = "Pieces (windows) per minibatch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--window", defaultValue = "200", description = "Predicted frames per training window; longer pieces are cut (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--tbptt", defaultValue = "200", description = "Truncated BPTT length in frames (default ${DEFAULT-VALUE}).")
    int tbptt;

    @Option(names = "--augment", description = "Transpose each training piece by a random shift of up to ±6 semitones each epoch (off by default: the benchmark pieces are all in C).")
    boolean augment;

    @Option(names = "--init", paramLabel = "BUNDLE", description = "Continue from this piano-roll bundle's weights (same shape).")
    Path init;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, dropout, shuffling and augmentation (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PathChecks.outputFile(out, "--out");   // before the corpus is read or an epoch is run
        PianoRollCorpus source = PianoRollCorpus.open(corpus);
        NetworkSpec spec = new NetworkSpec(RollPiece.KEYS, layers, hidden, dropout, learningRate, clip, tbptt, seed);
        RollRegularization regularization = new RollRegularization(inputDropout, weightDecay, weightDrop);
        TrainingOptions options = new TrainingOptions(epochs, patience, maxMinutes, batch, window, augment, seed);
        MultiLayerNetwork initial = init == null ? null : BundleFile.read(init, BundleKind.PIANO_ROLL).network();
        // The best network so far is on disk after every improving epoch: an interrupted run keeps its progress.
        RollTrainer.Result result = new RollTrainer(System.err).train(source, spec, regularization, options, initial,
                best -> BundleFile.write(best, out));
        BundleFile.write(result.bundle(), out);
        String base = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path dir = out.toAbsolutePath().getParent();
        Path json = dir.resolve(base + ".training.json");
        Path png = dir.resolve(base + ".training.png");
        result.report().writeJson(json);
        LossChart.write(result.report(), png);
        System.out.printf("wrote %s (best epoch %d, validation NLL %.4f nats/frame, %.0f frames/s, %.0f s)%n",
                out, result.report().bestEpoch() + 1, result.report().bestValidNll(), result.report().tokensPerSecond(),
                result.report().totalSeconds());
        System.out.println("wrote " + json + " and " + png);
        return 0;
    }
}
