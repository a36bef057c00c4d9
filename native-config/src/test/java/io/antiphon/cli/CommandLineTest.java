package io.antiphon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"doctor", "train", "eval", "presets"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: antiphon " + command);
        }
        assertThat(CommandRun.of("--help").out()).contains("doctor", "train", "eval", "presets");
    }

    @Test
    void doctorReportsMachineNativesAndMidi() throws Exception {
        CommandRun run = CommandRun.of("doctor", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("java_version").asText()).startsWith("17");
        assertThat(json.get("arch").asText()).isNotBlank();
        assertThat(json.get("nd4j").get("backend").asText()).isEqualTo("CPU");
        assertThat(json.get("nd4j").get("blas.vendor").asText()).isNotBlank();
        assertThat(json.get("nd4j").get("native_build").asText()).isNotBlank();
        assertThat(json.get("cpu_simd").asText()).isNotBlank();
        assertThat(json.get("coremidi4j_loaded").isBoolean()).isTrue();
        assertThat(json.get("midi_devices").isArray()).isTrue();
    }

    @Test
    void doctorAgreesWithDevicesSaysWhetherVirtualPortsCanWorkAndWhereThingsAre() throws Exception {
        JsonNode doctor = new ObjectMapper().readTree(CommandRun.of("doctor", "--json").out());
        JsonNode devices = new ObjectMapper().readTree(CommandRun.of("devices", "--json").out());
        assertThat(doctor.get("midi_devices").size()).as("the same count as `devices`").isEqualTo(devices.get("devices").size());
        boolean sequencer = Files.exists(Path.of("/dev/snd/seq"));
        assertThat(doctor.get("virtual_ports").asText()).startsWith(sequencer ? "possible" : "not possible");
        if (!sequencer) assertThat(doctor.get("virtual_ports").asText()).contains("/dev/snd/seq");
        assertThat(doctor.get("data_folder").asText()).isNotBlank();
        assertThat(doctor.get("user_presets").asText()).isNotBlank();
        assertThat(doctor.get("cores").isNumber()).isTrue();
        assertThat(doctor.get("max_heap_mb").isNumber()).isTrue();
        JsonNode nd4j = doctor.get("nd4j");
        for (String key : new String[]{"omp.threads", "cores", "memory.available"}) {
            if (nd4j.has(key)) assertThat(nd4j.get(key).isNumber()).as("nd4j " + key + " as a JSON number").isTrue();
        }
        assertThat(nd4j.get("blas.vendor").isTextual()).isTrue();
        assertThat(DoctorCommand.numberOrText("4")).isEqualTo(4L);
        assertThat(DoctorCommand.numberOrText("OPENBLAS")).isEqualTo("OPENBLAS");
    }

    @Test
    void doctorsTextIsForAReaderNotJavasMapText() {
        CommandRun run = CommandRun.of("doctor");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(line -> line.startsWith("nd4j"))).singleElement().asString()
                .contains("backend CPU", "blas vendor").doesNotContain("{", "=");
        java.util.Map<String, Object> sizes = new java.util.LinkedHashMap<>();
        sizes.put("cores", 2L);
        sizes.put("memory.available", 6_298_796_032L);
        assertThat(DoctorCommand.inWords(sizes)).isEqualTo("cores 2, memory available 6007 MB");
    }

    @Test
    void corruptBundleIsRefusedInOneSentence() throws Exception {
        Path bundle = dir.resolve("broken.bundle");
        Files.write(bundle, new byte[]{'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        CommandRun run = CommandRun.of("eval", "--model", bundle.toString(), "--corpus", "jsb", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("antiphon: ").contains(bundle.toString()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void missingBundleAndBadSplitAreRefused() {
        CommandRun missing = CommandRun.of("eval", "--model", dir.resolve("nope.bundle").toString(), "--corpus", "jsb");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        CommandRun split = CommandRun.of("eval", "--model", "x.bundle", "--corpus", "jsb", "--split", "holdout");
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--split must be train, valid or test");
    }

    @Test
    void presetsListTheShippedBundlesWithTheirModesAndMetricsAndNoSourcePath() throws Exception {
        CommandRun run = CommandRun.of("presets", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("src/main").doesNotContain("jar:").doesNotContain("file:");
        JsonNode presets = new ObjectMapper().readTree(run.out());
        assertThat(presets).hasSizeGreaterThanOrEqualTo(4);
        for (int program = 0; program < 4; program++) {
            JsonNode preset = presets.get(program);
            String name = preset.get("name").asText();
            assertThat(name).isIn("chorale", "folk", "chorale-roll", "folk-roll");
            assertThat(preset.get("program").asInt()).isEqualTo(program);
            assertThat(preset.get("origin").asText()).isEqualTo("shipped");
            assertThat(preset.get("bundle_bytes").asLong()).isPositive().isLessThan(10L << 20);
            if (preset.has("baseline_nll")) {
                // A piano-roll preset: the benchmark's frame NLL beside the key-frequency baseline.
                assertThat(preset.get("modes").toString()).isEqualTo("[\"harmonize\"]");
                assertThat(preset.get("nll").asDouble()).isLessThan(0.85 * preset.get("baseline_nll").asDouble());
                assertThat(preset.get("frames").asLong()).isPositive();
                continue;
            }
            assertThat(preset.get("modes").toString()).isEqualTo("[\"call\",\"jam\"]");
            assertThat(preset.get("nll").asDouble()).isLessThan(0.85 * preset.get("markov_nll").asDouble());
            assertThat(preset.has("pitch_accuracy")).isTrue();
        }
    }

    @Test
    void clockOptionsWithoutTheirClockOrOutOfRangeAreRefusedBeforeAnyPortOpens() {
        CommandRun follow = CommandRun.of("play", "--in", "no such port", "--out", "none either", "--clock", "follow",
                "--metronome-channel", "10");
        assertThat(follow.exitCode()).isEqualTo(2);
        assertThat(follow.err().strip()).isEqualTo("antiphon: --metronome-channel needs --clock master");
        CommandRun channel = CommandRun.of("play", "--in", "x", "--out", "y", "--clock", "master", "--metronome-channel", "17");
        assertThat(channel.exitCode()).isEqualTo(2);
        assertThat(channel.err()).contains("--metronome-channel must be a MIDI channel 1..16, got 17");
        CommandRun clockIn = CommandRun.of("play", "--in", "x", "--out", "y", "--clock-in", "z");
        assertThat(clockIn.exitCode()).isEqualTo(2);
        assertThat(clockIn.err().strip()).isEqualTo("antiphon: --clock-in needs --clock follow");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandRun run = CommandRun.of("levitate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument");
    }
}
