package io.antiphon.cli;

import io.antiphon.midi.port.OperatingSystem;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlayPortsTest {

    @Test
    void missingPortsAreRefusedInOneSentenceThatNamesTheAvailablePorts() {
        CommandRun run = CommandRun.of("play", "--in", "nosuch", "--out", "nosuch");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("No MIDI output port matches 'nosuch'", "Gervill").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void withoutPortsOrVirtualThePlayerIsToldWhatToGive() {
        CommandRun run = CommandRun.of("play", "--in", "keys");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("--in NAME and --out NAME", "--virtual");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aVirtualDeviceThisLinuxCannotCreateIsRefusedInOneSentence() {
        assumeTrue(OperatingSystem.current() == OperatingSystem.LINUX, "Linux only");
        assumeFalse(Files.exists(Path.of("/dev/snd/seq")), "this machine has an ALSA sequencer");

        CommandRun run = CommandRun.of("play", "--virtual");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).startsWith("antiphon: The virtual MIDI device 'Antiphon' cannot be created: ")
                .contains("--in net:NAME").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
