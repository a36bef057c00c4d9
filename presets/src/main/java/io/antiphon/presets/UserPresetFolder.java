package io.antiphon.presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The folder holding the user's own presets, one sub-folder per preset ({@code NAME/preset.json} beside its bundle).
 * In order: the system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE},
 * else the platform's place for an application's data: {@code %APPDATA%\Antiphon\Presets} on Windows,
 * {@code ~/Library/Application Support/Antiphon/Presets} on macOS, and {@code $XDG_DATA_HOME/antiphon/presets}
 * (by default {@code ~/.local/share/antiphon/presets}) elsewhere. The folder need not exist until a preset is saved.
 */
public final class UserPresetFolder {

    public static final String PROPERTY = "antiphon.presets";
    public static final String ENVIRONMENT_VARIABLE = "ANTIPHON_PRESETS_DIR";
    /** The file every preset folder holds. */
    public static final String PRESET_FILE = "preset.json";

    private UserPresetFolder() {
    }

    /** The user's preset folder on this machine (it may not exist yet). */
    public static Path path() {
        return path(System::getProperty, System::getenv);
    }

    /**
     * @param properties  system properties by name ({@code os.name}, {@code user.home}, {@value #PROPERTY})
     * @param environment environment variables by name
     */
    static Path path(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) return Path.of(property).toAbsolutePath().normalize();
        String variable = environment.apply(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) return Path.of(variable).toAbsolutePath().normalize();
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(String.valueOf(properties.apply("user.home")));
        if (os.startsWith("windows")) {
            String appData = environment.apply("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Antiphon").resolve("Presets");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("Antiphon").resolve("Presets");
        String xdg = environment.apply("XDG_DATA_HOME");
        // The XDG base directory specification: a relative XDG_DATA_HOME is invalid and is ignored.
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return data.resolve("antiphon").resolve("presets");
    }

    /** The folder of the user preset {@code name}. */
    public static Path of(String name) {
        return path().resolve(name);
    }

    /** The names of the user's presets (sub-folders holding a preset.json), sorted; empty when the folder does not exist. */
    public static List<String> names() throws PresetException {
        Path folder = path();
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(d -> Files.isRegularFile(d.resolve(PRESET_FILE)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new PresetException("The preset folder " + folder + " cannot be listed: " + e.getMessage());
        }
    }
}
