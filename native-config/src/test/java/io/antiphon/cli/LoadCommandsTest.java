package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code soak} and {@code flood} on the shipped chorale preset, briefly: their JSON keys and what must hold. */
class LoadCommandsTest {

    @Test
    void aShortSoakPrintsItsKeysAndLeavesNothingHanging() throws Exception {
        CommandRun run = CommandRun.of("soak", "--minutes", "1", "--window-minutes", "1", "--warmup-minutes", "0", "--rate", "10", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("hanging_notes").asInt()).isZero();
        assertThat(json.get("dropped_human_notes").asLong()).isZero();
        assertThat(json.get("notes_played").asLong()).isPositive();
        for (String key : new String[]{"passed", "heap_growth_bytes", "offheap_growth_bytes", "resident_growth_bytes"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        for (String window : new String[]{"first_minutes", "last_minutes", "all"}) {
            assertThat(json.get("performer_event_us").get(window).get("p999").isNumber()).as(window).isTrue();
        }
    }

    @Test
    void aShortFloodPrintsCallbackTimesDropsAndRecovery() throws Exception {
        CommandRun run = CommandRun.of("flood", "--seconds", "0.2", "--rate", "2000", "--warmup-seconds", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : new String[]{"p50", "p99", "p999", "max", "count"}) {
            assertThat(json.get("callback_us").get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("dropped").isNumber()).isTrue();
        assertThat(json.get("recovered").isBoolean()).isTrue();
        assertThat(json.get("keys_held_after").asInt()).isZero();
        assertThat(json.get("hanging_notes").asInt()).isZero();
    }

    @Test
    void impossibleLengthsAreRefusedInOneSentence() {
        CommandRun soak = CommandRun.of("soak", "--minutes", "0");
        assertThat(soak.exitCode()).isEqualTo(2);
        assertThat(soak.err().strip()).startsWith("antiphon: ").doesNotContain("\n").doesNotContain("Exception");
        CommandRun flood = CommandRun.of("flood", "--rate", "0");
        assertThat(flood.exitCode()).isEqualTo(2);
        assertThat(flood.err().strip()).startsWith("antiphon: ").doesNotContain("\n").doesNotContain("Exception");
    }
}
