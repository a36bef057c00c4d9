package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.train.TrainingOptions;
import io.antiphon.engine.train.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollTrainerTest {

    @TempDir
    Path dir;

    /** Cadences I-IV-V-I in C, block chords, starting at different points of the cycle: predictable from context. */
    private Path cadenceCorpus() throws Exception {
        int[][] chords = {{48, 60, 64, 67}, {53, 60, 65, 69}, {55, 59, 62, 67}, {48, 60, 64, 67}, {45, 60, 64, 69}, {50, 62, 65, 69}, {43, 59, 62, 67}};
        StringBuilder json = new StringBuilder("{");
        String[] splits = {"train", "valid", "test"};
        for (int s = 0; s < splits.length; s++) {
            json.append('"').append(splits[s]).append("\": [");
            int pieces = s == 0 ? 6 : 2;
            for (int p = 0; p < pieces; p++) {
                List<String> frames = new ArrayList<>();
                int start = (p * 3 + s) % chords.length;
                for (int t = 0; t < 28; t++) {
                    int[] chord = chords[(start + t / 2) % chords.length];
                    frames.add(java.util.Arrays.toString(chord));
                }
                json.append(p > 0 ? ", " : "").append(frames);
            }
            json.append(']').append(s < splits.length - 1 ? ", " : "}");
        }
        Path file = dir.resolve("cadences.json");
        Files.writeString(file, json.toString());
        return file;
    }

    @Test
    void tinyNetworkLearnsCadencesAndIsBundledAsAPianoRoll() throws Exception {
        PianoRollCorpus corpus = new PianoRollCorpus("cadences", cadenceCorpus(), 1);
        NetworkSpec spec = new NetworkSpec(RollPiece.KEYS, 1, 24, 0.0, 0.02, 1.0, 64, 7L);
        TrainingOptions options = new TrainingOptions(12, 12, 0, 3, 64, false, 7L);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<Integer> checkpoints = new ArrayList<>();
        RollTrainer.Result result = new RollTrainer(new PrintStream(console, true)).train(corpus, spec, RollRegularization.none(),
                options, null, best -> checkpoints.add(best.metadata().training().size()));

        TrainingReport report = result.report();
        double baseline = KeyFrequencyBaseline.fit(corpus.pieces(Split.TRAIN)).score(corpus.pieces(Split.VALID)).mean();
        assertThat(report.epochs()).hasSize(12);
        assertThat(report.bestValidNll()).isLessThan(0.5 * baseline);
        assertThat(report.trainTokensPerEpoch()).isEqualTo(6 * 27);
        assertThat(report.validTokens()).isEqualTo(2 * 27);
        assertThat(checkpoints).isNotEmpty();
        assertThat(console.toString()).contains("epoch 1:").contains("nats/frame");

        Path file = dir.resolve("cadences.bundle");
        BundleFile.write(result.bundle(), file);
        ModelBundle read = RollBundles.read(file);
        assertThat(read.metadata().bundleKind()).isEqualTo(BundleKind.PIANO_ROLL);
        assertThat(read.metadata().metrics().get("valid_nll")).isEqualTo(report.bestValidNll());
        assertThat(FrameNll.score(read.network(), corpus.pieces(Split.VALID)).mean()).isCloseTo(report.bestValidNll(), within(1e-4));
        RollEvaluation.Result evaluation = RollEvaluation.run(read, corpus, Split.TEST);
        assertThat(evaluation.frames()).isEqualTo(2 * 27);
        assertThat(evaluation.nll()).isLessThan(evaluation.baselineNll());
        assertThat(evaluation.toJson()).containsKeys("nll", "frames", "baseline_nll").doesNotContainKey("published_test_nll");
    }

    @Test
    void augmentationKeepsEveryPieceOnTheKeyboard() {
        RollPiece low = RollPiece.ofPitches("low", new int[][]{{21, 25}, {23}});
        RollPiece high = RollPiece.ofPitches("high", new int[][]{{100, 108}});
        TrainingOptions options = new TrainingOptions(1, 1, 0, 1, 10, true, 3L);
        boolean moved = false;
        for (int epoch = 0; epoch < 20; epoch++) {
            List<RollPiece> shifted = RollTrainer.epochPieces(List.of(low, high), options, epoch);
            assertThat(shifted.get(0).lowestKey()).isBetween(0, 6);
            assertThat(shifted.get(1).highestKey()).isBetween(81, 87);
            moved |= shifted.get(0).lowestKey() != 0;
        }
        assertThat(moved).isTrue();
        assertThat(RollTrainer.epochPieces(List.of(low), new TrainingOptions(1, 1, 0, 1, 10, false, 3L), 0).get(0)).isSameAs(low);
    }
}
