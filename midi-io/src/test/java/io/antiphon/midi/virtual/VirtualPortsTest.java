package io.antiphon.midi.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;

import io.antiphon.midi.port.MidiPortInfo;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.UnpluggableDevice;
import org.junit.jupiter.api.Test;

class VirtualPortsTest {

    private static final boolean LINUX = OperatingSystem.current() == OperatingSystem.LINUX;

    @Test
    void withoutAnAlsaSequencerDeviceTheRefusalNamesTheCauseAndTheAlternatives() {
        assumeTrue(LINUX, "Linux only");
        assumeFalse(Files.exists(Path.of("/dev/snd/seq")), "this machine has an ALSA sequencer");
        assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libasound.so.2")) || Files.exists(Path.of("/lib/x86_64-linux-gnu/libasound.so.2"))
                || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libasound.so.2")), "libasound.so.2 is not installed");

        assertThatThrownBy(() -> VirtualPorts.open("Antiphon", PortWatcher.Events.NONE))
                .isInstanceOf(VirtualPortUnavailableException.class)
                .hasMessageStartingWith("The virtual MIDI device 'Antiphon' cannot be created: the ALSA sequencer cannot be opened (snd_seq_open: ")
                .hasMessageContaining("/dev/snd/seq is missing")
                .hasMessageEndingWith(VirtualPortUnavailableException.ALTERNATIVES)
                .hasMessageNotContaining("\n");
    }

    @Test
    void withAnAlsaSequencerTheClientIsCreatedAndClosed() {
        assumeTrue(LINUX && Files.exists(Path.of("/dev/snd/seq")), "no ALSA sequencer here");
        try (VirtualPort port = assertOpens("Antiphon test")) {
            assertThat(port.name()).isEqualTo("Antiphon test");
        }
    }

    @Test
    void withoutLibasoundTheRefusalSaysItIsNotInstalled() {
        assertThatThrownBy(() -> AlsaSequencerPort.open("Antiphon", "libasound-not-installed.so.9"))
                .isInstanceOf(VirtualPortUnavailableException.class)
                .hasMessage("The virtual MIDI device 'Antiphon' cannot be created: the ALSA library (libasound-not-installed.so.9)"
                        + " is not installed (Debian and Ubuntu: apt install libasound2); " + VirtualPortUnavailableException.ALTERNATIVES);
    }

    @Test
    void offMacOsCoreMidiIsRefusedInOneSentence() {
        assumeFalse(OperatingSystem.current() == OperatingSystem.MACOS, "on macOS CoreMIDI loads");
        assertThatThrownBy(() -> VirtualPorts.open("Antiphon", OperatingSystem.MACOS, List::of, PortWatcher.Events.NONE))
                .isInstanceOf(VirtualPortUnavailableException.class)
                .hasMessageContaining("CoreMIDI could not be loaded").hasMessageEndingWith(VirtualPortUnavailableException.ALTERNATIVES);
    }

    @Test
    void onWindowsMissingLoopbackPortsAreNamedWithTheSetupToDo() {
        assertThatThrownBy(() -> VirtualPorts.open("Antiphon", OperatingSystem.WINDOWS, List::of, PortWatcher.Events.NONE))
                .isInstanceOf(VirtualPortUnavailableException.class)
                .hasMessageContaining("the loopback ports 'Antiphon in' and 'Antiphon out' were not found")
                .hasMessageContaining("loopMIDI");
    }

    @Test
    void onWindowsTheLoopbackPairCarriesBothWays() throws Exception {
        UnpluggableDevice loopOut = new UnpluggableDevice("Antiphon out");
        Sequencer sequencer = MidiSystem.getSequencer(false);   // a real device with transmitters stands in for "Antiphon in"
        MidiPorts.Port loopIn = new MidiPorts.Port(new MidiPortInfo("Antiphon in", "", "", "", true, false, MidiPorts.JAVA_SOUND), sequencer);
        List<MidiPorts.Port> devices = List.of(loopOut.port(), loopIn);
        CountDownLatch heard = new CountDownLatch(1);

        try (VirtualPort port = VirtualPorts.open("Antiphon", OperatingSystem.WINDOWS, () -> devices, PortWatcher.Events.NONE)) {
            port.connect(new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    heard.countDown();
                }

                @Override
                public void close() {
                }
            });
            port.output().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), -1);
            sequencer.getTransmitters().get(0).getReceiver().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 64, 100), -1);

            assertThat(loopOut.received()).hasSize(1);
            assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(loopOut.isOpen()).isFalse();
        assertThat(sequencer.isOpen()).isFalse();
    }

    @Test
    void otherSystemsAreRefused() {
        assertThatThrownBy(() -> VirtualPorts.open("Antiphon", OperatingSystem.OTHER, List::of, PortWatcher.Events.NONE))
                .isInstanceOf(VirtualPortUnavailableException.class).hasMessageContaining("knows no way to create one");
    }

    private static VirtualPort assertOpens(String name) {
        try {
            return VirtualPorts.open(name, PortWatcher.Events.NONE);
        } catch (VirtualPortUnavailableException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
