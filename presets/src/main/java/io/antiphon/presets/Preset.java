package io.antiphon.presets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A performer preset: which model bundle to load and how to play it, as stored in a preset JSON file.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion {@value #FORMAT_VERSION}; a newer version is refused (null only before validation)
 * @param name          short name used on the command line ({@code chorale}, {@code folk})
 * @param description   one line for people
 * @param bundle        the model bundle's file name, relative to the preset file
 * @param evaluation    the evaluation report's file name, relative to the preset file (may be null)
 * @param parameters    performer parameter values by name (validated by the engine): each a number ({@link Double}) or,
 *                      for a parameter that is a choice, the choice's name ({@link String}: {@code "key_root": "D"},
 *                      {@code "scale": "dorian"}, {@code "mode": "harmonize"})
 * @param cc            MIDI CC number (0..127, as a string key) to parameter name; overrides the default map
 */
public record Preset(String format, Integer formatVersion, String name, String description, String bundle,
                     String evaluation, Map<String, Object> parameters, Map<String, String> cc) {

    public static final String FORMAT = "antiphon-preset";
    public static final int FORMAT_VERSION = 1;
    /** The parameter that says which mode a preset serves (a choice: call, jam, harmonize). */
    public static final String MODE_PARAMETER = "mode";

    public Preset {
        Map<String, Object> values = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((key, value) -> values.put(key, value instanceof Number n && !(value instanceof Double)
                    ? Double.valueOf(n.doubleValue()) : value));
        }
        parameters = java.util.Collections.unmodifiableMap(values);
        cc = cc == null ? Map.of() : Map.copyOf(cc);
    }

    /** Whether this preset plays the harmonizer (its {@code mode} is harmonize, 2), not call-and-response or jam. */
    public boolean harmonizes() {
        return "harmonize".equals(servedMode());
    }

    /**
     * The mode this preset plays when none is asked for: {@code call}, {@code jam} or {@code harmonize}, from its
     * {@code mode} parameter (a name or the choice's number 0, 1, 2); {@code call} without one.
     */
    public String servedMode() {
        Object mode = parameters.get(MODE_PARAMETER);
        if (mode instanceof Double d) return d == 2.0 ? "harmonize" : d == 1.0 ? "jam" : "call";
        return "harmonize".equals(mode) || "jam".equals(mode) ? (String) mode : "call";
    }
}
