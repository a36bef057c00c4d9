package io.antiphon.cli;

import io.antiphon.engine.corpus.MidiFolderCorpus;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.FrameNll;
import io.antiphon.engine.roll.MidiFolderRollCorpus;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollBundles;
import io.antiphon.engine.roll.RollCorpus;
import io.antiphon.engine.roll.RollEvaluation;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.engine.roll.RollRegularization;
import io.antiphon.engine.roll.RollTrainer;
import io.antiphon.engine.train.TrainingOptions;
import io.antiphon.presets.PresetEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code antiphon train-roll}: trains a piano-roll LSTM (88 keys in, 88 sigmoids out), the harmonizer's model. On a folder
 * of the user's MIDI files it fine-tunes the closest shipped harmonizer ({@link StartingPreset}) and saves a harmonize
 * preset in the user's preset folder; with {@code --out} it writes just the bundle.
 */
@Command(name = "train-roll", mixinStandardHelpOptions = true,
        description = {"Train a polyphonic piano-roll LSTM (88-key frame in, 88 independent sigmoids out), the harmonizer's model;",
                "early stopping on the validation split's frame NLL. On a folder of your MIDI files it fine-tunes the shipped",
                "harmonizer that already predicts your music best (or --from NAME, or --from-scratch) and saves a harmonize",
                "preset NAME in your preset folder: play it with antiphon demo --preset NAME. A folder of fewer than 50 files",
                "is split inside each piece (the last 20% of every piece held out). With --out BUNDLE it writes just the bundle,",
                "and beside it BUNDLE-NAME.training.json (per-epoch losses, throughput) and BUNDLE-NAME.training.png."})
final class TrainRollCommand implements Callable<Integer> {

