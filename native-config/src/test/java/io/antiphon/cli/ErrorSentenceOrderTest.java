package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal's sentence is the last thing on stderr, after every log line the command wrote before it (the log's
 * appender is asynchronous: without the flush at exit, warnings came after the sentence or between). Runs the real
 * entry point in a JVM of its own, as the jar does.
 */
class ErrorSentenceOrderTest {

    @TempDir
    Path dir;

    @Test
    void theSentenceComesAfterTheWarningsThatLedToIt() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("junk"));
        // fewer than 50 files: every one is read (for its held-out end), each unreadable one a warning
        for (int i = 0; i < 40; i++) Files.writeString(corpus.resolve("junk-" + i + ".mid"), "not MIDI " + i);

        List<String> err = runMain("eval", "--model", "folk", "--corpus", corpus.toString());

        List<String> lines = err.stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines.stream().filter(line -> line.contains("Skipping a MIDI file that cannot be read"))).hasSize(40);
        assertThat(lines.get(lines.size() - 1)).startsWith("antiphon: ").contains("junk");
        assertThat(lines.stream().filter(line -> line.startsWith("antiphon: "))).hasSize(1);
    }

    private static List<String> runMain(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "jdk.incubator.vector", "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dantiphon.launched=true", "-Dantiphon.presets=" + System.getProperty("antiphon.presets", ""),
                "-cp", System.getProperty("java.class.path"), AntiphonCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor()).isEqualTo(FriendlyErrors.REFUSED);
        return new String(err, StandardCharsets.UTF_8).lines().toList();
    }
}
