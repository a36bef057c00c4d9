package io.antiphon.cli;

import io.antiphon.engine.corpus.Corpora;
import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.corpus.MidiFolderCorpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.eval.CorpusEvaluation;
import io.antiphon.engine.eval.MarkovBaseline;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.engine.train.Trainer;
import io.antiphon.engine.train.TrainingOptions;
import io.antiphon.engine.train.ValidationNll;
import io.antiphon.presets.PresetEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code antiphon train}: trains an event LSTM on a corpus. On a folder of the user's MIDI files it fine-tunes the
 * closest shipped preset ({@link StartingPreset}) and saves the result as a preset in the user's preset folder, ready
 * for {@code demo --preset NAME}; with {@code --out} it writes just the bundle.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an event LSTM (call and jam) on a corpus. On a folder of your MIDI files it fine-tunes the",
                "shipped preset that already predicts your music best (or --from NAME, or --from-scratch) and saves a",
                "preset NAME in your preset folder (see antiphon presets): play it with antiphon demo --preset NAME.",
                "A folder of fewer than 50 files is split inside each piece: the last 20% of every piece is held out",
                "(10% to choose the best epoch, 10% to test). With --out BUNDLE it writes just the model bundle, and beside it",
                "BUNDLE-NAME.training.json (per-epoch losses, throughput) and BUNDLE-NAME.training.png (loss curves)."})
final class TrainCommand implements Callable<Integer> {

    /** Tokens of the folder's training part each candidate preset is scored on to choose the closest, spread over the pieces. */
    static final int CLOSEST_SAMPLE_TOKENS = 4_000;
    /** The time budget on a folder of the user's music when --max-minutes is not given: the whole run stays under 5 minutes. */
    static final int FOLDER_MAX_MINUTES = 3;
    /** Windows per minibatch on a folder of the user's music: a small folder holds few windows, and each epoch needs several steps. */
    static final int FOLDER_BATCH = 8;

