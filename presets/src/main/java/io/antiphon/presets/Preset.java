package io.antiphon.presets;

import java.util.Map;

/**
 * A performer preset: which model bundle to load and how to play it, as stored in a preset JSON file.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion {@value #FORMAT_VERSION}; a newer version is refused
 * @param name          short name used on the command line ({@code chorale}, {@code folk})
 * @param description   one line for people
 * @param bundle        the model bundle's file name, relative to the preset file
 * @param evaluation    the evaluation report's file name, relative to the preset file (may be null)
 * @param parameters    performer parameter values by name (validated by the engine)
 * @param cc            MIDI CC number (0..127, as a string key) to parameter name; overrides the default map
 */
public record Preset(String format, int formatVersion, String name, String description, String bundle,
                     String evaluation, Map<String, Double> parameters, Map<String, String> cc) {

    public static final String FORMAT = "antiphon-preset";
    public static final int FORMAT_VERSION = 1;

    public Preset {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        cc = cc == null ? Map.of() : Map.copyOf(cc);
    }
}
