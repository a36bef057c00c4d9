package io.antiphon.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes model bundles: one zip file holding {@value #METADATA_ENTRY} (the {@link BundleMetadata})
 * and {@value #NETWORK_ENTRY} (the network as written by DL4J's {@link ModelSerializer}, without updater state).
 *
 * <p>A bundle is data, never code: entries are checked by name, count, size and inflation ratio (a zip bomb is
 * refused) before anything is parsed, the JSON is strict with depth and size limits, and the inner DL4J archive
 * may only hold its configuration JSON and coefficient array (no normalizer or preprocessor entries, which DL4J
 * would read with Java deserialization), both checked by {@link NetworkArchiveContents} before DL4J reads them.
 * Every fault becomes a {@link BundleException} with one sentence naming the file.
 */
public final class BundleFile {

    public static final String METADATA_ENTRY = "antiphon-bundle.json";
    public static final String NETWORK_ENTRY = "network.zip";
    /** The vocabulary every bundle of this version speaks. */
    public static final BundleMetadata.VocabularyInfo EVENT_VOCABULARY =
            new BundleMetadata.VocabularyInfo("antiphon-events", Vocabulary.SIZE, Vocabulary.TICKS_PER_QUARTER);
    /** The name of the piano-roll vocabulary: 88 keys, MIDI 21..108, one many-hot frame per step. */
    public static final String ROLL_VOCABULARY_NAME = "piano-roll-88";
    public static final int ROLL_KEYS = 88;
    /** The most frames per quarter note a piano-roll bundle may declare (a 64th-note grid). */
    static final int MAX_FRAMES_PER_QUARTER = 16;

    static final long MAX_BUNDLE_BYTES = 256L << 20;
    static final long MAX_METADATA_BYTES = 1L << 20;
    /** How much more than its compressed bytes an archive may inflate to (real bundles: about 1-fold, JSON 10-fold)... */
    static final int MAX_EXPANSION = 100;
    /** ...once it has inflated more than this. */
    static final long EXPANSION_ALLOWANCE_BYTES = 1L << 20;
    private static final Set<String> NETWORK_ENTRIES = Set.of("configuration.json", "coefficients.bin");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1 << 16).maxNumberLength(64).build());
    }

    private BundleFile() {
    }

    /** The piano-roll vocabulary of a roll sampled {@code framesPerQuarter} times a quarter note (JSB quarter file: 1). */
    public static BundleMetadata.VocabularyInfo rollVocabulary(int framesPerQuarter) {
        if (framesPerQuarter < 1 || framesPerQuarter > MAX_FRAMES_PER_QUARTER) {
            throw new IllegalArgumentException("frames per quarter note must be 1.." + MAX_FRAMES_PER_QUARTER + ": " + framesPerQuarter);
        }
        return new BundleMetadata.VocabularyInfo(ROLL_VOCABULARY_NAME, ROLL_KEYS, framesPerQuarter);
    }

    public static void write(ModelBundle bundle, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(bundle, out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);   // a failed write leaves nothing half-written behind
            throw e;
        }
    }

    public static void write(ModelBundle bundle, OutputStream out) throws IOException {
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        ModelSerializer.writeModel(bundle.network(), network, false);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(JSON.writeValueAsBytes(bundle.metadata()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            network.writeTo(zip);
            zip.closeEntry();
        }
    }

    /** Reads only the metadata (cheap: the network is not restored). */
    public static BundleMetadata readMetadata(Path file) throws BundleException {
        return parseMetadata(file.toString(), readEntries(file).get(METADATA_ENTRY));
    }

    /** Reads a bundle of any kind. */
    public static ModelBundle read(Path file) throws BundleException {
        Map<String, byte[]> entries = readEntries(file);
        return decode(file.toString(), entries);
    }

    /** Reads a bundle and refuses, in one sentence, one that is not of the {@code expected} kind. */
    public static ModelBundle read(Path file, BundleKind expected) throws BundleException {
        Map<String, byte[]> entries = readEntries(file);
        requireKind(file.toString(), parseMetadata(file.toString(), entries.get(METADATA_ENTRY)), expected);
        return decode(file.toString(), entries);
    }

    /** Reads a bundle of any kind from a stream (e.g. a classpath resource); {@code source} names it in messages. */
    public static ModelBundle read(InputStream in, String source) throws BundleException {
        return decode(source, readEntries(in, source));
    }

    /** Reads a bundle from a stream and refuses, in one sentence, one that is not of the {@code expected} kind. */
    public static ModelBundle read(InputStream in, String source, BundleKind expected) throws BundleException {
        Map<String, byte[]> entries = readEntries(in, source);
        requireKind(source, parseMetadata(source, entries.get(METADATA_ENTRY)), expected);
        return decode(source, entries);
    }

    private static void requireKind(String source, BundleMetadata metadata, BundleKind expected) throws BundleException {
        BundleKind kind = metadata.bundleKind();
        if (kind != expected) {
            throw new BundleException(source + " holds " + kind.description() + ", but this command needs "
                    + expected.description() + ".");
        }
    }

    private static ModelBundle decode(String source, Map<String, byte[]> entries) throws BundleException {
        BundleMetadata metadata = parseMetadata(source, entries.get(METADATA_ENTRY));
        byte[] network = entries.get(NETWORK_ENTRY);
        if (network == null) throw new BundleException(source + " is incomplete: it has no " + NETWORK_ENTRY + " entry.");
        Map<String, byte[]> networkEntries = checkNetworkArchive(source, network);
        NetworkArchiveContents.check(source, networkEntries, metadata);
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(network), false);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(source + ": the network could not be restored (" + oneLine(e) + ").", e);
        }
        checkNetworkMatches(source, net, metadata);
        return new ModelBundle(net, metadata);
    }

    private static Map<String, byte[]> readEntries(Path file) throws BundleException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BundleException("Model bundle " + file + " does not exist.");
        } catch (IOException e) {
            throw new BundleException("Model bundle " + file + " cannot be read: " + oneLine(e) + ".");
        }
        if (size > MAX_BUNDLE_BYTES) {
            throw new BundleException(file + " is " + size + " bytes, larger than any model bundle may be (" + MAX_BUNDLE_BYTES + ").");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readEntries(in, file.toString());
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException("Model bundle " + file + " cannot be read: " + oneLine(e) + ".");
        }
    }

    private static Map<String, byte[]> readEntries(InputStream in, String source) throws BundleException {
        byte[] bytes;
        try {
            bytes = readLimited(in, MAX_BUNDLE_BYTES, source, "(whole file)", null);
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(source + " cannot be read: " + oneLine(e) + ".");
        }
        if (bytes.length >= 4 && !hasEndOfCentralDirectory(bytes)) {
            boolean zipStart = bytes[0] == 'P' && bytes[1] == 'K';
            throw new BundleException(source + (zipStart ? " is truncated or corrupt (its zip directory is missing)."
                    : " is not an Antiphon model bundle (not a zip archive)."));
        }
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        ArchiveBytes archive = new ArchiveBytes(bytes);
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.equals(METADATA_ENTRY) && !name.equals(NETWORK_ENTRY)) {
                    throw new BundleException(source + " is not an Antiphon model bundle: unexpected entry '" + printable(name) + "'.");
                }
                if (entries.containsKey(name)) throw new BundleException(source + " holds the entry '" + name + "' twice.");
                long limit = name.equals(METADATA_ENTRY) ? MAX_METADATA_BYTES : MAX_BUNDLE_BYTES - total;
                byte[] content = readLimited(zip, limit, source, name, archive);
                total += content.length;
                entries.put(name, content);
            }
        } catch (BundleException e) {
            throw e;
        } catch (ZipException | java.io.EOFException e) {
            throw new BundleException(source + " is corrupt or truncated (not a complete zip archive: " + oneLine(e) + ").");
        } catch (IllegalArgumentException e) {   // ZipInputStream's refusal of an entry name that is not UTF-8
            throw new BundleException(source + " is corrupt: a zip entry's name is not valid UTF-8 (" + oneLine(e) + ").");
        } catch (IOException e) {
            throw new BundleException(source + " cannot be read: " + oneLine(e) + ".");
        }
        if (entries.isEmpty()) throw new BundleException(source + " is not an Antiphon model bundle (no zip entries found).");
        if (!entries.containsKey(METADATA_ENTRY)) throw new BundleException(source + " is incomplete: it has no " + METADATA_ENTRY + " entry.");
        return entries;
    }

    /**
     * A complete zip archive ends with its end-of-central-directory record (signature PK\5\6, 22 bytes plus a comment
     * whose length it states) and the central directory it points to lies just before it.
     */
    private static boolean hasEndOfCentralDirectory(byte[] bytes) {
        int lowest = Math.max(0, bytes.length - (65535 + 22));
        for (int i = bytes.length - 22; i >= lowest; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                int commentLength = (bytes[i + 20] & 0xff) | (bytes[i + 21] & 0xff) << 8;
                long directorySize = (bytes[i + 12] & 0xffL) | (bytes[i + 13] & 0xffL) << 8 | (bytes[i + 14] & 0xffL) << 16 | (bytes[i + 15] & 0xffL) << 24;
                long directoryOffset = (bytes[i + 16] & 0xffL) | (bytes[i + 17] & 0xffL) << 8 | (bytes[i + 18] & 0xffL) << 16 | (bytes[i + 19] & 0xffL) << 24;
                if (i + 22 + commentLength == bytes.length && directoryOffset + directorySize == i) return true;
            }
        }
        return false;
    }

    /**
     * Reads one entry (or a whole file) of at most {@code limit} bytes; when {@code archive} is the zip the entry
     * is inflated from, also refuses an archive that expands more than {@value #MAX_EXPANSION}-fold (a zip bomb).
     */
    private static byte[] readLimited(InputStream in, long limit, String source, String entry, ArchiveBytes archive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) throw new BundleException(source + ": entry '" + entry + "' exceeds its size limit of " + limit + " bytes.");
            if (archive != null) archive.inflated(n, source, entry);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A zip archive held in memory that counts what its entries inflate to against the bytes read so far. */
    private static final class ArchiveBytes extends ByteArrayInputStream {

        private long inflated;

        ArchiveBytes(byte[] bytes) {
            super(bytes);
        }

        void inflated(int bytes, String source, String entry) throws BundleException {
            inflated += bytes;
            if (inflated > EXPANSION_ALLOWANCE_BYTES && inflated > MAX_EXPANSION * (long) Math.max(pos, 1)) {
                throw new BundleException(source + ": entry '" + entry + "' inflates " + pos + " zip bytes to over " + inflated
                        + " (more than " + MAX_EXPANSION + "-fold): refused as a zip bomb.");
            }
        }
    }

    private static BundleMetadata parseMetadata(String source, byte[] json) throws BundleException {
        BundleMetadata metadata;
        try {
            metadata = JSON.readValue(json, BundleMetadata.class);
        } catch (JsonProcessingException e) {
            throw new BundleException(source + ": " + METADATA_ENTRY + " is not valid bundle metadata (" + jsonProblem(e) + ").");
        } catch (IOException e) {
            throw new BundleException(source + ": " + METADATA_ENTRY + " cannot be read (" + oneLine(e) + ").");
        }
        if (metadata == null || !BundleMetadata.FORMAT.equals(metadata.format())) {
            throw new BundleException(source + " is not an Antiphon model bundle (format is not '" + BundleMetadata.FORMAT + "').");
        }
        if (metadata.formatVersion() > BundleMetadata.FORMAT_VERSION) {
            throw new BundleException(source + " has bundle format version " + metadata.formatVersion()
                    + ", newer than this Antiphon reads (" + BundleMetadata.FORMAT_VERSION + "): upgrade Antiphon.");
        }
        if (metadata.formatVersion() < 1) throw new BundleException(source + " has an invalid format version " + metadata.formatVersion() + ".");
        BundleKind kind;
        try {
            kind = metadata.bundleKind();
        } catch (IllegalArgumentException e) {
            throw new BundleException(source + ": " + e.getMessage() + ".");
        }
        BundleMetadata.VocabularyInfo vocabulary = metadata.vocabulary();
        boolean vocabularyFits = switch (kind) {
            case EVENTS -> EVENT_VOCABULARY.equals(vocabulary);
            case PIANO_ROLL -> vocabulary != null && ROLL_VOCABULARY_NAME.equals(vocabulary.name()) && vocabulary.size() == ROLL_KEYS
                    && vocabulary.ticksPerQuarter() >= 1 && vocabulary.ticksPerQuarter() <= MAX_FRAMES_PER_QUARTER;
        };
        if (!vocabularyFits) {
            String expected = kind == BundleKind.EVENTS ? EVENT_VOCABULARY.toString()
                    : ROLL_VOCABULARY_NAME + " with " + ROLL_KEYS + " keys and 1.." + MAX_FRAMES_PER_QUARTER + " frames per quarter";
            throw new BundleException(source + " speaks vocabulary " + vocabulary + ", not " + expected + ".");
        }
        if (metadata.spec() == null) throw new BundleException(source + ": the metadata has no network spec.");
        return metadata;
    }

    private static Map<String, byte[]> checkNetworkArchive(String source, byte[] network) throws BundleException {
        Map<String, byte[]> entries = new HashMap<>();
        Set<String> seen = entries.keySet();
        ArchiveBytes archive = new ArchiveBytes(network);
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!NETWORK_ENTRIES.contains(entry.getName())) {
                    throw new BundleException(source + ": the network archive holds a forbidden entry '" + printable(entry.getName())
                            + "' (only " + NETWORK_ENTRIES + " are accepted).");
                }
                if (seen.contains(entry.getName())) throw new BundleException(source + ": the network archive holds '" + entry.getName() + "' twice.");
                long limit = entry.getName().equals(NetworkArchiveContents.CONFIGURATION) ? MAX_METADATA_BYTES : MAX_BUNDLE_BYTES;
                entries.put(entry.getName(), readLimited(zip, limit, source, entry.getName(), archive));
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(source + ": the network archive is corrupt or truncated (" + oneLine(e) + ").");
        } catch (IllegalArgumentException e) {   // ZipInputStream's refusal of an entry name that is not UTF-8
            throw new BundleException(source + ": the network archive is corrupt: an entry's name is not valid UTF-8 (" + oneLine(e) + ").");
        }
        if (!seen.equals(NETWORK_ENTRIES)) {
            throw new BundleException(source + ": the network archive is incomplete (has " + seen + ", needs " + NETWORK_ENTRIES + ").");
        }
        return entries;
    }

    private static void checkNetworkMatches(String source, MultiLayerNetwork net, BundleMetadata metadata) throws BundleException {
        NetworkSpec spec = metadata.spec();
        int layers = net.getnLayers();
        if (layers != spec.layers() + 1) {
            throw new BundleException(source + ": the network has " + layers + " layers but the metadata describes "
                    + spec.layers() + " LSTM layers and an output layer.");
        }
        for (int i = 0; i < layers; i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            boolean isOutput = i == layers - 1;
            if (isOutput ? !(conf instanceof RnnOutputLayer) : !(conf instanceof LSTM)) {
                throw new BundleException(source + ": layer " + i + " is a " + conf.getClass().getSimpleName()
                        + ", expected " + (isOutput ? "RnnOutputLayer" : "LSTM") + ".");
            }
            FeedForwardLayer ff = (FeedForwardLayer) conf;
            long expectedIn = i == 0 ? metadata.vocabulary().size() : spec.hidden();
            long expectedOut = isOutput ? metadata.vocabulary().size() : spec.hidden();
            if (ff.getNIn() != expectedIn || ff.getNOut() != expectedOut) {
                throw new BundleException(source + ": layer " + i + " is " + ff.getNIn() + "->" + ff.getNOut()
                        + " but the vocabulary and spec require " + expectedIn + "->" + expectedOut + ".");
            }
            if (!isOutput && !(conf instanceof BaseRecurrentLayer)) {
                throw new BundleException(source + ": layer " + i + " is not recurrent.");
            }
            if (isOutput) {
                IActivation activation = ((RnnOutputLayer) conf).getActivationFn();
                boolean fits = metadata.bundleKind() == BundleKind.PIANO_ROLL ? activation instanceof ActivationSigmoid
                        : activation instanceof ActivationSoftmax;
                if (!fits) {
                    throw new BundleException(source + ": the output layer's activation " + activation + " does not fit "
                            + metadata.bundleKind().description() + " (softmax for events, sigmoid for piano rolls).");
                }
            }
        }
    }

    /** Jackson's message without its advice to developers, plus the line and column. */
    static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage().replaceAll("\\s*\\(set [A-Za-z.]+ to '?[a-z]+'? to allow\\)", "")
                .replaceAll("\\s*\\(for Object starting at[^)]*\\)", "");
        int newline = message.indexOf('\n');
        if (newline >= 0) message = message.substring(0, newline);
        return e.getLocation() == null ? message : message + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
