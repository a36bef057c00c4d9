package io.antiphon.presets;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserPresetFolderTest {

    private static Path folder(Map<String, String> properties, Map<String, String> environment) {
        return UserPresetFolder.path(properties::get, environment::get);
    }

    @Test
    void eachPlatformHasItsPlaceForApplicationData() {
        assertThat(folder(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of()))
                .isEqualTo(Path.of("/home/ann/.local/share/antiphon/presets"));
        assertThat(folder(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of("XDG_DATA_HOME", "/data/ann")))
                .isEqualTo(Path.of("/data/ann/antiphon/presets"));
        assertThat(folder(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of("XDG_DATA_HOME", "relative")))
                .as("a relative XDG_DATA_HOME is ignored").isEqualTo(Path.of("/home/ann/.local/share/antiphon/presets"));
        assertThat(folder(Map.of("os.name", "Mac OS X", "user.home", "/Users/ann"), Map.of()))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Antiphon/Presets"));
        assertThat(folder(Map.of("os.name", "Windows 11", "user.home", "/Users/ann"), Map.of("APPDATA", "/AppData/Roaming")))
                .isEqualTo(Path.of("/AppData/Roaming/Antiphon/Presets"));
    }

    @Test
    void thePropertyThenTheVariableOverrideThePlatform() {
        Map<String, String> linux = Map.of("os.name", "Linux", "user.home", "/home/ann", UserPresetFolder.PROPERTY, "/tmp/p");
        assertThat(folder(linux, Map.of(UserPresetFolder.ENVIRONMENT_VARIABLE, "/tmp/v"))).isEqualTo(Path.of("/tmp/p"));
        assertThat(folder(Map.of("os.name", "Linux", "user.home", "/home/ann"), Map.of(UserPresetFolder.ENVIRONMENT_VARIABLE, "/tmp/v")))
                .isEqualTo(Path.of("/tmp/v"));
    }
}
