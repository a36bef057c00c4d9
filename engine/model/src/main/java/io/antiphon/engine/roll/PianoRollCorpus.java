package io.antiphon.engine.roll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.corpus.Split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piano-roll benchmark corpus: one JSON file {@code {"train": [...], "valid": [...], "test": [...]}}, each a list
 * of pieces, each piece a list of frames, each frame the list of MIDI note numbers sounding (21..108). Two are known
 * by name, both with the split of Boulanger-Lewandowski et al. 2012: {@code jsb} (the JSB chorales quarter-note file,
 * 229/76/77 pieces, one frame a quarter note) and {@code nottingham} (the Nottingham piano rolls, 694/173/170 pieces,
 * one frame an eighth note). Pieces are named {@code <corpus>-<split>-<index>}, the zero-based index in file order.
 */
public final class PianoRollCorpus implements RollCorpus {

    /** The JSB chorales at one frame a quarter note, inside the shared data folder. */
    public static final String JSB_FILE = "jsb-chorales/jsb-chorales-quarter.json";
    /** The Nottingham piano rolls at one frame an eighth note, inside the shared data folder. */
    public static final String NOTTINGHAM_FILE = "nottingham-pianoroll/nottingham-pianoroll.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path file;
    private final int framesPerQuarter;

    /**
     * @param name             short name for messages and bundle metadata
     * @param file             the JSON file
     * @param framesPerQuarter how many frames make a quarter note (the roll's time resolution)
     */
    public PianoRollCorpus(String name, Path file, int framesPerQuarter) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("The piano-roll file " + file + " does not exist.");
        if (framesPerQuarter < 1) throw new IllegalArgumentException("frames per quarter must be positive: " + framesPerQuarter);
        this.name = name;
        this.file = file;
        this.framesPerQuarter = framesPerQuarter;
    }

    /** The JSB chorales (quarter-note frames) in the shared data folder {@code dataDirectory}. */
    public static PianoRollCorpus jsb(Path dataDirectory) {
        return new PianoRollCorpus("jsb", dataDirectory.resolve(JSB_FILE), 1);
    }

    /** The Nottingham piano rolls (eighth-note frames) in the shared data folder {@code dataDirectory}. */
    public static PianoRollCorpus nottingham(Path dataDirectory) {
        return new PianoRollCorpus("nottingham", dataDirectory.resolve(NOTTINGHAM_FILE), 2);
    }

    /**
     * A corpus by the name a user types, {@code jsb} or {@code nottingham}, from the shared data folder ({@link DataDirectory}).
     *
     * @throws IllegalArgumentException for any other name
     * @throws IllegalStateException    when no data folder is found
     */
    public static PianoRollCorpus open(String name) {
        return switch (name) {
            case "jsb" -> jsb(DataDirectory.require());
            case "nottingham" -> nottingham(DataDirectory.require());
            default -> throw new IllegalArgumentException("'" + name + "' is not a piano-roll corpus; the piano-roll corpora are jsb and nottingham.");
        };
    }

    @Override
    public String name() {
        return name;
    }

    /** Frames per quarter note: 1 for {@code jsb}, 2 for {@code nottingham}. */
    @Override
    public int framesPerQuarter() {
        return framesPerQuarter;
    }

    /** The pieces of one split, in file order; read from disk on each call. */
    @Override
    public List<RollPiece> pieces(Split split) throws IOException {
        String key = split.name().toLowerCase(Locale.ROOT);
        JsonNode pieces = JSON.readTree(file.toFile()).get(key);
        if (pieces == null || !pieces.isArray()) throw new IOException(file + ": no \"" + key + "\" list of pieces at the top level");
        List<RollPiece> result = new ArrayList<>(pieces.size());
        for (int index = 0; index < pieces.size(); index++) {
            String pieceName = String.format(Locale.ROOT, "%s-%s-%03d", name, key, index);
            result.add(RollPiece.ofPitches(pieceName, frames(pieces.get(index), file + ": " + key + " piece " + index)));
        }
        return result;
    }

    private static int[][] frames(JsonNode piece, String where) throws IOException {
        if (!piece.isArray()) throw new IOException(where + " is not a list of frames");
        int[][] frames = new int[piece.size()][];
        for (int t = 0; t < piece.size(); t++) {
            JsonNode frame = piece.get(t);
            if (!frame.isArray()) throw new IOException(where + ", frame " + t + " is " + frame + "; expected a list of MIDI note numbers");
            frames[t] = new int[frame.size()];
            for (int i = 0; i < frame.size(); i++) {
                JsonNode value = frame.get(i);
                int pitch = value.asInt();
                if (!value.isNumber() || value.asDouble() != pitch || pitch < RollPiece.LOWEST_PITCH
                        || pitch >= RollPiece.LOWEST_PITCH + RollPiece.KEYS) {
                    throw new IOException(where + ", frame " + t + " holds " + value + "; expected a MIDI note number 21..108");
                }
                frames[t][i] = pitch;
            }
        }
        return frames;
    }
}
