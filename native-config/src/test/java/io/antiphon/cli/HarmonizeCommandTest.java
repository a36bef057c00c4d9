package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --mode harmonize} and {@code play --mode harmonize}: what they refuse, in one sentence, exit 2. */
class HarmonizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMelodyThatIsNotMidiIsRefusedBeforeAnyModelLoads() throws IOException {
        Path melody = Files.write(dir.resolve("melody.mid"), "hello".getBytes(StandardCharsets.UTF_8));

        CommandRun run = CommandRun.of("demo", "--mode", "harmonize", "--out", dir.resolve("out").toString(), "--melody", melody.toString());

        assertRefused(run, "melody.mid");
    }

    @Test
    void aMissingMelodyIsNamed() {
        CommandRun run = CommandRun.of("demo", "--mode", "harmonize", "--out", dir.resolve("out").toString(),
                "--melody", dir.resolve("absent.mid").toString());

        assertRefused(run, "absent.mid");
    }

    @Test
    void anEventPresetCannotHarmonize() {
        CommandRun demo = CommandRun.of("demo", "--mode", "harmonize", "--out", dir.resolve("out").toString(), "--preset", "chorale");

        assertRefused(demo, "piano-roll");
    }

    @Test
    void aCallBelongsToCallModeAndAMelodyToHarmonize() throws IOException {
        Path file = Files.write(dir.resolve("phrase.mid"), "hello".getBytes(StandardCharsets.UTF_8));

        assertRefused(CommandRun.of("demo", "--mode", "harmonize", "--out", dir.toString(), "--call", file.toString()), "--melody");
        assertRefused(CommandRun.of("demo", "--out", dir.toString(), "--melody", file.toString()), "--mode harmonize");
    }

    private static void assertRefused(CommandRun run, String mentioned) {
        String err = run.err().strip();
        assertThat(run.exitCode()).as("exit code: %s", err).isEqualTo(2);
        assertThat(err).startsWith("antiphon: ").doesNotContain("\n").doesNotContain("\tat ").contains(mentioned);
        assertThat(run.out()).isEmpty();
    }
}
