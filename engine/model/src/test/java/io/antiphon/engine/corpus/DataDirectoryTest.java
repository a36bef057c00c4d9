package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path root;

    private static UnaryOperator<String> settings(Map<String, String> values) {
        return values::get;
    }

    private static final UnaryOperator<String> NONE = key -> null;

    @Test
    void theSystemPropertyComesFirst() throws IOException {
        Path byProperty = Files.createDirectories(root.resolve("p"));
        Path byVariable = Files.createDirectories(root.resolve("v"));
        assertThat(DataDirectory.find(settings(Map.of("antiphon.data", byProperty.toString())),
                settings(Map.of("ANTIPHON_DATA", byVariable.toString())), root)).contains(byProperty);
    }

    @Test
    void theEnvironmentVariableComesSecond() throws IOException {
        Path byVariable = Files.createDirectories(root.resolve("v"));
        assertThat(DataDirectory.find(settings(Map.of("antiphon.data", " ")),
                settings(Map.of("ANTIPHON_DATA", byVariable.toString())), root)).contains(byVariable);
    }

    @Test
    void withoutSettingsTheSharedFolderOneOrTwoLevelsUpIsFoundNearestFirst() throws IOException {
        Path oneUp = Files.createDirectories(root.resolve("a/shared/data"));
        Path twoUp = Files.createDirectories(root.resolve("b/shared/data"));
        assertThat(DataDirectory.find(NONE, NONE, root.resolve("a/engine"))).contains(oneUp);
        assertThat(DataDirectory.find(NONE, NONE, root.resolve("b/repo/engine"))).contains(twoUp);
        Path nearer = Files.createDirectories(root.resolve("b/repo/shared/data"));
        assertThat(DataDirectory.find(NONE, NONE, root.resolve("b/repo/engine"))).contains(nearer);
        assertThat(DataDirectory.find(NONE, NONE, root.resolve("c/repo/engine"))).isEmpty();
    }

    @Test
    void aSettingThatNamesNoDirectoryIsNotBypassedAndSaysWhatIsWrong() throws IOException {
        Files.createDirectories(root.resolve("shared/data"));
        UnaryOperator<String> property = settings(Map.of("antiphon.data", root.resolve("missing").toString()));
        assertThat(DataDirectory.find(property, NONE, root.resolve("repo"))).isEmpty();
        assertThatThrownBy(() -> DataDirectory.require(property, NONE, root.resolve("repo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("system property antiphon.data is set to " + root.resolve("missing"))
                .hasMessageContaining("not a directory");
    }

    @Test
    void noFolderAnywhereTellsHowToSetIt() {
        assertThatThrownBy(() -> DataDirectory.require(NONE, NONE, root.resolve("repo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dantiphon.data=")
                .hasMessageContaining("ANTIPHON_DATA")
                .hasMessageContaining(root.resolve("shared/data").toString());
    }

    @Test
    void nearTheRootThePlacesLookedAtAreNamedOnceInWords() {
        // from /tmp, ../shared/data and ../../shared/data are both /shared/data
        assertThatThrownBy(() -> DataDirectory.require(NONE, NONE, Path.of("/tmp")))
                .hasMessageEndingWith("without them it is looked for at " + Path.of("/shared/data") + ".");
        assertThatThrownBy(() -> DataDirectory.require(NONE, NONE, root.resolve("a/b")))
                .hasMessageEndingWith("looked for at " + root.resolve("a/shared/data") + " and " + root.resolve("shared/data") + ".");
    }
}
