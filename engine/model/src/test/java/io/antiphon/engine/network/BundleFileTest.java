package io.antiphon.engine.network;

import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleFileTest {

    private static final NetworkSpec SPEC = NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 8);
    private static ModelBundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        MultiLayerNetwork net = NetworkFactory.build(SPEC);
        bundle = new ModelBundle(net, metadata(BundleMetadata.FORMAT_VERSION, BundleFile.EVENT_VOCABULARY, SPEC));
    }

    static BundleMetadata metadata(int version, BundleMetadata.VocabularyInfo vocabulary, NetworkSpec spec) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("valid_nll", 1.5);
        return new BundleMetadata(BundleMetadata.FORMAT, version, BundleKind.EVENTS.id(), vocabulary, "jsb", Map.of("train_pieces", 3),
                spec, Map.of("epochs", 1), metrics, "2026-11-22T00:00:00Z");
    }

    @Test
    void roundTripKeepsWeightsAndMetadata() throws IOException {
        Path file = dir.resolve("m.bundle");
        BundleFile.write(bundle, file);
        ModelBundle read = BundleFile.read(file);
        assertThat(read.metadata()).isEqualTo(bundle.metadata());
        assertThat(read.network().params().equalsWithEps(bundle.network().params(), 0)).isTrue();
        var input = Nd4j.zeros(1, Vocabulary.SIZE, 3);
        input.putScalar(new int[]{0, 60, 0}, 1);
        assertThat(read.network().output(input).equalsWithEps(bundle.network().output(input), 1e-6)).isTrue();
        assertThat(BundleFile.readMetadata(file).corpus()).isEqualTo("jsb");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("folder.bundle");
        Files.createDirectories(target.resolve("inside"));   // a folder where the bundle should go: the final move fails
        assertThatThrownBy(() -> BundleFile.write(bundle, target)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("folder.bundle.tmp")).doesNotExist();
        assertThat(target.resolve("inside")).isDirectory();
    }

    @Test
    void missingFileIsOneClearSentence() {
        assertThatThrownBy(() -> BundleFile.read(dir.resolve("absent.bundle")))
                .isInstanceOf(BundleException.class).hasMessageContaining("does not exist");
    }

    @Test
    void truncatedBundleIsRefused() throws IOException {
        Path file = dir.resolve("m.bundle");
        BundleFile.write(bundle, file);
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[]{10, bytes.length / 3, bytes.length / 2, bytes.length - 30}) {
            Path truncated = dir.resolve("cut" + cut + ".bundle");
            Files.write(truncated, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> BundleFile.read(truncated)).as("cut at %d", cut)
                    .isInstanceOf(BundleException.class).hasMessageContaining(truncated.toString());
        }
    }

    @Test
    void foreignFileIsRefused() throws IOException {
        Path text = dir.resolve("notes.bundle");
        Files.writeString(text, "this is not a zip file at all");
        assertThatThrownBy(() -> BundleFile.read(text)).isInstanceOf(BundleException.class)
                .hasMessageContaining("not an Antiphon model bundle");
        Path otherZip = zip("other.bundle", Map.of("hello.txt", "hi".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> BundleFile.read(otherZip)).isInstanceOf(BundleException.class)
                .hasMessageContaining("unexpected entry 'hello.txt'");
    }

    @Test
    void futureVersionAndForeignVocabularyAreRefused() throws IOException {
        Path future = dir.resolve("future.bundle");
        BundleFile.write(new ModelBundle(bundle.network(), metadata(99, BundleFile.EVENT_VOCABULARY, SPEC)), future);
        assertThatThrownBy(() -> BundleFile.read(future)).isInstanceOf(BundleException.class)
                .hasMessageContaining("format version 99").hasMessageContaining("upgrade");
        Path foreign = dir.resolve("vocab.bundle");
        var other = new BundleMetadata.VocabularyInfo("piano-roll", 88, 4);
        BundleFile.write(new ModelBundle(bundle.network(), metadata(1, other, SPEC)), foreign);
        assertThatThrownBy(() -> BundleFile.read(foreign)).isInstanceOf(BundleException.class)
                .hasMessageContaining("speaks vocabulary");
    }

    @Test
    void networkThatDoesNotMatchItsSpecIsRefused() throws IOException {
        Path file = dir.resolve("mismatch.bundle");
        BundleFile.write(new ModelBundle(bundle.network(), metadata(1, BundleFile.EVENT_VOCABULARY, SPEC.withShape(2, 8))), file);
        assertThatThrownBy(() -> BundleFile.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("layers");
    }

    @Test
    void networkArchiveWithDeserializableEntriesIsRefused() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("normalizer.bin"));
            zip.write(new byte[]{(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        Path file = zip("evil.bundle", Map.of(
                BundleFile.METADATA_ENTRY, metadataBytes(),
                BundleFile.NETWORK_ENTRY, inner.toByteArray()));
        assertThatThrownBy(() -> BundleFile.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("forbidden entry 'normalizer.bin'");
    }

    @Test
    void zipBombIsRefusedBeforeItInflates() throws IOException {
        Path file = zip("bomb.bundle", Map.of(BundleFile.METADATA_ENTRY, metadataBytes(), BundleFile.NETWORK_ENTRY, new byte[64 << 20]));
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertThatThrownBy(() -> BundleFile.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("entry 'network.zip' inflates").hasMessageEndingWith("-fold): refused as a zip bomb.");
    }

    @Test
    void malformedMetadataNamesTheProblem() throws IOException {
        Path file = zip("bad-json.bundle", Map.of(BundleFile.METADATA_ENTRY, "{\"format\": \"antiphon-bundle\", \"formatVersion\": 1, \"bogus\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> BundleFile.read(file)).isInstanceOf(BundleException.class)
                .hasMessageContaining("not valid bundle metadata").hasMessageContaining("bogus");
    }

    private byte[] metadataBytes() throws IOException {
        Path file = dir.resolve("for-meta.bundle");
        BundleFile.write(bundle, file);
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(BundleFile.METADATA_ENTRY)) return zip.readAllBytes();
            }
        }
        throw new IllegalStateException("no metadata");
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return file;
    }
}
