package io.antiphon.midi.port;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortSelectorTest {

    private static final List<String> PORTS = List.of("Arturia KeyStep 37", "IAC Driver Bus 1", "IAC Driver Bus 2", "bus");

    @Test
    void substringMatchesCaseInsensitively() throws MidiPortException {
        assertThat(PortSelector.select("keystep", "input", PORTS, Function.identity())).isEqualTo("Arturia KeyStep 37");
    }

    @Test
    void exactNameWinsOverSubstrings() throws MidiPortException {
        assertThat(PortSelector.select("BUS", "output", PORTS, Function.identity())).isEqualTo("bus");
    }

    @Test
    void ambiguousNameListsTheMatches() {
        assertThatThrownBy(() -> PortSelector.select("IAC", "output", PORTS, Function.identity()))
                .isInstanceOf(MidiPortException.class)
                .hasMessageContaining("matches several MIDI output ports [IAC Driver Bus 1, IAC Driver Bus 2]");
    }

    @Test
    void missingNameListsTheAvailablePorts() {
        assertThatThrownBy(() -> PortSelector.select("Moog", "input", PORTS, Function.identity()))
                .isInstanceOf(MidiPortException.class)
                .hasMessageContaining("No MIDI input port matches 'Moog'")
                .hasMessageContaining("Arturia KeyStep 37");
    }

    @Test
    void noPortsAtAllSaysSo() {
        assertThatThrownBy(() -> MidiPortOpener.openInput("anything", List.of()))
                .isInstanceOf(MidiPortException.class).hasMessageContaining("this machine has no MIDI input ports");
    }
}
