package io.antiphon.engine.train;

import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.corpus.Transposition;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an event LSTM on a corpus with DL4J's early stopping (best validation NLL kept), and packs the result
 * as a {@link ModelBundle} with its {@link TrainingReport}.
 */
public final class Trainer {

    /** Training-split tokens sampled (untransposed) to report the training NLL of each epoch. */
    static final int TRAIN_SAMPLE_TOKENS = 20_000;

    private final PrintStream console;

    /** @param console where the progress bar and per-epoch lines go (stderr for the CLI) */
    public Trainer(PrintStream console) {
        this.console = console;
    }

    /** A trained bundle and the story of its training. */
    public record Result(ModelBundle bundle, TrainingReport report) {
    }

    /** Receives the best network so far after every epoch that improved validation NLL (e.g. to write it to disk). */
    @FunctionalInterface
    public interface Checkpoint {
        void save(ModelBundle best) throws IOException;
    }

    public Result train(Corpus corpus, NetworkSpec spec, TrainingOptions options) throws IOException {
        return train(corpus, spec, options, null, best -> { });
    }

    /**
     * @param initial    a network of the same spec to continue training from (its weights are copied), or null to start afresh
     * @param checkpoint called with the best network so far whenever validation NLL improves
     */
    public Result train(Corpus corpus, NetworkSpec spec, TrainingOptions options, MultiLayerNetwork initial,
                        Checkpoint checkpoint) throws IOException {
        List<Piece> trainPieces = corpus.pieces(Split.TRAIN);
        List<Piece> validPieces = corpus.pieces(Split.VALID);
        if (trainPieces.isEmpty()) throw new IOException("corpus " + corpus.name() + " has no training pieces");
        if (validPieces.isEmpty()) {
            throw new IOException("corpus " + corpus.name() + " has nothing to validate on: its pieces are too short (a piece gives its"
                    + " last 20 % to validation and test from " + io.antiphon.engine.corpus.PieceEndSplit.MIN_NOTES + " notes on)");
        }
        List<int[]> valid = Piece.tokens(validPieces);
        List<int[]> trainSample = sample(Piece.tokens(trainPieces), TRAIN_SAMPLE_TOKENS);

        TokenWindowIterator iterator = new TokenWindowIterator(
                epoch -> epochSequences(trainPieces, options, epoch), spec.vocabularySize(), options.window(), options.batchSize(), options.seed());
        MultiLayerNetwork net = NetworkFactory.build(spec);
        if (initial != null) {
            if (initial.numParams() != net.numParams()) {
                throw new IllegalArgumentException("the initial network has " + initial.numParams() + " parameters, the spec needs " + net.numParams());
            }
            net.setParams(initial.params().dup());
        }
        int segment = Math.min(spec.tbpttLength(), options.window());
        EarlyStoppingRun.Outcome outcome = EarlyStoppingRun.fit(net, iterator, new ValidationNll(valid),
                n -> ValidationNll.meanNll(n, trainSample), options, segment, "token", console,
                (n, epochs, epoch, validNll) -> checkpoint.save(new ModelBundle(n,
                        metadata(corpus, spec, options, trainPieces.size(), validPieces.size(), epochs, epoch, validNll, 0))));
        MultiLayerNetwork best = outcome.best();
        List<EpochRecord> epochs = outcome.epochs();
        int bestEpoch = outcome.bestEpoch();
        double bestValidNll = outcome.bestValidScore();
        double totalSeconds = outcome.totalSeconds();
        TrainingReport report = new TrainingReport(corpus.name(), spec, options, trainPieces.size(), iterator.epochTokens(),
                countPredicted(valid), epochs, bestEpoch, bestValidNll, outcome.termination(), totalSeconds, outcome.unitsPerSecond());

        BundleMetadata metadata = metadata(corpus, spec, options, trainPieces.size(), validPieces.size(), epochs, bestEpoch,
                bestValidNll, report.tokensPerSecond());
        metadata.training().put("seconds", Math.round(totalSeconds));
        return new Result(new ModelBundle(best, metadata), report);
    }

    private static BundleMetadata metadata(Corpus corpus, NetworkSpec spec, TrainingOptions options, int trainPieces, int validPieces,
                                           List<EpochRecord> epochs, int bestEpoch, double bestValidNll, double tokensPerSecond) {
        Map<String, Object> split = RunMetadata.split(corpus::splitRule, trainPieces, validPieces);
        Map<String, Object> training = RunMetadata.training(epochs, bestEpoch, options);
        double seconds = epochs.stream().mapToDouble(EpochRecord::seconds).sum();
        training.put("seconds", Math.round(seconds));
        training.put("tokens_per_second", Math.round(tokensPerSecond > 0 ? tokensPerSecond
                : epochs.stream().mapToDouble(e -> e.tokensPerSecond() * e.seconds()).sum() / Math.max(seconds, 1e-9)));
        return new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, BundleKind.EVENTS.id(), BundleFile.EVENT_VOCABULARY,
                corpus.name(), split, spec, training, RunMetadata.metrics(bestValidNll), Instant.now().toString());
    }

    private static List<int[]> epochSequences(List<Piece> pieces, TrainingOptions options, int epoch) {
        SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + epoch);
        List<int[]> sequences = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            Piece p = options.augment() ? Transposition.random(piece, random) : piece;
            sequences.add(p.tokens());
        }
        return sequences;
    }


    private static List<int[]> sample(List<int[]> sequences, int tokens) {
        List<int[]> sample = new ArrayList<>();
        long total = 0;
        for (int[] s : sequences) {
            if (total >= tokens) break;
            sample.add(s);
            total += s.length;
        }
        return sample;
    }

    private static long countPredicted(List<int[]> sequences) {
        long n = 0;
        for (int[] s : sequences) n += Math.max(0, s.length - 1);
        return n;
    }
}
