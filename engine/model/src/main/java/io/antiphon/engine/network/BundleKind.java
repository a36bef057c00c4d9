package io.antiphon.engine.network;

import java.util.Arrays;

/**
 * What a bundle's network models, stored as {@link BundleMetadata#kind()}: the event LSTM (one-hot event tokens in,
 * softmax out; {@code antiphon train}) or the piano-roll LSTM (88-key many-hot frames in, 88 sigmoids out;
 * {@code antiphon train-roll}). Bundles written before kinds existed have none and are event bundles.
 */
public enum BundleKind {
    EVENTS("events", "an event model (from antiphon train)"),
    PIANO_ROLL("piano-roll", "a piano-roll model (from antiphon train-roll)");

    private final String id;
    private final String description;

    BundleKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The value stored in the metadata's {@code kind}. */
    public String id() {
        return id;
    }

    /** For messages, e.g. "a piano-roll model (from antiphon train-roll)". */
    public String description() {
        return description;
    }

    /**
     * The kind stored as {@code id}; {@code null} (a bundle older than kinds) is {@link #EVENTS}.
     *
     * @throws IllegalArgumentException naming the known kinds when {@code id} is none of them
     */
    public static BundleKind of(String id) {
        if (id == null) return EVENTS;
        for (BundleKind kind : values()) {
            if (kind.id.equals(id)) return kind;
        }
        throw new IllegalArgumentException("model kind '" + id + "' is unknown to this Antiphon (it reads "
                + Arrays.stream(values()).map(BundleKind::id).toList() + ")");
    }
}
