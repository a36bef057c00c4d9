package io.antiphon.midi;

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
    void coreMidi4jIsNotLoadedOffMacOs() {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("mac"), "on macOS CoreMIDI4J may load");
        assertThat(MidiPorts.coreMidi4jLoaded()).isFalse();
        assertThat(MidiPorts.list()).noneMatch(port -> port.provider().equals(MidiPorts.COREMIDI4J));
    }
}