    @Mixin
    TrainingRunOptions run;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "A folder of your .mid files, or jsb or nottingham (the shipped presets' corpora).")
    String corpus;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default ${DEFAULT-VALUE}); early stopping on validation NLL may end sooner.")
    int epochs;

    @Option(names = "--patience", defaultValue = "3", description = "Epochs without validation improvement before stopping (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--layers", description = "Stacked LSTM layers (default 2; fine-tuning keeps the preset's).")
    Integer layers;

    @Option(names = "--hidden", description = "Units per LSTM layer (default 256; fine-tuning keeps the preset's).")
    Integer hidden;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout between layers (default ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = {"--lr", "--learning-rate"}, defaultValue = "0.002", description = "Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch", description = "Windows per minibatch (default 32; " + FOLDER_BATCH + " on a folder of your music).")
    Integer batch;

    @Option(names = "--window", defaultValue = "128", description = "Tokens per training window (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--tbptt", defaultValue = "64", description = "Truncated BPTT length (default ${DEFAULT-VALUE}).")
    int tbptt;

    @Option(names = "--augment", negatable = true, description = {"Transpose each piece by a random shift of up to ±6 semitones each",
            "epoch (default: on, except when fine-tuning on a folder of your music: the preset learned every key from its corpus)."})
    Boolean augment;

    @Override
    public Integer call() throws Exception {
        UserPresetOutput preset = run.check(corpus);
        boolean folder = TrainingRunOptions.isFolder(corpus);
        Corpus source = Corpora.open(corpus);
        if (folder) System.err.println(describe(source));
        Base base = base(source, folder);
        TrainingOptions options = new TrainingOptions(epochs, patience, run.maxMinutes(folder, FOLDER_MAX_MINUTES),
                batch != null ? batch : folder ? FOLDER_BATCH : 32, window, augment != null ? augment : !(folder && base != null), run.seed);
        NetworkSpec spec = spec(base);
        Path bundleFile = run.out != null ? run.out : preset.bundle();
        // The best network so far is on disk after every improving epoch: an interrupted run keeps its progress.
        Trainer.Result result = new Trainer(System.err).train(source, spec, options, base == null ? null : base.bundle().network(),
                best -> BundleFile.write(best, bundleFile));
        BundleFile.write(result.bundle(), bundleFile);
        System.out.printf(Locale.ROOT, "stopped after %d epochs: %s%n", result.report().epochs().size(), result.report().terminationReason());
        System.out.printf(Locale.ROOT, "best epoch %d: validation NLL %.4f nats/token (%.0f tokens/s, %.0f s)%n",
                result.report().bestEpoch(), result.report().bestValidNll(), result.report().tokensPerSecond(), result.report().totalSeconds());

        CorpusEvaluation.Result evaluation = folder ? evaluate(result.bundle(), source, base != null) : null;
        if (run.out != null) {
            List<Path> reports = UserPresetOutput.writeReports(result.report(), run.out);
            System.out.println("wrote " + run.out + ", " + reports.get(0) + " and " + reports.get(1));
            return 0;
        }
        String description = (base == null ? "Trained from scratch" : "Fine-tuned from " + base.name()) + " on "
                + result.report().trainPieces() + " pieces of " + source.name() + ".";
        preset.write(base == null ? null : base.entry(), description, false, result.report(),
                evaluation == null ? null : evaluation.toJson());
        return 0;
    }

    /** The model training starts from, and what it is called; null for random weights. */
    private record Base(String name, ModelBundle bundle, PresetEntry entry) {
    }

    private Base base(Corpus source, boolean folder) throws Exception {
        if (run.fromScratch) return null;
        if (run.from != null) {
            PresetEntry entry = ModelSource.entry(run.from);
            return new Base(entry.preset().name(), ModelSource.load(entry, BundleKind.EVENTS), entry);
        }
        if (!folder) return null;
        List<int[]> sample = sample(Piece.tokens(source.pieces(Split.TRAIN)));
        if (sample.isEmpty()) throw new IllegalArgumentException(source.name() + " has no notes to train on");
        StartingPreset closest = StartingPreset.closest(BundleKind.EVENTS, bundle -> ValidationNll.meanNll(bundle.network(), sample));
        System.err.println("fine-tuning the shipped preset '" + closest.entry().preset().name() + "', the closest to your music"
                + " (NLL on it before training: " + closest.describeScores() + "); --from NAME to choose another, --from-scratch for none");
        return new Base(closest.entry().preset().name(), closest.bundle(), closest.entry());
    }

    private NetworkSpec spec(Base base) {
        double lr = learningRate;
        if (base == null) return new NetworkSpec(Vocabulary.SIZE, layers == null ? 2 : layers, hidden == null ? 256 : hidden, dropout, lr, 1.0, tbptt, run.seed);
        NetworkSpec shape = base.bundle().metadata().spec();
        if ((layers != null && layers != shape.layers()) || (hidden != null && hidden != shape.hidden())) {
            throw new IllegalArgumentException("'" + base.name() + "' is a " + shape.layers() + "x" + shape.hidden()
                    + " LSTM and fine-tuning keeps its shape; drop --layers/--hidden, or add --from-scratch");
        }
        return new NetworkSpec(Vocabulary.SIZE, shape.layers(), shape.hidden(), dropout, lr, 1.0, tbptt, run.seed);
    }

    /** Scores the trained model on the folder's test part (its validation part when the test part is empty). */
    private static CorpusEvaluation.Result evaluate(ModelBundle bundle, Corpus source, boolean fineTuned) throws java.io.IOException {
        Split split = source.pieces(Split.TEST).isEmpty() ? Split.VALID : Split.TEST;
        CorpusEvaluation.Result result = CorpusEvaluation.run(bundle.network(), source, split, MarkovBaseline.DEFAULT_MAX_ORDER);
        System.out.printf(Locale.ROOT, "%s part of your music: NLL %.4f nats/token beside the Markov baseline's %.4f (%s)%n",
                split.name().toLowerCase(Locale.ROOT), result.lstm().nll(), result.markov().nll(), EvalCommand.comparison(result));
        if (result.lstm().nll() >= result.markov().nll()) {
            System.out.println("warning: this model predicts your music worse than a simple Markov model does; " + (fineTuned
                    ? "give it more time (--max-minutes) or more music."
                    : "fine-tune a preset (leave out --from-scratch) rather than training from scratch, or give it more music."));
        }
        return result;
    }

    private static String describe(Corpus source) throws java.io.IOException {
        String rule = source.splitRule();
        return source.name() + ": " + ("piece-ends".equals(rule)
                ? "fewer than " + MidiFolderCorpus.FILE_NAME_SPLIT_FILES + " files, so the last 20% of each piece is held out (10% validation, then 10% test)"
                : "split by file name (80/10/10)");
    }

    /** The start of every piece, together about {@value #CLOSEST_SAMPLE_TOKENS} tokens. */
    private static List<int[]> sample(List<int[]> sequences) {
        int each = Math.max(64, CLOSEST_SAMPLE_TOKENS / Math.max(1, sequences.size()));
        List<int[]> sample = new java.util.ArrayList<>();
        long total = 0;
        for (int[] s : sequences) {
            if (total >= CLOSEST_SAMPLE_TOKENS) break;
            int[] part = java.util.Arrays.copyOf(s, Math.min(s.length, each));
            if (part.length > 1) sample.add(part);
            total += part.length;
        }
        return sample;
    }
}
