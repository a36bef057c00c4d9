package io.antiphon.engine.train;

import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.listener.EarlyStoppingListener;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.earlystopping.termination.EpochTerminationCondition;
import org.deeplearning4j.earlystopping.termination.InvalidScoreIterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxTimeIterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The training loop every trainer shares: DL4J's {@link EarlyStoppingTrainer} over an epoch-serving iterator, scored on
 * validation data after every epoch, stopped by {@link TrainingOptions} (epochs, patience, wall time, invalid scores),
 * keeping the best network; with a progress bar, one console line and one {@link EpochRecord} per epoch, and a call
 * after every epoch that improved the validation score (to write a checkpoint).
 */
public final class EarlyStoppingRun {

    private EarlyStoppingRun() {
    }

    /** Called with the network after an epoch that improved the best validation score (e.g. to write it to disk). */
    @FunctionalInterface
    public interface Improvement {
        void improved(MultiLayerNetwork network, List<EpochRecord> epochs, int epoch, double validScore) throws IOException;
    }

    /**
     * What the run produced.
     *
     * @param best           the network of the best epoch (listeners removed)
     * @param epochs         one record per finished epoch
     * @param bestEpoch      the epoch whose weights were kept, counted from 1 as printed
     * @param bestValidScore its validation score
     * @param termination    why training stopped, in words ({@link #stopReason})
     * @param totalSeconds   wall time of the whole run
     * @param unitsPerSecond mean training throughput (epochs' training time only)
     */
    public record Outcome(MultiLayerNetwork best, List<EpochRecord> epochs, int bestEpoch, double bestValidScore,
                          String termination, double totalSeconds, double unitsPerSecond) {
    }

    /**
     * @param net           the network to train (its weights change)
     * @param iterator      serves one epoch per pass; {@code reset()} starts the next
     * @param validation    the validation score, lower is better (per predicted unit)
     * @param trainScore    the training score reported beside it each epoch (same unit)
     * @param segmentLength time steps one minibatch score covers per sequence, for the progress bar's running loss
     * @param unit          the predicted unit's name, singular ({@code token}, {@code frame})
     * @param console       where the progress bar and per-epoch lines go
     */
    public static <I extends DataSetIterator & EpochFeed> Outcome fit(MultiLayerNetwork net, I iterator,
                                                                      ScoreCalculator<MultiLayerNetwork> validation,
                                                                      ToDoubleFunction<MultiLayerNetwork> trainScore,
                                                                      TrainingOptions options, int segmentLength, String unit,
                                                                      PrintStream console, Improvement improvement) throws IOException {
        TrainingProgress progress = new TrainingProgress(iterator, options.maxEpochs(), segmentLength, unit.substring(0, Math.min(3, unit.length())), console);
        net.setListeners(progress);
        List<EpochRecord> epochs = new ArrayList<>();
        List<EpochTerminationCondition> stopEpochs = List.of(
                new MaxEpochsTerminationCondition(options.maxEpochs()),
                new ScoreImprovementEpochTerminationCondition(options.patience(), 1e-4));
        List<IterationTerminationCondition> stopIterations = new ArrayList<>();
        stopIterations.add(new InvalidScoreIterationTerminationCondition());
        if (options.maxMinutes() > 0) stopIterations.add(new MaxTimeIterationTerminationCondition(options.maxMinutes(), TimeUnit.MINUTES));
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(stopEpochs)
                .iterationTerminationConditions(stopIterations.toArray(new IterationTerminationCondition[0]))
                .scoreCalculator(validation)
                .evaluateEveryNEpochs(1)
                .modelSaver(new InMemoryModelSaver<>())
                .build();

        long started = System.nanoTime();
        long[] epochStart = {started};
        EarlyStoppingListener<MultiLayerNetwork> recorder = new EarlyStoppingListener<>() {
            @Override
            public void onStart(EarlyStoppingConfiguration<MultiLayerNetwork> c, MultiLayerNetwork n) {
                epochStart[0] = System.nanoTime();
            }

            @Override
            public void onEpoch(int epoch, double validScore, EarlyStoppingConfiguration<MultiLayerNetwork> c, MultiLayerNetwork n) {
                progress.close();
                // The epoch's time includes its validation pass, which the early-stopping trainer runs before this call.
                double seconds = (System.nanoTime() - epochStart[0]) / 1e9;
                double rate = iterator.tokensServed() / Math.max(seconds, 1e-9);
                double train = trainScore.applyAsDouble(n);
                boolean improved = epochs.stream().allMatch(e -> validScore < e.validNll());
                epochs.add(new EpochRecord(epoch + 1, train, validScore, seconds, rate));
                if (improved) {
                    try {
                        improvement.improved(n, List.copyOf(epochs), epoch + 1, validScore);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                console.printf("epoch %d: train NLL %.4f, validation NLL %.4f nats/%s, %.0f %ss/s, %.0f s%s%n",
                        epoch + 1, train, validScore, unit, rate, unit, seconds, improved ? " (best)" : "");
                epochStart[0] = System.nanoTime();
            }

            @Override
            public void onCompletion(EarlyStoppingResult<MultiLayerNetwork> result) {
                progress.close();
            }
        };
        EarlyStoppingResult<MultiLayerNetwork> result;
        try {
            result = new EarlyStoppingTrainer(config, net, iterator, recorder).fit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        MultiLayerNetwork best = result.getBestModel();
        if (best == null) throw new IOException("training produced no model (" + result.getTerminationDetails() + ")");
        best.setListeners();
        double trainSeconds = epochs.stream().mapToDouble(EpochRecord::seconds).sum();
        double trainedUnits = epochs.stream().mapToDouble(e -> e.tokensPerSecond() * e.seconds()).sum();
        int bestEpoch = result.getBestModelEpoch() + 1;
        double bestValid = bestEpoch >= 1 && bestEpoch <= epochs.size() ? epochs.get(bestEpoch - 1).validNll() : validation.calculateScore(best);
        return new Outcome(best, List.copyOf(epochs), bestEpoch, bestValid,
                stopReason(result.getTerminationReason(), result.getTerminationDetails(), options), totalSeconds,
                trainSeconds > 0 ? trainedUnits / trainSeconds : 0);
    }

    /** Why DL4J's early-stopping trainer stopped, said in words with the option that decides it. */
    static String stopReason(EarlyStoppingResult.TerminationReason reason, String details, TrainingOptions options) {
        String condition = details == null ? "" : details;
        if (condition.startsWith(MaxEpochsTerminationCondition.class.getSimpleName())) {
            return "it reached the maximum of " + options.maxEpochs() + " epochs (--epochs)";
        }
        if (condition.startsWith(ScoreImprovementEpochTerminationCondition.class.getSimpleName())) {
            return "the validation NLL did not improve for " + options.patience() + " epochs in a row (--patience)";
        }
        if (condition.startsWith(MaxTimeIterationTerminationCondition.class.getSimpleName())) {
            return "it reached its time budget of " + options.maxMinutes() + (options.maxMinutes() == 1 ? " minute" : " minutes")
                    + " (--max-minutes)";
        }
        if (condition.startsWith(InvalidScoreIterationTerminationCondition.class.getSimpleName())) {
            return "the training loss became NaN or infinite (try a smaller --learning-rate)";
        }
        return reason == EarlyStoppingResult.TerminationReason.Error ? "an error: " + condition : condition;
    }
}
