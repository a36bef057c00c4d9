package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.train.EarlyStoppingRun;
import io.antiphon.engine.train.EpochRecord;
import io.antiphon.engine.train.RunMetadata;
import io.antiphon.engine.train.Trainer;
import io.antiphon.engine.train.TrainingOptions;
import io.antiphon.engine.train.TrainingReport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a piano-roll LSTM ({@link RollNetworkFactory}) on a {@link PianoRollCorpus} with the project's early-stopping
 * loop ({@link EarlyStoppingRun}): minibatches of whole pieces (or windows of long ones), early stopping on the
 * validation split's benchmark frame NLL ({@link FrameNll}), the best network kept and checkpointed, packed as a
 * piano-roll bundle with its {@link TrainingReport} (whose "tokens" are frames).
 */
public final class RollTrainer {

    /** Training frames scored (untransposed) each epoch to report the training NLL beside the validation NLL. */
    static final int TRAIN_SAMPLE_FRAMES = 5_000;
    /** The largest transposition drawn when augmenting, in semitones either way. */
    static final int MAX_SHIFT = 6;

    private final PrintStream console;

    /** @param console where the progress bar and per-epoch lines go (stderr for the CLI) */
    public RollTrainer(PrintStream console) {
        this.console = console;
    }

    /** A trained bundle and the story of its training. */
    public record Result(ModelBundle bundle, TrainingReport report) {
    }

    /**
     * @param options    epochs, patience, minutes, pieces per minibatch ({@code batchSize}), frames per window
     *                   ({@code window}), transposition augmentation, seed
     * @param initial    a network of the same shape to continue from (its weights are copied), or null
     * @param checkpoint called with the best network so far whenever validation NLL improves
     */
    public Result train(RollCorpus corpus, NetworkSpec spec, RollRegularization regularization, TrainingOptions options,
                        MultiLayerNetwork initial, Trainer.Checkpoint checkpoint) throws IOException {
        List<RollPiece> trainPieces = corpus.pieces(Split.TRAIN);
        List<RollPiece> validPieces = corpus.pieces(Split.VALID);
        if (trainPieces.isEmpty()) throw new IOException("corpus " + corpus.name() + " has no training pieces");
        if (validPieces.isEmpty()) {
            throw new IOException("corpus " + corpus.name() + " has nothing to validate on: its pieces are too short (a piece gives its"
                    + " last 20 % to validation and test from " + io.antiphon.engine.corpus.PieceEndSplit.MIN_NOTES + " notes on)");
        }
        List<RollPiece> trainSample = sample(trainPieces);

        RollWindowIterator iterator = new RollWindowIterator(epoch -> epochPieces(trainPieces, options, epoch),
                options.window(), options.batchSize(), options.seed());
        MultiLayerNetwork net = RollNetworkFactory.build(spec, regularization);
        if (initial != null) {
            if (initial.numParams() != net.numParams()) {
                throw new IllegalArgumentException("the initial network has " + initial.numParams() + " parameters, the spec needs " + net.numParams());
            }
            net.setParams(initial.params().dup());
        } else {
            RollNetworkFactory.startAtKeyFrequencies(net, KeyFrequencyBaseline.fit(trainPieces));
        }
        int segment = Math.min(spec.tbpttLength(), iterator.meanWindowFrames());
        EarlyStoppingRun.Outcome outcome = EarlyStoppingRun.fit(net, iterator, new ValidationFrameNll(validPieces),
                n -> FrameNll.score(n, trainSample).mean(), options, segment, "frame", console,
                (n, epochs, epoch, validNll) -> checkpoint.save(new ModelBundle(n,
                        metadata(corpus, spec, regularization, options, trainPieces.size(), validPieces.size(), epochs, epoch, validNll, 0, 0))));
        long validFrames = validPieces.stream().mapToLong(RollPiece::predictedFrames).sum();
        TrainingReport report = new TrainingReport(corpus.name(), spec, options, trainPieces.size(), iterator.epochTokens(),
                validFrames, outcome.epochs(), outcome.bestEpoch(), outcome.bestValidScore(), outcome.termination(),
                outcome.totalSeconds(), outcome.unitsPerSecond());
        return new Result(new ModelBundle(outcome.best(), metadata(corpus, spec, regularization, options, trainPieces.size(),
                validPieces.size(), outcome.epochs(), outcome.bestEpoch(), outcome.bestValidScore(), outcome.unitsPerSecond(),
                outcome.totalSeconds())), report);
    }

    private static io.antiphon.engine.network.BundleMetadata metadata(RollCorpus corpus, NetworkSpec spec, RollRegularization regularization,
                                                                      TrainingOptions options, int trainPieces, int validPieces,
                                                                      List<EpochRecord> epochs, int bestEpoch, double bestValidNll,
                                                                      double framesPerSecond, double totalSeconds) {
        Map<String, Object> split = RunMetadata.split(corpus::splitRule, trainPieces, validPieces);
        Map<String, Object> training = RunMetadata.training(epochs, bestEpoch, options);
        training.put("input_dropout", regularization.inputDropout());
        training.put("weight_decay", regularization.weightDecay());
        training.put("weight_drop", regularization.weightDrop());
        double seconds = totalSeconds > 0 ? totalSeconds : epochs.stream().mapToDouble(EpochRecord::seconds).sum();
        training.put("seconds", Math.round(seconds));
        training.put("frames_per_second", Math.round(framesPerSecond));
        return RollBundles.metadata(corpus, spec, split, training, RunMetadata.metrics(bestValidNll));
    }

    /** The pieces of one epoch: each transposed by a random shift of up to ±{@value #MAX_SHIFT} that keeps it on the keys, if augmenting. */
    static List<RollPiece> epochPieces(List<RollPiece> pieces, TrainingOptions options, int epoch) {
        if (!options.augment()) return pieces;
        SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + epoch);
        List<RollPiece> shifted = new ArrayList<>(pieces.size());
        for (RollPiece piece : pieces) {
            int low = piece.lowestKey() < 0 ? -MAX_SHIFT : Math.max(-MAX_SHIFT, -piece.lowestKey());
            int high = piece.highestKey() < 0 ? MAX_SHIFT : Math.min(MAX_SHIFT, RollPiece.KEYS - 1 - piece.highestKey());
            shifted.add(piece.transposed(low + random.nextInt(high - low + 1)));
        }
        return shifted;
    }

    private static List<RollPiece> sample(List<RollPiece> pieces) {
        List<RollPiece> sample = new ArrayList<>();
        long frames = 0;
        for (RollPiece piece : pieces) {
            if (frames >= TRAIN_SAMPLE_FRAMES) break;
            sample.add(piece);
            frames += piece.length();
        }
        return sample;
    }
}
