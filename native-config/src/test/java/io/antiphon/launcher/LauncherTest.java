package io.antiphon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The child JVM gets the system properties the user gave the jar's JVM (they did nothing before). */
class LauncherTest {

    @Test
    void theUsersSystemPropertiesReachTheChildJvmButNotTheLaunchersOwn() {
        List<String> given = List.of("-Dantiphon.data=/music/data", "-Xmx2g", "-Dlogback.level=debug",
                "-Dantiphon.launched=true", "-Dantiphon.stderr.terminal=true", "--add-modules", "jdk.incubator.vector", "-D");

        assertThat(Launcher.forwardedProperties(given)).containsExactly("-Dantiphon.data=/music/data", "-Dlogback.level=debug");
    }
}
