package io.antiphon.engine.roll;

import io.antiphon.engine.network.BundleException;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollBundlesTest {

    static final NetworkSpec TINY = new NetworkSpec(RollPiece.KEYS, 1, 8, 0.0, 1e-3, 1.0, 64, 3L);

    @TempDir
    Path dir;

    static ModelBundle tinyRollBundle(Path dataFile) throws IOException {
        Files.writeString(dataFile, "{\"train\": [[[60]]], \"valid\": [[[60]]], \"test\": [[[60]]]}");
        PianoRollCorpus corpus = new PianoRollCorpus("tiny", dataFile, 2);
        MultiLayerNetwork net = RollNetworkFactory.build(TINY, 0.0, 0.0);
        return new ModelBundle(net, RollBundles.metadata(corpus, TINY, Map.of("train_pieces", 1), Map.of("epochs", 0), Map.of("valid_nll", 60.0)));
    }

    @Test
    void rollBundleRoundTripsWithItsKindAndFrameRate() throws IOException {
        ModelBundle bundle = tinyRollBundle(dir.resolve("tiny.json"));
        Path file = dir.resolve("roll.bundle");
        BundleFile.write(bundle, file);
        ModelBundle read = RollBundles.read(file);
        assertThat(read.metadata().bundleKind()).isEqualTo(BundleKind.PIANO_ROLL);
        assertThat(read.metadata().kind()).isEqualTo("piano-roll");
        assertThat(RollBundles.framesPerQuarter(read.metadata())).isEqualTo(2);
        assertThat(read.metadata().corpus()).isEqualTo("tiny");
        INDArray frame = Nd4j.zeros(1, RollPiece.KEYS, 2);
        frame.putScalar(new int[]{0, 39, 0}, 1);
        assertThat(read.network().output(frame).equalsWithEps(bundle.network().output(frame), 1e-6)).isTrue();
        // Sigmoid outputs: independent per key, not a distribution over keys.
        INDArray out = read.network().output(frame);
        assertThat(out.shape()).containsExactly(1L, RollPiece.KEYS, 2L);
        assertThat(out.sumNumber().doubleValue()).isGreaterThan(1.5);
    }

    @Test
    void eachKindIsRefusedWhereTheOtherIsNeeded() throws IOException {
        Path roll = dir.resolve("roll.bundle");
        BundleFile.write(tinyRollBundle(dir.resolve("tiny.json")), roll);
        assertThatThrownBy(() -> BundleFile.read(roll, BundleKind.EVENTS)).isInstanceOf(BundleException.class)
                .hasMessage(roll + " holds a piano-roll model (from antiphon train-roll), but this command needs an event model (from antiphon train).");

        NetworkSpec eventSpec = NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 8);
        BundleMetadata eventMetadata = new BundleMetadata(BundleMetadata.FORMAT, 1, BundleKind.EVENTS.id(), BundleFile.EVENT_VOCABULARY,
                "jsb", Map.of(), eventSpec, Map.of(), Map.of(), "2026-11-22T00:00:00Z");
        Path events = dir.resolve("events.bundle");
        BundleFile.write(new ModelBundle(NetworkFactory.build(eventSpec), eventMetadata), events);
        assertThatThrownBy(() -> RollBundles.read(events)).isInstanceOf(BundleException.class)
                .hasMessage(events + " holds an event model (from antiphon train), but this command needs a piano-roll model (from antiphon train-roll).");
        assertThat(BundleFile.read(events, BundleKind.EVENTS).metadata().bundleKind()).isEqualTo(BundleKind.EVENTS);
    }

    @Test
    void aKindThatContradictsTheNetworkOrIsUnknownIsRefused() throws IOException {
        ModelBundle roll = tinyRollBundle(dir.resolve("tiny.json"));
        BundleMetadata m = roll.metadata();
        Path lying = dir.resolve("lying.bundle");
        BundleFile.write(new ModelBundle(roll.network(), new BundleMetadata(m.format(), 1, null, BundleFile.EVENT_VOCABULARY,
                m.corpus(), m.split(), m.spec(), m.training(), m.metrics(), m.created())), lying);
        assertThatThrownBy(() -> BundleFile.read(lying)).isInstanceOf(BundleException.class).hasMessageContaining(lying.toString());
        Path unknown = dir.resolve("unknown.bundle");
        BundleFile.write(new ModelBundle(roll.network(), new BundleMetadata(m.format(), 1, "drum-grid", m.vocabulary(),
                m.corpus(), m.split(), m.spec(), m.training(), m.metrics(), m.created())), unknown);
        assertThatThrownBy(() -> BundleFile.read(unknown)).isInstanceOf(BundleException.class)
                .hasMessageContaining("model kind 'drum-grid' is unknown");
    }

    @Test
    void bundlesWrittenBeforeKindsExistedAreEventBundles() throws IOException {
        PresetEntry chorale = PresetCatalogue.builtIn("chorale");
        try (InputStream in = chorale.openBundle()) {
            ModelBundle bundle = BundleFile.read(in, chorale.bundlePath(), BundleKind.EVENTS);
            assertThat(bundle.metadata().bundleKind()).isEqualTo(BundleKind.EVENTS);
        }
    }
}
