package io.antiphon.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a model bundle's metadata that every training run writes alike (the event model's {@link Trainer} and
 * the piano roll's trainer): the corpus split, the run's epochs and options, the validation score. Each trainer adds
 * its own fields to the maps.
 */
public final class RunMetadata {

    /** A corpus's split rule ({@code Corpus::splitRule}, {@code RollCorpus::splitRule}). */
    public interface SplitRule {
        String get() throws IOException;
    }

    private RunMetadata() {
    }

    /** {@code rule}, {@code train_pieces}, {@code valid_pieces}. */
    public static Map<String, Object> split(SplitRule rule, int trainPieces, int validPieces) {
        Map<String, Object> split = new LinkedHashMap<>();
        try {
            split.put("rule", rule.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        split.put("train_pieces", trainPieces);
        split.put("valid_pieces", validPieces);
        return split;
    }

    /** {@code epochs}, {@code best_epoch}, {@code batch_size}, {@code window}, {@code augment}. */
    public static Map<String, Object> training(List<EpochRecord> epochs, int bestEpoch, TrainingOptions options) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", epochs.size());
        training.put("best_epoch", bestEpoch);
        training.put("batch_size", options.batchSize());
        training.put("window", options.window());
        training.put("augment", options.augment());
        return training;
    }

    /** {@code valid_nll}: the best epoch's validation negative log-likelihood. */
    public static Map<String, Double> metrics(double bestValidNll) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("valid_nll", bestValidNll);
        return metrics;
    }
}