    @Mixin
    TrainingRunOptions run;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = {"A folder of your .mid files, or jsb (chorales, a frame per",
            "quarter note) or nottingham (folk tunes, a frame per eighth): the shipped harmonizers' corpora."})
    String corpus;

    @Option(names = "--frames-per-quarter", defaultValue = "2", description = {"With --from-scratch on a folder: frames per quarter",
            "note of the roll (default ${DEFAULT-VALUE}, an eighth; fine-tuning keeps the preset's)."})
    int framesPerQuarter;

    @Option(names = "--epochs", defaultValue = "200", description = "Maximum epochs (default ${DEFAULT-VALUE}); early stopping may end sooner.")
    int epochs;

    @Option(names = "--patience", defaultValue = "15", description = "Epochs without validation improvement before stopping (default ${DEFAULT-VALUE}).")
    int patience;

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

    @Option(names = "--augment", negatable = true, description = {"Transpose each training piece by a random shift of up to ±6 semitones",
            "each epoch (off by default: the benchmark pieces are all in C, and a fine-tuned preset has learned its keys)."})
    boolean augment;

    @Override
    public Integer call() throws Exception {
        UserPresetOutput preset = run.check(corpus);
        boolean folder = TrainingRunOptions.isFolder(corpus);
        MidiFolderCorpus notes = folder ? new MidiFolderCorpus(Path.of(corpus)) : null;

        StartingPreset closest = null;
        ModelBundle base = null;
        PresetEntry baseEntry = null;
        if (run.from != null) {
            baseEntry = ModelSource.entry(run.from);
            base = ModelSource.load(baseEntry, BundleKind.PIANO_ROLL);
        } else if (folder && !run.fromScratch) {
            closest = StartingPreset.closest(BundleKind.PIANO_ROLL, bundle -> perQuarterNll(bundle, notes));
            baseEntry = closest.entry();
            base = closest.bundle();
            System.err.println("fine-tuning the shipped harmonizer '" + baseEntry.preset().name() + "', the closest to your music"
                    + " (NLL per quarter note on it before training: " + closest.describeScores() + "); --from NAME to choose another,"
                    + " --from-scratch for none");
        }
        RollCorpus source = !folder ? PianoRollCorpus.open(corpus)
                : new MidiFolderRollCorpus(notes, base != null ? RollBundles.framesPerQuarter(base.metadata()) : framesPerQuarter);
        if (base != null && RollBundles.framesPerQuarter(base.metadata()) != source.framesPerQuarter()) {
            throw new IllegalArgumentException("the model has " + RollBundles.framesPerQuarter(base.metadata()) + " frame(s) per quarter note, the "
                    + source.name() + " rolls " + source.framesPerQuarter());
        }
        if (folder) System.err.println(source.name() + ": " + ("piece-ends".equals(source.splitRule())
                ? "fewer than " + MidiFolderCorpus.FILE_NAME_SPLIT_FILES + " files, so the last 20% of each piece is held out (10% validation, then 10% test)"
                : "split by file name (80/10/10)") + "; " + source.framesPerQuarter() + " frame(s) per quarter note");
        NetworkSpec spec = base == null ? new NetworkSpec(RollPiece.KEYS, layers, hidden, dropout, learningRate, clip, tbptt, run.seed)
                : base.metadata().spec().withSeed(run.seed).withDropout(dropout);
        if (base != null) spec = new NetworkSpec(RollPiece.KEYS, spec.layers(), spec.hidden(), dropout, learningRate, clip, tbptt, run.seed);
        RollRegularization regularization = new RollRegularization(inputDropout, weightDecay, weightDrop);
        TrainingOptions options = new TrainingOptions(epochs, patience,
                run.maxMinutes(folder, TrainCommand.FOLDER_MAX_MINUTES), batch, window, augment, run.seed);
        Path bundleFile = run.out != null ? run.out : preset.bundle();
        // The best network so far is on disk after every improving epoch: an interrupted run keeps its progress.
        RollTrainer.Result result = new RollTrainer(System.err).train(source, spec, regularization, options,
                base == null ? null : base.network(), best -> BundleFile.write(best, bundleFile));
        BundleFile.write(result.bundle(), bundleFile);
        System.out.printf(Locale.ROOT, "stopped after %d epochs: %s%n", result.report().epochs().size(), result.report().terminationReason());
        System.out.printf(Locale.ROOT, "best epoch %d: validation NLL %.4f nats/frame (%.0f frames/s, %.0f s)%n",
                result.report().bestEpoch(), result.report().bestValidNll(), result.report().tokensPerSecond(), result.report().totalSeconds());
        Map<String, Object> evaluation = null;
        if (folder) {
            Split split = source.pieces(Split.TEST).isEmpty() ? Split.VALID : Split.TEST;
            RollEvaluation.Result scored = RollEvaluation.run(result.bundle(), source, split);
            System.out.printf(Locale.ROOT, "%s part of your music: frame NLL %.4f nats beside the key-frequency baseline's %.4f%n",
                    split.name().toLowerCase(Locale.ROOT), scored.nll(), scored.baselineNll());
            if (scored.nll() >= scored.baselineNll()) {
                System.out.println("warning: this model predicts your music worse than the key frequencies alone do; " + (base != null
                        ? "give it more time (--max-minutes) or more music."
                        : "fine-tune a preset (leave out --from-scratch) rather than training from scratch, or give it more music."));
            }
            evaluation = scored.toJson();
        }
        if (run.out != null) {
            List<Path> reports = UserPresetOutput.writeReports(result.report(), run.out);
            System.out.println("wrote " + run.out + ", " + reports.get(0) + " and " + reports.get(1));
            return 0;
        }
        String description = (base == null ? "Harmonizer trained from scratch" : "Harmonizer fine-tuned from " + baseEntry.preset().name())
                + " on " + result.report().trainPieces() + " pieces of " + source.name() + ".";
        preset.write(baseEntry, description, true, result.report(), evaluation);
        return 0;
    }

    /** A piano-roll model's mean frame NLL on the folder's training part rolled at its own rate, per quarter note. */
    private static double perQuarterNll(ModelBundle bundle, MidiFolderCorpus notes) {
        int rate = RollBundles.framesPerQuarter(bundle.metadata());
        try {
            List<RollPiece> pieces = new MidiFolderRollCorpus(notes, rate).pieces(Split.TRAIN);
            return FrameNll.score(bundle.network(), pieces).mean() * rate;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
