package io.antiphon.engine.network;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the model bundle loader with Jazzer. In a normal build this replays the committed
 * seeds in {@code BundleFuzzTestInputs/<method>/} as regression tests; with {@code JAZZER_FUZZ=1} it fuzzes
 * (README, "Hostile input"). Two targets: whole bundle files (the zip layers, sizes, metadata), and the two
 * entries of the DL4J network archive inside an otherwise valid bundle (so that mutations get past the zip
 * checksums to the configuration JSON and the ND4J coefficient headers).
 */
class BundleFuzzTest {

    private static final String SOURCE = "fuzz.bundle";

    /** Metadata of the tiny event network (one LSTM layer of 2 units) whose parts the second target's seeds hold. */
    private static final byte[] TINY_METADATA = """
            {"format": "antiphon-bundle", "formatVersion": 1, "kind": "events",
             "vocabulary": {"name": "antiphon-events", "size": 240, "ticksPerQuarter": 24},
             "corpus": "jsb", "split": {"train_pieces": 3},
             "spec": {"vocabularySize": 240, "layers": 1, "hidden": 2, "dropout": 0.2, "learningRate": 0.002,
                      "gradientClip": 1.0, "tbpttLength": 64, "seed": 42},
             "training": {"epochs": 1}, "metrics": {"valid_nll": 1.5}, "created": "2026-11-22T00:00:00Z"}
            """.getBytes(StandardCharsets.UTF_8);

    @FuzzTest
    void anyBytesAreABundleOrRefusedInOneSentence(byte[] bytes) {
        readOrRefuse(bytes);
    }

    /** Input: a 4-byte big-endian length, that many bytes of configuration.json, then coefficients.bin. */
    @FuzzTest
    void anyNetworkPartsAreRestoredOrRefusedInOneSentence(byte[] parts) {
        int configurationLength = parts.length < 4 ? 0 : ByteBuffer.wrap(parts).getInt();
        int start = Math.min(4, parts.length);
        int available = parts.length - start;
        if (configurationLength < 0 || configurationLength > available) configurationLength = available;
        byte[] configuration = Arrays.copyOfRange(parts, start, start + configurationLength);
        byte[] coefficients = Arrays.copyOfRange(parts, start + configurationLength, parts.length);
        byte[] network = zip(NetworkArchiveContents.CONFIGURATION, configuration, NetworkArchiveContents.COEFFICIENTS, coefficients);
        readOrRefuse(zip(BundleFile.METADATA_ENTRY, TINY_METADATA, BundleFile.NETWORK_ENTRY, network));
    }

    private static void readOrRefuse(byte[] bytes) {
        ModelBundle bundle;
        try {
            bundle = BundleFile.read(new ByteArrayInputStream(bytes), SOURCE);
        } catch (BundleException e) {
            assertThat(e.getMessage()).startsWith(SOURCE).doesNotContain("\n");
            return;
        }
        assertThat(bundle.network().params().length()).isEqualTo(NetworkArchiveContents.parameterCount(bundle.metadata()));
    }

    private static byte[] zip(String firstName, byte[] first, String secondName, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(firstName));
            zip.write(first);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(secondName));
            zip.write(second);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
