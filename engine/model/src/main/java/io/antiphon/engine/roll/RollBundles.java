package io.antiphon.engine.roll;

import io.antiphon.engine.network.BundleException;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Piano-roll models in the project's bundle format ({@link BundleFile}): metadata of kind
 * {@link BundleKind#PIANO_ROLL}, vocabulary {@link BundleFile#ROLL_VOCABULARY_NAME} whose {@code ticksPerQuarter}
 * is the corpus's frames per quarter note. Reading refuses an event bundle in one sentence.
 */
public final class RollBundles {

    private RollBundles() {
    }

    /**
     * @param corpus   the corpus trained on (its name and frame rate are recorded)
     * @param spec     the network's shape and hyper-parameters
     * @param split    piece counts and the like
     * @param training epochs, regularisation, timings
     * @param metrics  evaluation numbers by name (e.g. {@code valid_nll})
     */
    public static BundleMetadata metadata(RollCorpus corpus, NetworkSpec spec, Map<String, Object> split,
                                          Map<String, Object> training, Map<String, Double> metrics) {
        return new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, BundleKind.PIANO_ROLL.id(),
                BundleFile.rollVocabulary(corpus.framesPerQuarter()), corpus.name(), new LinkedHashMap<>(split), spec,
                new LinkedHashMap<>(training), new LinkedHashMap<>(metrics), Instant.now().toString());
    }

    /** Reads a piano-roll bundle; an event bundle (or any fault) is a {@link BundleException} of one sentence. */
    public static ModelBundle read(Path file) throws BundleException {
        return BundleFile.read(file, BundleKind.PIANO_ROLL);
    }

    /** Reads a piano-roll bundle from a stream (e.g. a shipped preset); {@code source} names it in messages. */
    public static ModelBundle read(InputStream in, String source) throws BundleException {
        return BundleFile.read(in, source, BundleKind.PIANO_ROLL);
    }

    /** Frames per quarter note of a piano-roll bundle's network (1: one frame a quarter note, as the JSB model). */
    public static int framesPerQuarter(BundleMetadata metadata) {
        return metadata.vocabulary().ticksPerQuarter();
    }
}
