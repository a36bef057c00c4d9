package io.antiphon.engine.train;

import io.antiphon.engine.eval.LstmSequenceModel;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/**
 * Early-stopping score: the mean per-token negative log-likelihood (nats) of a fixed set of sequences,
 * every token after the first of each sequence predicted from the ones before it.
 */
public final class ValidationNll implements ScoreCalculator<MultiLayerNetwork> {

    /** Sequences scored at once (padded and masked). */
    static final int BATCH = 32;

    private final transient List<int[]> sequences;

    public ValidationNll(List<int[]> sequences) {
        this.sequences = List.copyOf(sequences);
    }

    @Override
    public double calculateScore(MultiLayerNetwork network) {
        return meanNll(network, sequences);
    }

    @Override
    public boolean minimizeScore() {
        return true;
    }

    /** Mean per-token NLL of {@code sequences} under {@code network}, in nats. */
    public static double meanNll(MultiLayerNetwork network, List<int[]> sequences) {
        long tokens = 0;
        for (int[] sequence : sequences) tokens += Math.max(0, sequence.length - 1);
        if (tokens == 0) return Double.NaN;
        return new LstmSequenceModel(network).sumNegativeLogLikelihood(sequences, BATCH) / tokens;
    }
}
