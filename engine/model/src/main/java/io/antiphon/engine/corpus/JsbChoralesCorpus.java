package io.antiphon.engine.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 382 Bach chorales of {@code jsb-chorales/Jsb16thSeparated.json} with the file's own train/valid/test split
 * (229/76/77, Boulanger-Lewandowski et al. 2012). Each time step holds four pitches [soprano, alto, tenor, bass],
 * {@code -1} for a resting voice; a step is a sixteenth note (6 ticks). A pitch repeated by a voice on consecutive
 * steps is one held note (the file does not mark re-strikes). The file has no dynamics: every note has velocity
 * {@value #VELOCITY}. Pieces are named {@code jsb-<split>-<index>}, the zero-based index in the file's order,
 * e.g. {@code jsb-train-017}.
 */
public final class JsbChoralesCorpus implements Corpus {

    /** Where the file lies inside the shared data folder. */
    public static final String FILE_IN_DATA_DIRECTORY = "jsb-chorales/Jsb16thSeparated.json";
    public static final int TICKS_PER_STEP = Vocabulary.TICKS_PER_QUARTER / 4;
    public static final int VELOCITY = 80;
    private static final int VOICES = 4;
    private static final int REST = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file the {@code Jsb16thSeparated.json} file */
    public JsbChoralesCorpus(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The JSB chorales file " + file + " does not exist; it is "
                    + FILE_IN_DATA_DIRECTORY + " in the shared data folder.");
        }
        this.file = file;
    }

    /** The corpus in the shared data folder {@code dataDirectory}. */
    public static JsbChoralesCorpus in(Path dataDirectory) {
        return new JsbChoralesCorpus(dataDirectory.resolve(FILE_IN_DATA_DIRECTORY));
    }

    /** The chorales come split (the split of Boulanger-Lewandowski et al. 2012). */
    @Override
    public String splitRule() {
        return "published";
    }

    @Override
    public String name() {
        return "jsb";
    }

    @Override
    public List<Piece> pieces(Split split) throws IOException {
        String key = split.name().toLowerCase(Locale.ROOT);
        JsonNode chorales = JSON.readTree(file.toFile()).get(key);
        if (chorales == null || !chorales.isArray()) {
            throw new IOException(file + ": no \"" + key + "\" list of chorales at the top level");
        }
        List<Piece> pieces = new ArrayList<>(chorales.size());
        for (int index = 0; index < chorales.size(); index++) {
            String where = file + ": " + key + " chorale " + index;
            pieces.add(new Piece(String.format(Locale.ROOT, "jsb-%s-%03d", key, index), notes(chorales.get(index), where)));
        }
        return pieces;
    }

    private static List<TimedNote> notes(JsonNode steps, String where) throws IOException {
        if (!steps.isArray()) throw new IOException(where + " is not a list of time steps");
        int[][] pitches = new int[steps.size()][];
        for (int s = 0; s < steps.size(); s++) pitches[s] = voices(steps.get(s), where + ", step " + s);
        List<TimedNote> notes = new ArrayList<>();
        for (int voice = 0; voice < VOICES; voice++) {
            int held = REST;
            int heldSince = 0;
            for (int s = 0; s <= pitches.length; s++) {
                int pitch = s < pitches.length ? pitches[s][voice] : REST;
                if (pitch == held) continue;
                if (held != REST) notes.add(new TimedNote(held, VELOCITY, (long) heldSince * TICKS_PER_STEP, (long) s * TICKS_PER_STEP));
                held = pitch;
                heldSince = s;
            }
        }
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return notes;
    }

    private static int[] voices(JsonNode step, String where) throws IOException {
        if (!step.isArray() || step.size() != VOICES) {
            throw new IOException(where + " is " + step + "; expected 4 pitches [soprano, alto, tenor, bass]");
        }
        int[] pitches = new int[VOICES];
        for (int voice = 0; voice < VOICES; voice++) {
            JsonNode value = step.get(voice);
            int pitch = value.asInt();
            if (!value.isNumber() || value.asDouble() != pitch || (pitch != REST && !Vocabulary.isPlayable(pitch))) {
                throw new IOException(where + ", voice " + voice + " is " + value + "; expected -1 (rest) or a key 21..108");
            }
            pitches[voice] = pitch;
        }
        return pitches;
    }
}
