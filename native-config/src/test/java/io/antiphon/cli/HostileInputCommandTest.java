package io.antiphon.cli;

import io.antiphon.presets.PresetCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrupt bundles, malformed MIDI files and broken presets given on the command line: each is refused with exit
 * code 2 and one sentence on stderr that names the file, never a stack trace (README, "Hostile input").
 */
class HostileInputCommandTest {

    @TempDir
    Path dir;

    @Test
    void corruptBundlesAreRefusedInOneSentence() throws IOException {
        byte[] shipped = shippedBundle();
        byte[] flipped = shipped.clone();
        flipped[shipped.length / 2] ^= 0x55;
        Path[] bundles = {
                write("truncated.bundle", Arrays.copyOf(shipped, shipped.length / 3)),
                write("flipped-byte.bundle", flipped),
                write("random.bundle", "not a zip at all, just text".getBytes(StandardCharsets.UTF_8)),
                write("empty.bundle", new byte[0]),
                write("bomb.bundle", zip("network.zip", new byte[32 << 20])),
                write("escape.bundle", zip("../../etc/cron.d/x", new byte[]{1})),
        };
        for (Path bundle : bundles) {
            assertRefused(bundle, "eval", "--model", bundle.toString(), "--corpus", "jsb", "--json");
        }
    }

    @Test
    void malformedCallFilesAreRefusedInOneSentence() throws IOException {
        byte[] header = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96};
        Path[] calls = {
                write("text.mid", "hello".getBytes(StandardCharsets.UTF_8)),
                write("header-only.mid", Arrays.copyOf(header, 9)),
                write("track-claims-2GiB.mid", concat(header, new byte[]{'M', 'T', 'r', 'k', 0x7F, -1, -1, -1, 0, -1, 0x2F, 0})),
                write("status-as-data.mid", concat(header, new byte[]{'M', 'T', 'r', 'k', 0, 0, 0, 8, 0, (byte) 0x90, 0x3C, (byte) 0x83, 0, -1, 0x2F, 0})),
                write("tempo-zero.mid", concat(header, new byte[]{'M', 'T', 'r', 'k', 0, 0, 0, 11, 0, -1, 0x51, 3, 0, 0, 0, 0, -1, 0x2F, 0})),
        };
        for (Path call : calls) {
            assertRefused(call, "demo", "--out", dir.resolve("out").toString(), "--call", call.toString());
        }
    }

    @Test
    void brokenPresetsAreRefusedInOneSentence() throws IOException {
        Files.write(dir.resolve("garbage.bundle"), "garbage".getBytes(StandardCharsets.UTF_8));
        Path[] presets = {
                write("not-json.json", "{\"format\": \"antiphon-preset\", ".getBytes(StandardCharsets.UTF_8)),
                write("missing-bundle.json", preset("absent.bundle", "{}", "{}")),
                write("escaping-bundle.json", preset("../../etc/passwd", "{}", "{}")),
                write("corrupt-bundle.json", preset("garbage.bundle", "{}", "{}")),
                write("deep.json", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)),
                write("cc-out-of-range.json", preset("garbage.bundle", "{}", "{\"300\": \"temperature\"}")),
        };
        for (Path preset : presets) {
            assertRefused(preset, "demo", "--out", dir.resolve("out").toString(), "--preset", preset.toString());
        }
        CommandRun unknown = CommandRun.of("demo", "--out", dir.resolve("out").toString(), "--preset", "no-such-preset");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("antiphon: No preset named 'no-such-preset'").doesNotContain("\n");
    }

    @Test
    void outOfRangePresetParametersAreRefusedInOneSentence() throws IOException {
        Files.write(dir.resolve("chorale.bundle"), shippedBundle());
        String[] parameters = {"{\"tempo_bpm\": 0}", "{\"tempo_bpm\": 1e9}", "{\"pitch_low\": 0, \"pitch_high\": 200}",
                "{\"temperature\": -1}", "{\"max_polyphony\": 100000}"};
        for (int i = 0; i < parameters.length; i++) {
            Path preset = write("range-" + i + ".json", preset("chorale.bundle", parameters[i], "{}"));
            assertRefused(preset, "demo", "--out", dir.resolve("out").toString(), "--preset", preset.toString());
        }
    }

    private static void assertRefused(Path input, String... args) {
        CommandRun run = CommandRun.of(args);
        String err = run.err().strip();
        assertThat(run.exitCode()).as("exit code for %s: %s", input.getFileName(), err).isEqualTo(2);
        assertThat(err).as("stderr for %s", input.getFileName())
                .startsWith("antiphon: ").doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception")
                .containsAnyOf(input.getFileName().toString(), "preset '");
        assertThat(run.out()).as("stdout for %s", input.getFileName()).isEmpty();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] preset(String bundle, String parameters, String cc) {
        return ("{\"format\": \"antiphon-preset\", \"formatVersion\": 1, \"name\": \"hostile\", \"description\": \"test\","
                + " \"bundle\": \"" + bundle + "\", \"parameters\": " + parameters + ", \"cc\": " + cc + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] shippedBundle() throws IOException {
        try (InputStream in = PresetCatalogue.builtIn("chorale").openBundle()) {
            return in.readAllBytes();
        }
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
