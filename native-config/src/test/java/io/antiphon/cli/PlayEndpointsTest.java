package io.antiphon.cli;

import io.antiphon.midi.port.OperatingSystem;
import org.junit.jupiter.api.Test;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlayEndpointsTest {

    @Test
    void missingPortsAreRefusedInOneSentenceThatNamesTheAvailablePorts() {
        CommandRun run = CommandRun.of("play", "--in", "nosuch", "--out", "nosuch");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("No MIDI output port matches 'nosuch'", "Gervill").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void twoMissingPortsAreBothReportedInOneSentenceWithTheOtherKindsOfEndpoint() {
        CommandRun run = CommandRun.of("play", "--in", "nokeys", "--out", "nosynth");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("No MIDI output port matches 'nosynth'", " and no MIDI input port matches 'nokeys'",
                "net:NAME", "virtual").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aMalformedSpecIsRefusedInOneSentence() {
        CommandRun run = CommandRun.of("play", "--in", "virtual:", "--out", "nosynth");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("'virtual:' names no virtual device").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void theJdkSynthesizerWithoutAnAudioDeviceIsRefusedInOneClearSentence() {
        assumeFalse(gervillOpens(), "this machine has an audio device: Gervill opens");

        CommandRun run = CommandRun.of("play", "--in", "nokeys", "--out", "Gervill");

        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains("the JDK's software synthesizer, which needs an audio device", "antiphon demo")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    private static boolean gervillOpens() {
        try {
            Synthesizer gervill = MidiSystem.getSynthesizer();
            gervill.open();
            gervill.close();
            return true;
        } catch (MidiUnavailableException e) {
            return false;
        }
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
