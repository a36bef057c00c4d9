package io.antiphon.presets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The presets Antiphon knows: those shipped in this module (listed in {@value #INDEX}, each in
 * {@code io/antiphon/presets/NAME/preset.json} beside its bundle and evaluation report) and any preset JSON file
 * on disk. Every preset is validated when it is looked up; faults are {@link PresetException}s with one sentence.
 */
public final class PresetCatalogue {

    static final String ROOT = "io/antiphon/presets/";
    static final String INDEX = ROOT + "index.json";
    static final int MAX_JSON_BYTES = 1 << 20;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

    /** The fields of a preset JSON file, for messages. */
    static final String FIELDS = "format, formatVersion, name, description, bundle, evaluation, parameters, cc";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(1 << 14).maxNumberLength(64).build());
    }

    private PresetCatalogue() {
    }

    /** Names of the shipped presets, in catalogue order. */
    public static List<String> builtInNames() throws PresetException {
        URL index = resource(INDEX);
        if (index == null) throw new PresetException("The preset catalogue " + INDEX + " is missing from the classpath.");
        try (InputStream in = index.openStream()) {
            return JSON.readValue(readLimited(in, INDEX), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new PresetException("The preset catalogue " + INDEX + " cannot be read: " + e.getMessage());
        }
    }

    /** Every shipped preset, validated. */
    public static List<PresetEntry> builtIn() throws PresetException {
        List<PresetEntry> entries = new ArrayList<>();
        for (String name : builtInNames()) entries.add(builtIn(name));
        return entries;
    }

    /**
     * The names every preset is known by, in the order {@code antiphon presets} lists them and Program Change numbers
     * them (0 first): the shipped presets in catalogue order, then the user's presets by name.
     */
    public static List<String> names() throws PresetException {
        List<String> names = new ArrayList<>(builtInNames());
        for (String user : UserPresetFolder.names()) if (!names.contains(user)) names.add(user);
        return names;
    }

    /** Whether {@code name} is a shipped preset's or one of the user's presets' name. */
    public static boolean exists(String name) throws PresetException {
        return names().contains(name);
    }

    /**
     * A preset by name ({@code chorale}, or one of the user's presets) or by the path of a preset JSON file or of a
     * folder holding a preset.json.
     */
    public static PresetEntry find(String nameOrPath) throws PresetException {
        if (NAME.matcher(nameOrPath).matches()) {
            if (builtInNames().contains(nameOrPath)) return builtIn(nameOrPath);
            if (UserPresetFolder.names().contains(nameOrPath)) return user(nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(UserPresetFolder.PRESET_FILE))) {
            return fromFile(path.resolve(UserPresetFolder.PRESET_FILE));
        }
        if (nameOrPath.endsWith(".json") || nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator)) {
            return fromFile(path);
        }
        throw new PresetException("No preset named '" + nameOrPath + "'; the presets are " + names()
                + " (your own are in " + UserPresetFolder.path() + "), or give the path of a preset .json file.");
    }

    /**
     * Checks that {@code name} can name a new user preset: lower-case letters, digits and dashes, and no preset has it.
     *
     * @throws PresetException saying why not, in one sentence
     */
    public static void checkNewName(String name) throws PresetException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PresetException("'" + name + "' cannot name a preset: use lower-case letters, digits and dashes (at most 41), starting with a letter or digit.");
        }
        if (builtInNames().contains(name)) throw new PresetException("'" + name + "' is a shipped preset's name; choose another with --name.");
        if (UserPresetFolder.names().contains(name)) {
            throw new PresetException("You have a preset named '" + name + "' already (in " + UserPresetFolder.of(name)
                    + "); choose another with --name, or remove that folder.");
        }
    }

    /** A preset name made from {@code text} (a folder's name): lower case, other characters as dashes; null when nothing is left. */
    public static String nameFrom(String text) {
        String name = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 41) name = name.substring(0, 41).replaceAll("-+$", "");
        return name.isEmpty() ? null : name;
    }

    /** One of the user's presets by name ({@link UserPresetFolder}). */
    public static PresetEntry user(String name) throws PresetException {
        Path file = UserPresetFolder.of(name).resolve(UserPresetFolder.PRESET_FILE);
        PresetEntry entry = fromFile(file, PresetEntry.Origin.USER);
        if (!entry.preset().name().equals(name)) {
            throw new PresetException("The preset in " + file.getParent() + " is named '" + entry.preset().name()
                    + "', not '" + name + "' as its folder; rename the folder or its \"name\".");
        }
        return entry;
    }

    /** A shipped preset by name. */
    public static PresetEntry builtIn(String name) throws PresetException {
        String dir = ROOT + name + "/";
        URL json = resource(dir + "preset.json");
        if (json == null) throw new PresetException("The shipped preset '" + name + "' has no preset.json.");
        Preset preset;
        try (InputStream in = json.openStream()) {
            preset = parse(readLimited(in, json.toString()), json.toString());
        } catch (PresetException e) {
            throw e;
        } catch (IOException e) {
            throw new PresetException("The shipped preset '" + name + "' cannot be read: " + e.getMessage());
        }
        URL bundle = resource(dir + preset.bundle());
        if (bundle == null) throw new PresetException("Preset '" + name + "' names bundle '" + preset.bundle() + "', which is not shipped.");
        Map<String, Object> evaluation = Map.of();
        if (preset.evaluation() != null) {
            URL eval = resource(dir + preset.evaluation());
            if (eval == null) throw new PresetException("Preset '" + name + "' names evaluation '" + preset.evaluation() + "', which is not shipped.");
            try (InputStream in = eval.openStream()) {
                evaluation = parseEvaluation(readLimited(in, eval.toString()), eval.toString());
            } catch (PresetException e) {
                throw e;
            } catch (IOException e) {
                throw new PresetException("Preset '" + name + "': its evaluation cannot be read: " + e.getMessage());
            }
        }
        return new PresetEntry(preset, PresetEntry.Origin.SHIPPED, json.toString(), bundle.toString(), evaluation, bundle::openStream);
    }

    /** A preset JSON file on disk; its bundle and evaluation are resolved beside it. */
    public static PresetEntry fromFile(Path file) throws PresetException {
        return fromFile(file, PresetEntry.Origin.FILE);
    }

    private static PresetEntry fromFile(Path file, PresetEntry.Origin origin) throws PresetException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_JSON_BYTES) throw new PresetException(file + " is too large for a preset (over " + MAX_JSON_BYTES + " bytes).");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PresetException("Preset file " + file + " does not exist.");
        } catch (PresetException e) {
            throw e;
        } catch (IOException e) {
            throw new PresetException("Preset file " + file + " cannot be read: " + e.getMessage());
        }
        Preset preset = parse(bytes, file.toString());
        Path dir = file.toAbsolutePath().getParent();
        Path bundle = dir.resolve(preset.bundle());
        if (!Files.isRegularFile(bundle)) {
            throw new PresetException("Preset " + file + " names bundle '" + preset.bundle() + "', which does not exist at " + bundle + ".");
        }
        Map<String, Object> evaluation = Map.of();
        if (preset.evaluation() != null) {
            Path eval = dir.resolve(preset.evaluation());
            try (InputStream in = Files.newInputStream(eval)) {
                evaluation = parseEvaluation(readLimited(in, eval.toString()), eval.toString());
            } catch (NoSuchFileException e) {
                throw new PresetException("Preset " + file + " names evaluation '" + preset.evaluation() + "', which does not exist.");
            } catch (PresetException e) {
                throw e;
            } catch (IOException e) {
                throw new PresetException("Preset " + file + ": its evaluation cannot be read: " + e.getMessage());
            }
        }
        return new PresetEntry(preset, origin, file.toString(), bundle.toString(), evaluation, () -> Files.newInputStream(bundle));
    }

    static Preset parse(byte[] json, String source) throws PresetException {
        Preset preset;
        try {
            preset = JSON.readValue(json, Preset.class);
        } catch (UnrecognizedPropertyException e) {
            throw new PresetException(source + ": unknown field \"" + e.getPropertyName() + "\"" + where(e)
                    + "; a preset's fields are " + FIELDS + ".");
        } catch (MismatchedInputException e) {
            throw new PresetException(source + ": " + field(e) + " must be " + expected(e.getTargetType()) + where(e) + ".");
        } catch (JsonProcessingException e) {
            throw new PresetException(source + " is not a valid preset: " + e.getOriginalMessage() + where(e) + ".");
        } catch (IOException e) {
            throw new PresetException(source + " cannot be read: " + e.getMessage());
        }
        if (preset == null) throw new PresetException(source + " is empty, not a preset.");
        List<String> missing = new ArrayList<>();
        if (preset.format() == null) missing.add("\"format\"");
        if (preset.formatVersion() == null) missing.add("\"formatVersion\"");
        if (preset.name() == null) missing.add("\"name\"");
        if (preset.bundle() == null) missing.add("\"bundle\"");
        if (missing.size() > 1) {
            throw new PresetException(source + ": the fields " + String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
                    + missing.get(missing.size() - 1) + " are missing; a preset needs \"format\": \"" + Preset.FORMAT
                    + "\", \"formatVersion\": " + Preset.FORMAT_VERSION + ", a \"name\" and its \"bundle\" file.");
        }
        if (preset.format() == null) {
            throw new PresetException(source + ": the field \"format\" is missing; an Antiphon preset has \"format\": \"" + Preset.FORMAT + "\".");
        }
        if (!Preset.FORMAT.equals(preset.format())) {
            throw new PresetException(source + " is not an Antiphon preset: \"format\" is '" + preset.format() + "', not '" + Preset.FORMAT + "'.");
        }
        if (preset.formatVersion() == null) {
            throw new PresetException(source + ": the field \"formatVersion\" is missing; this Antiphon reads \"formatVersion\": " + Preset.FORMAT_VERSION + ".");
        }
        if (preset.formatVersion() > Preset.FORMAT_VERSION) {
            throw new PresetException(source + " has preset format version " + preset.formatVersion() + ", newer than this Antiphon reads (" + Preset.FORMAT_VERSION + ").");
        }
        if (preset.formatVersion() < 1) throw new PresetException(source + ": \"formatVersion\" " + preset.formatVersion() + " is invalid; it must be " + Preset.FORMAT_VERSION + ".");
        if (preset.name() == null) {
            throw new PresetException(source + ": the field \"name\" is missing; it is the name the preset is played by (lower-case letters, digits and dashes).");
        }
        if (!NAME.matcher(preset.name()).matches()) {
            throw new PresetException(source + ": \"name\" must be lower-case letters, digits and dashes (at most 41), got '" + preset.name() + "'.");
        }
        checkFileName(source, "bundle", preset.bundle(), true);
        checkFileName(source, "evaluation", preset.evaluation(), false);
        for (Map.Entry<String, Object> p : preset.parameters().entrySet()) {
            Object value = p.getValue();
            if (value instanceof Double d) {
                if (!Double.isFinite(d)) throw new PresetException(source + ": parameter \"" + p.getKey() + "\" must be a finite number.");
            } else if (!(value instanceof String)) {
                throw new PresetException(source + ": parameter \"" + p.getKey() + "\" must be a number or a choice's name (\"key_root\": \"D\", \"scale\": \"dorian\"), got "
                        + (value == null ? "null" : value) + ".");
            }
        }
        for (String key : preset.cc().keySet()) {
            int cc;
            try {
                cc = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw new PresetException(source + ": CC map key '" + key + "' is not a controller number 0..127.");
            }
            if (cc < 0 || cc > 127) throw new PresetException(source + ": CC map key " + cc + " is outside 0..127.");
        }
        return preset;
    }

    /** The field a mapping error is about, as a JSON path ({@code "parameters"."temperature"}). */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (path.length() > 0) path.append('.');
            path.append(ref.getFieldName() != null ? "\"" + ref.getFieldName() + "\"" : "[" + ref.getIndex() + "]");
        }
        return path.length() == 0 ? "the preset" : "the field " + path;
    }

    private static String expected(Class<?> type) {
        if (type == null) return "of another type";
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == String.class) return "a text string";
        if (Map.class.isAssignableFrom(type) || type == Preset.class) return "an object {...}";
        if (Number.class.isAssignableFrom(type)) return "a number";
        return "a " + type.getSimpleName();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
    }

    private static void checkFileName(String source, String field, String value, boolean required) throws PresetException {
        if (value == null) {
            if (required) throw new PresetException(source + ": the field \"" + field + "\" is missing; it names the model bundle file beside the preset (\"bundle\": \"mine.bundle\").");
            return;
        }
        if (!FILE_NAME.matcher(value).matches() || value.contains("..")) {
            throw new PresetException(source + ": " + field + " '" + value + "' must be a plain file name beside the preset (no folders).");
        }
    }

    private static Map<String, Object> parseEvaluation(byte[] json, String source) throws PresetException {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new PresetException(source + " is not a valid evaluation report: " + e.getMessage());
        }
    }

    private static byte[] readLimited(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) throw new PresetException(source + " is too large (over " + MAX_JSON_BYTES + " bytes).");
        return bytes;
    }

    private static URL resource(String path) {
        return PresetCatalogue.class.getClassLoader().getResource(path);
    }
}
