package io.antiphon.midi.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MidiPortsTest {

    @Test
    void listingNeverThrowsAndHoldsOnlyPortsNotTheSoftwareSequencerOrSynth() {
        List<MidiPortInfo> ports = MidiPorts.list();

        assertThat(ports).allSatisfy(port -> {
            assertThat(port.input() || port.output()).as(port.name() + " is an input or an output").isTrue();
            assertThat(port.provider()).isIn(MidiPorts.COREMIDI4J, MidiPorts.JAVA_SOUND);
        });
        assertThat(ports).extracting(MidiPortInfo::name).doesNotContain("Gervill", "Real Time Sequencer");
    }

    @Test
    void devicesHoldTheJdksSynthesizerAsAnOutputAndItsSequencer() {
        List<MidiPortInfo> devices = MidiPorts.devices();

        assertThat(devices).filteredOn(d -> d.kind() == MidiPortInfo.Kind.SYNTHESIZER).isNotEmpty().allSatisfy(synth -> {
            assertThat(synth.output()).isTrue();
            assertThat(synth.input()).isFalse();
            assertThat(synth.capabilities().timestamps()).isTrue();
            assertThat(synth.capabilities().hotPlug()).isEqualTo("none");
        });
        assertThat(devices).anyMatch(d -> d.kind() == MidiPortInfo.Kind.SEQUENCER);
        assertThat(devices.get(devices.size() - 1).kind()).as("ports first, software devices last").isEqualTo(MidiPortInfo.Kind.SEQUENCER);
    }

    @Test
    void playCanOpenTheSynthesizerButNotTheSequencer() {
        assertThat(MidiPorts.ports()).extracting(port -> port.info().kind())
                .contains(MidiPortInfo.Kind.SYNTHESIZER).doesNotContain(MidiPortInfo.Kind.SEQUENCER);
    }

    @Test
    void loopbackPortsAreRecognisedByName() {
        assertThat(MidiPortCapabilities.isLoopbackName("loopMIDI Port")).isTrue();
        assertThat(MidiPortCapabilities.isLoopbackName("Default App Loopback (A)")).isTrue();
        assertThat(MidiPortCapabilities.isLoopbackName("Arturia KeyStep 37")).isFalse();
        assertThat(new MidiPortInfo("loopMIDI Port", "", "", "", true, true, MidiPorts.JAVA_SOUND).capabilities().loopback()).isTrue();
    }

    @Test
    void theJdksOwnCoreMidiPortsLoseSysexOnlyOnMacOs() {
        MidiPortCapabilities mac = MidiPortCapabilities.of("Keys", MidiPorts.JAVA_SOUND, MidiPortInfo.Kind.PORT, 0, -1, OperatingSystem.MACOS);
        MidiPortCapabilities linux = MidiPortCapabilities.of("Keys", MidiPorts.JAVA_SOUND, MidiPortInfo.Kind.PORT, 0, -1, OperatingSystem.LINUX);
        MidiPortCapabilities coreMidi4j = MidiPortCapabilities.of("Keys", MidiPorts.COREMIDI4J, MidiPortInfo.Kind.PORT, 0, -1, OperatingSystem.MACOS);

        assertThat(mac.sysex()).isFalse();
        assertThat(linux.sysex()).isTrue();
        assertThat(coreMidi4j.sysex()).isTrue();
        assertThat(coreMidi4j.timestamps()).isTrue();
        assertThat(coreMidi4j.hotPlug()).isEqualTo("notified");
        assertThat(linux.hotPlug()).isEqualTo("polled");
    }

    @Test
    void coreMidi4jIsNotLoadedOffMacOs() {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("mac"), "on macOS CoreMIDI4J may load");
        assertThat(MidiPorts.coreMidi4jLoaded()).isFalse();
        assertThat(MidiPorts.list()).noneMatch(port -> port.provider().equals(MidiPorts.COREMIDI4J));
    }
}
