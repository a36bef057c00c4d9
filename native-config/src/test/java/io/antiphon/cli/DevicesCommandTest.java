package io.antiphon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DevicesCommandTest {

    @Test
    void jsonListsTheJdksSynthesizerAndSequencerWithTheirCapabilities() throws Exception {
        CommandRun run = CommandRun.of("devices", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("coremidi4j_loaded").isBoolean()).isTrue();
        List<JsonNode> devices = new ArrayList<>();
        json.get("devices").forEach(devices::add);
        JsonNode gervill = devices.stream().filter(d -> d.get("name").asText().equals("Gervill")).findFirst().orElseThrow();
        assertThat(gervill.get("kind").asText()).isEqualTo("synthesizer");
        assertThat(gervill.get("provider").asText()).isEqualTo("javax.sound.midi");
        assertThat(gervill.get("output").asBoolean()).isTrue();
        assertThat(gervill.get("input").asBoolean()).isFalse();
        assertThat(gervill.get("timestamps").asBoolean()).isTrue();
        assertThat(gervill.get("hot_plug").asText()).isEqualTo("none");
        assertThat(devices).anySatisfy(d -> assertThat(d.get("kind").asText()).isEqualTo("sequencer"));
        assertThat(devices).allSatisfy(d -> assertThat(d.fieldNames()).toIterable().contains("name", "kind", "provider",
                "input", "output", "max_receivers", "max_transmitters", "sysex", "timestamps", "hot_plug", "loopback"));
    }

    @Test
    void textListsEveryDeviceByName() {
        CommandRun run = CommandRun.of("devices");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Gervill", "synthesizer", "Real Time Sequencer");
    }
}
