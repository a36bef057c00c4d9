package io.antiphon.engine.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the shared data folder (the one holding {@code jsb-chorales/} and {@code nottingham-midi/}). In order:
 * the system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE}, else
 * {@code ../shared/data} relative to the working directory, else {@code ../../shared/data}. When the property
 * or the variable is set, it alone decides: a setting that names no directory is not silently bypassed.
 */
public final class DataDirectory {

    public static final String PROPERTY = "antiphon.data";
    public static final String ENVIRONMENT_VARIABLE = "ANTIPHON_DATA";
    private static final List<String> RELATIVE_CANDIDATES = List.of("../shared/data", "../../shared/data");

    private record Setting(String source, Path path) {
    }

    private DataDirectory() {
    }

    /** The data folder, if one is configured or found beside the working directory. */
    public static Optional<Path> find() {
        return find(System::getProperty, System::getenv, workingDirectory());
    }

    /**
     * The data folder.
     *
     * @throws IllegalStateException saying how to set it when there is none
     */
    public static Path require() {
        return require(System::getProperty, System::getenv, workingDirectory());
    }

    static Optional<Path> find(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDirectory) {
        Optional<Setting> setting = setting(properties, environment);
        if (setting.isPresent()) return Optional.of(setting.get().path()).filter(Files::isDirectory);
        return candidates(workingDirectory).stream().filter(Files::isDirectory).findFirst();
    }

    static Path require(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDirectory) {
        Optional<Path> found = find(properties, environment, workingDirectory);
        if (found.isPresent()) return found.get();
        Optional<Setting> setting = setting(properties, environment);
        if (setting.isPresent()) {
            throw new IllegalStateException("The " + setting.get().source() + " is set to " + setting.get().path()
                    + ", which is not a directory; point it at the shared data folder (the one holding jsb-chorales/"
                    + " and nottingham-midi/).");
        }
        throw new IllegalStateException("No data folder found: set the system property " + PROPERTY
                + " (-D" + PROPERTY + "=/path/to/shared/data) or the environment variable " + ENVIRONMENT_VARIABLE
                + " to the folder holding jsb-chorales/ and nottingham-midi/; without them it is looked for at "
                + String.join(" and ", candidates(workingDirectory).stream().distinct().map(Path::toString).toList()) + ".");
    }

    private static Optional<Setting> setting(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) return Optional.of(new Setting("system property " + PROPERTY, absolute(property)));
        String variable = environment.apply(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new Setting("environment variable " + ENVIRONMENT_VARIABLE, absolute(variable)));
        }
        return Optional.empty();
    }

    private static List<Path> candidates(Path workingDirectory) {
        return RELATIVE_CANDIDATES.stream().map(c -> workingDirectory.resolve(c).normalize()).toList();
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
