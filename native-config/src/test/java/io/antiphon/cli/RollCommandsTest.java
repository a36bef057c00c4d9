package io.antiphon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollBundles;
import io.antiphon.engine.roll.RollNetworkFactory;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RollCommandsTest {

    @TempDir
    Path dir;

    private Path rollBundle(int framesPerQuarter) throws Exception {
        Path data = dir.resolve("one.json");
        Files.writeString(data, "{\"train\": [[[60]]], \"valid\": [[[60]]], \"test\": [[[60]]]}");
        NetworkSpec spec = new NetworkSpec(RollPiece.KEYS, 1, 8, 0.0, 1e-3, 1.0, 64, 5L);
        BundleMetadata metadata = RollBundles.metadata(new PianoRollCorpus("one", data, framesPerQuarter), spec, Map.of(), Map.of(), Map.of());
        Path file = dir.resolve("roll-" + framesPerQuarter + ".bundle");
        BundleFile.write(new ModelBundle(RollNetworkFactory.build(spec, 0, 0), metadata), file);
        return file;
    }

    private Path eventBundle() throws Exception {
        NetworkSpec spec = NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 8);
        BundleMetadata metadata = new BundleMetadata(BundleMetadata.FORMAT, 1, BundleKind.EVENTS.id(), BundleFile.EVENT_VOCABULARY,
                "jsb", Map.of(), spec, Map.of(), Map.of(), "2026-11-22T00:00:00Z");
        Path file = dir.resolve("events.bundle");
        BundleFile.write(new ModelBundle(NetworkFactory.build(spec), metadata), file);
        return file;
    }

    private static void assumeJsbRolls() {
        Path data = DataDirectory.find().orElse(null);
        assumeTrue(data != null && Files.isRegularFile(data.resolve(PianoRollCorpus.JSB_FILE)),
                "skipped: no shared data folder with " + PianoRollCorpus.JSB_FILE);
    }

    @Test
    void rollCommandsHaveHelp() {
        for (String command : new String[]{"train-roll", "eval-roll"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: antiphon " + command);
        }
        assertThat(CommandRun.of("--help").out()).contains("train-roll", "eval-roll");
    }

    @Test
    void eventCommandsRefuseARollBundleInOneSentence() throws Exception {
        Path roll = rollBundle(1);
        CommandRun run = CommandRun.of("eval", "--model", roll.toString(), "--corpus", "jsb", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("antiphon: " + roll
                + " holds a piano-roll model (from antiphon train-roll), but this command needs an event model (from antiphon train).");
        CommandRun init = CommandRun.of("train", "--corpus", dir.toString(), "--out", dir.resolve("x.bundle").toString(), "--init", roll.toString());
        assertThat(init.exitCode()).isEqualTo(2);
    }

    @Test
    void evalRollRefusesAnEventBundleInOneSentence() throws Exception {
        assumeJsbRolls();
        Path events = eventBundle();
        CommandRun run = CommandRun.of("eval-roll", "--model", events.toString(), "--corpus", "jsb");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("antiphon: " + events
                + " holds an event model (from antiphon train), but this command needs a piano-roll model (from antiphon train-roll).");
    }

    @Test
    void evalRollRefusesBadSplitsCorporaAndFrameRates() throws Exception {
        CommandRun split = CommandRun.of("eval-roll", "--model", "x.bundle", "--corpus", "jsb", "--split", "holdout");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--split must be train, valid or test");
        CommandRun corpus = CommandRun.of("eval-roll", "--model", "x.bundle", "--corpus", "bach");
        assertThat(corpus.exitCode()).isEqualTo(2);
        assertThat(corpus.err()).contains("'bach' is neither a piano-roll corpus (jsb, nottingham) nor a folder of MIDI files");
        assertThat(CommandRun.of("eval-roll", "--corpus", "jsb").exitCode()).isEqualTo(2);
        assumeJsbRolls();
        CommandRun rate = CommandRun.of("eval-roll", "--model", rollBundle(2).toString(), "--corpus", "jsb");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("2 frame(s) per quarter note").doesNotContain("\n" + "\tat ");
    }

    @Test
    void evalRollReportsTheBenchmarkNllBesideTheBaseline() throws Exception {
        assumeJsbRolls();
        Path roll = rollBundle(1);
        CommandRun run = CommandRun.of("eval-roll", "--model", roll.toString(), "--corpus", "jsb", "--split", "test", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("frames").asLong()).isEqualTo(4_725 - 77);
        assertThat(json.get("pieces").asInt()).isEqualTo(77);
        assertThat(json.get("baseline_nll").asDouble()).isBetween(11.085, 11.095);
        // An untrained network predicts about one half for every key: near 88 ln 2 = 61 nats a frame.
        assertThat(json.get("nll").asDouble()).isBetween(50.0, 70.0);
        assertThat(json.get("published_test_nll").get("lstm").asDouble()).isEqualTo(8.45);

        CommandRun human = CommandRun.of("eval-roll", "--model", roll.toString(), "--corpus", "jsb");
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("model     NLL").contains("baseline  NLL 11.09").contains("LSTM 8.45");
    }

    @Test
    void theShippedChoraleRollPresetBeatsThePublishedLstmOnTheJsbTestSplit() throws Exception {
        assumeJsbRolls();
        CommandRun run = CommandRun.of("eval-roll", "--model", "chorale-roll", "--corpus", "jsb", "--split", "test", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("frames").asLong()).isEqualTo(4_648);
        assertThat(json.get("nll").asDouble()).isLessThan(8.45).isLessThan(json.get("baseline_nll").asDouble());
        JsonNode shipped = new ObjectMapper().readTree(getClass().getClassLoader()
                .getResource("io/antiphon/presets/chorale-roll/chorale-roll.eval.json"));
        assertThat(json.get("nll").asDouble()).as("the shipped evaluation is reproduced").isCloseTo(shipped.get("nll").asDouble(),
                org.assertj.core.data.Offset.offset(1e-4));
        CommandRun refused = CommandRun.of("eval", "--model", "chorale-roll", "--corpus", "jsb");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("holds a piano-roll model");
    }

    @Test
    void theShippedFolkRollPresetReproducesItsNottinghamFigure() throws Exception {
        Path data = DataDirectory.find().orElse(null);
        assumeTrue(data != null && Files.isRegularFile(data.resolve(PianoRollCorpus.NOTTINGHAM_FILE)),
                "skipped: no shared data folder with " + PianoRollCorpus.NOTTINGHAM_FILE);
        CommandRun run = CommandRun.of("eval-roll", "--model", "folk-roll", "--corpus", "nottingham", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("frames").asLong()).isEqualTo(44_463 - 170);
        assertThat(json.get("baseline_nll").asDouble()).isBetween(10.255, 10.265);
        JsonNode shipped = new ObjectMapper().readTree(getClass().getClassLoader()
                .getResource("io/antiphon/presets/folk-roll/folk-roll.eval.json"));
        assertThat(json.get("nll").asDouble()).isLessThan(3.5).isCloseTo(shipped.get("nll").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
    }
}
