package io.antiphon.engine.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * Everything a bundle says about its network besides the weights: what it was trained on and how,
 * how well it did, and the vocabulary it speaks.
 *
 * @param format         always {@value #FORMAT}
 * @param formatVersion  {@value #FORMAT_VERSION}; a newer version is refused
 * @param kind           {@link BundleKind#id()} of what the network models; absent (null) in bundles older than kinds,
 *                       which are event bundles
 * @param vocabulary     the token vocabulary the network's input and output follow; for a piano roll its
 *                       {@code ticksPerQuarter} is the number of frames per quarter note (a frame is the roll's tick)
 * @param corpus         corpus name ({@code jsb}, {@code nottingham} or a folder)
 * @param split          how the corpus was split (rule and piece counts)
 * @param spec           network shape and training hyper-parameters
 * @param training       epochs, tokens, throughput, duration
 * @param metrics        evaluation numbers (validation NLL and others), by name
 * @param created        ISO-8601 instant of creation
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BundleMetadata(String format, int formatVersion, String kind, VocabularyInfo vocabulary, String corpus,
                             Map<String, Object> split, NetworkSpec spec, Map<String, Object> training,
                             Map<String, Double> metrics, String created) {

    public static final String FORMAT = "antiphon-bundle";
    public static final int FORMAT_VERSION = 1;

    /** The kind of model, {@link BundleKind#EVENTS} when the bundle names none. */
    public BundleKind bundleKind() {
        return BundleKind.of(kind);
    }

    /**
     * @param name            vocabulary identifier
     * @param size            number of tokens
     * @param ticksPerQuarter time resolution of TIME_SHIFT tokens
     */
    public record VocabularyInfo(String name, int size, int ticksPerQuarter) {
    }
}
