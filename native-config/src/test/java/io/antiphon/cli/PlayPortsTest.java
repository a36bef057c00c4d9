package io.antiphon.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlayPortsTest {

    @Test
    void missingPortsAreRefusedInOneSentenceThatNamesTheAvailablePorts() {
        CommandRun run = CommandRun.of("play", "--in", "nosuch", "--out", "nosuch");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("No MIDI output port matches 'nosuch'", "Gervill").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
