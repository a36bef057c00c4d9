package io.antiphon.engine.train;

import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerTest {

    /** A tiny corpus of rising and falling C-major scales in eighths: easy to learn, known without any data folder. */
    static final class ScalesCorpus implements Corpus {
        @Override
        public String name() {
            return "scales";
        }

        @Override
        public List<Piece> pieces(Split split) {
            int count = split == Split.TRAIN ? 6 : 2;
            List<Piece> pieces = new ArrayList<>();
            int[] scale = {0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2};
            for (int p = 0; p < count; p++) {
                List<TimedNote> notes = new ArrayList<>();
                int root = 55 + (p * 2 + (split == Split.TRAIN ? 0 : 1)) % 7;
                for (int i = 0; i < 56; i++) {
                    long start = i * 12L;
                    notes.add(new TimedNote(root + scale[i % scale.length], 80, start, start + 12));
                }
                pieces.add(new Piece(split.name().toLowerCase() + "-" + p, notes));
            }
            return pieces;
        }
    }

    @TempDir
    Path dir;

    @Test
    void tinyNetworkLearnsScalesAndIsBundledWithItsReport() throws Exception {
        NetworkSpec spec = new NetworkSpec(Vocabulary.SIZE, 1, 24, 0.0, 0.02, 1.0, 32, 7L);
        TrainingOptions options = new TrainingOptions(8, 8, 0, 2, 32, true, 7L);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Trainer.Result result = new Trainer(new PrintStream(console, true)).train(new ScalesCorpus(), spec, options);

        TrainingReport report = result.report();
        assertThat(report.epochs()).hasSize(8);
        double first = report.epochs().get(0).validNll();
        assertThat(first).isLessThan(Math.log(Vocabulary.SIZE));
        assertThat(report.bestValidNll()).isLessThan(first * 0.7);
        assertThat(report.trainTokensPerEpoch()).isGreaterThan(500);
        assertThat(report.tokensPerSecond()).isPositive();
        assertThat(console.toString()).contains("epoch 1:").contains("validation NLL");
        // Epochs are counted from 1 in the report as on the console; the best epoch is the one whose validation NLL was kept.
        assertThat(report.epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(report.epochs().get(report.bestEpoch() - 1).validNll()).isEqualTo(report.bestValidNll());
        assertThat(console.toString()).contains("epoch " + report.bestEpoch() + ": ");
        assertThat(console.toString().lines().filter(l -> l.startsWith("epoch " + report.bestEpoch() + ":")).findFirst().orElseThrow())
                .endsWith("(best)");
        assertThat(report.terminationReason()).isEqualTo("it reached the maximum of 8 epochs (--epochs)");

        Path bundleFile = dir.resolve("scales.bundle");
        BundleFile.write(result.bundle(), bundleFile);
        ModelBundle read = BundleFile.read(bundleFile);
        assertThat(read.metadata().corpus()).isEqualTo("scales");
        assertThat(read.metadata().metrics().get("valid_nll")).isEqualTo(report.bestValidNll());
        assertThat(read.metadata().training().get("best_epoch")).isEqualTo(report.bestEpoch());
        assertThat(ValidationNll.meanNll(read.network(), Piece.tokens(new ScalesCorpus().pieces(Split.VALID))))
                .isCloseTo(report.bestValidNll(), org.assertj.core.data.Offset.offset(1e-4));

        Path png = dir.resolve("scales.training.png");
        LossChart.write(report, png);
        assertThat(Files.size(png)).isGreaterThan(1000);
        report.writeJson(dir.resolve("scales.training.json"));
        assertThat(Files.readString(dir.resolve("scales.training.json"))).contains("\"bestValidNll\"");
    }

    @Test
    void everyStopIsSaidInWordsWithItsOption() {
        TrainingOptions options = new TrainingOptions(30, 3, 4, 8, 64, true, 1L);
        assertThat(EarlyStoppingRun.stopReason(org.deeplearning4j.earlystopping.EarlyStoppingResult.TerminationReason.EpochTerminationCondition,
                new org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition(3, 1e-4).toString(), options))
                .isEqualTo("the validation NLL did not improve for 3 epochs in a row (--patience)");
        assertThat(EarlyStoppingRun.stopReason(org.deeplearning4j.earlystopping.EarlyStoppingResult.TerminationReason.IterationTerminationCondition,
                new org.deeplearning4j.earlystopping.termination.MaxTimeIterationTerminationCondition(4, java.util.concurrent.TimeUnit.MINUTES).toString(), options))
                .isEqualTo("it reached its time budget of 4 minutes (--max-minutes)");
        assertThat(EarlyStoppingRun.stopReason(org.deeplearning4j.earlystopping.EarlyStoppingResult.TerminationReason.IterationTerminationCondition,
                new org.deeplearning4j.earlystopping.termination.MaxTimeIterationTerminationCondition(1, java.util.concurrent.TimeUnit.MINUTES).toString(),
                new TrainingOptions(30, 3, 1, 8, 64, true, 1L)))
                .isEqualTo("it reached its time budget of 1 minute (--max-minutes)");
        assertThat(EarlyStoppingRun.stopReason(org.deeplearning4j.earlystopping.EarlyStoppingResult.TerminationReason.IterationTerminationCondition,
                new org.deeplearning4j.earlystopping.termination.InvalidScoreIterationTerminationCondition().toString(), options))
                .startsWith("the training loss became NaN");
    }
}
