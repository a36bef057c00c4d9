package io.antiphon.midi.endpoint;

import io.antiphon.midi.net.RtpMidiEndpoint;
import io.antiphon.midi.net.RtpMidiOptions;
import io.antiphon.midi.net.RtpMidiPeer;
import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.port.MidiPortInfo;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.UnpluggableDevice;
import io.antiphon.midi.virtual.VirtualPortUnavailableException;
import org.junit.jupiter.api.Test;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hub resolves every kind of spec in one place, over an injected device list: the JDK's sequencer stands in for
 * a keyboard (a real device with transmitters), {@link UnpluggableDevice} for a synthesizer.
 */
class MidiHubTest {

    private static final MidiHub.NetOptions NO_NETWORK = () -> {
        throw new AssertionError("the network options are asked for only when a spec is network MIDI");
    };
    private static final RtpMidiEndpoint.Listener QUIET = new RtpMidiEndpoint.Listener() {
    };

    private final UnpluggableDevice synth = new UnpluggableDevice("Synth A");
    private final Sequencer keyboard = sequencer();
    private final List<MidiPorts.Port> devices = new ArrayList<>(List.of(synth.port(), input("KeyStep 37", keyboard)));

    private MidiHub.Setup setup(OperatingSystem os) {
        return MidiHub.Setup.of(() -> devices, os, NO_NETWORK, PortWatcher.Events.NONE, QUIET);
    }

    @Test
    void portsAreOpenedByAPartOfTheirNameDescribedAndClosed() throws Exception {
        Heard heard = new Heard(1);
        MidiHub hub = MidiHub.open("keystep", "synth a", null, setup(OperatingSystem.LINUX));
        try (hub) {
            assertThat(hub.describe()).isEqualTo("KeyStep 37 -> Synth A");
            assertThat(hub.input().spec()).isEqualTo(new EndpointSpec.Port("keystep"));
            assertThat(hub.clockInput()).isEmpty();
            hub.input().connect(heard);
            hub.start();

            keyboard.getTransmitters().get(0).getReceiver().send(noteOn(60), -1);
            hub.output().receiver().send(noteOn(67), -1);

            assertThat(heard.notes).containsExactly(60);
            assertThat(synth.received()).hasSize(1);
            assertThat(hub.input().connected()).isTrue();
            assertThat(hub.output().connected()).isTrue();
        }
        assertThat(hub.input().connected()).isFalse();
        assertThat(hub.output().connected()).isFalse();
        assertThat(synth.isOpen()).isFalse();
        assertThat(keyboard.isOpen()).isFalse();
    }

    @Test
    void anOutputPortThatFailsIsLostAndComesBackWithAllNotesOff() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch back = new CountDownLatch(1);
        PortWatcher.Events watch = new PortWatcher.Events() {
            @Override
            public void lost(String direction, String name) {
                events.add("lost " + direction + " " + name);
            }

            @Override
            public void reconnected(String direction, String name) {
                events.add("back " + direction + " " + name);
                back.countDown();
            }
        };
        MidiHub.Setup setup = MidiHub.Setup.of(() -> devices, OperatingSystem.LINUX, NO_NETWORK, watch, QUIET);
        try (MidiHub hub = MidiHub.open("keystep", "synth a", null, setup)) {
            hub.input().connect(new Heard(1));
            hub.start();
            synth.fail();
            assertThatThrownBy(() -> hub.output().receiver().send(noteOn(60), -1)).hasMessage("device unplugged");

            assertThat(back.await(10, TimeUnit.SECONDS)).as("the watcher woke and reopened the port").isTrue();
            assertThat(hub.output().connected()).isTrue();
            hub.output().receiver().send(noteOn(62), -1);
            List<int[]> received = synth.received();
            // the failed send and the watcher's next reading may both find the port gone: each reopening sends CC 123
            // on all 16 channels before anything else, so what came before the note is one or more such rounds
            int rounds = (received.size() - 1) / 16;
            assertThat(received).hasSizeGreaterThanOrEqualTo(16 + 1).hasSize(16 * rounds + 1);
            for (int i = 0; i < 16 * rounds; i++) assertThat(received.get(i)).containsExactly(0xB0 | (i % 16), 123, 0);
            assertThat(received.get(16 * rounds)).containsExactly(0x90, 62, 100);
            assertThat(events).startsWith("lost output Synth A", "back output Synth A")
                    .containsOnly("lost output Synth A", "back output Synth A");
        }
    }

    @Test
    void bothSidesThatMatchNoPortAreReportedInOneSentenceWithTheOtherForms() {
        assertThatThrownBy(() -> MidiHub.open("moog", "nosynth", null, setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class)
                .hasMessageStartingWith("No MIDI output port matches 'nosynth' (the output ports are [Synth A])"
                        + " and no MIDI input port matches 'moog' (the input ports are [KeyStep 37]); give ")
                .hasMessageContaining("net:NAME").hasMessageContaining("virtual").hasMessageEndingWith(".")
                .hasMessageNotContaining("\n");
        assertThat(synth.isOpen()).isFalse();
        assertThat(keyboard.isOpen()).isFalse();
    }

    @Test
    void oneSideThatMatchesNoPortIsRefusedAndTheOtherIsClosedAgain() {
        assertThatThrownBy(() -> MidiHub.open("moog", "synth", "keystep", setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class)
                .hasMessageStartingWith("No MIDI input port matches 'moog' (the input ports are [KeyStep 37]); give ")
                .hasMessageContaining("net:NAME").hasMessageContaining("virtual");
        assertThat(synth.opens()).as("the output was found and opened").isEqualTo(1);
        assertThat(synth.isOpen()).isFalse();
        assertThat(keyboard.isOpen()).as("the clock input was found and opened, then closed").isFalse();
    }

    @Test
    void aNameThatMatchesSeveralPortsAsksForMoreOfIt() {
        devices.add(new UnpluggableDevice("Synth B").port());
        assertThatThrownBy(() -> MidiHub.open("keystep", "synth", null, setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class)
                .hasMessage("'synth' matches several MIDI output ports [Synth A, Synth B]; give more of the name.");
        assertThat(keyboard.isOpen()).isFalse();
    }

    @Test
    void aMalformedSpecIsRefusedBeforeAnythingOpens() {
        assertThatThrownBy(() -> MidiHub.open("keystep", "net:", null, setup(OperatingSystem.LINUX)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no network session");
        assertThat(keyboard.isOpen()).isFalse();
    }

    @Test
    void theInputAndOutputOfOneVirtualDeviceShareIt() throws Exception {
        UnpluggableDevice loopOut = new UnpluggableDevice("Jam out");   // a Windows loopback pair, as loopMIDI makes it
        Sequencer loopIn = sequencer();
        devices.add(loopOut.port());
        devices.add(input("Jam in", loopIn));
        Heard heard = new Heard(1);
        try (MidiHub hub = MidiHub.open("virtual:Jam", "virtual:Jam", null, setup(OperatingSystem.WINDOWS))) {
            assertThat(hub.describe()).isEqualTo("virtual 'Jam in' -> virtual 'Jam out'");
            hub.input().connect(heard);
            hub.output().receiver().send(noteOn(67), -1);
            loopIn.getTransmitters().get(0).getReceiver().send(noteOn(60), -1);

            assertThat(loopOut.received()).hasSize(1);
            assertThat(heard.latch.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(loopOut.opens()).as("one device for both sides").isEqualTo(1);
        }
        assertThat(loopOut.isOpen()).isFalse();
        assertThat(loopIn.isOpen()).isFalse();
    }

    @Test
    void aVirtualDeviceThisSystemCannotMakeIsRefusedAndThePortsAreClosed() {
        assertThatThrownBy(() -> MidiHub.open("virtual", "synth a", null, setup(OperatingSystem.OTHER)))
                .isInstanceOf(VirtualPortUnavailableException.class)
                .hasMessageStartingWith("The virtual MIDI device 'Antiphon' cannot be created: ");
        assertThat(synth.opens()).isEqualTo(1);
        assertThat(synth.isOpen()).isFalse();
    }

    @Test
    void aClockInputIsAPortOrAnotherVirtualDevice() throws Exception {
        Sequencer host = sequencer();
        devices.add(input("DAW clock", host));
        try (MidiHub hub = MidiHub.open("keystep", "synth a", "daw", setup(OperatingSystem.LINUX))) {
            assertThat(hub.clockInput()).isPresent();
            assertThat(hub.clockInput().get().describe()).isEqualTo("DAW clock");
        }
        assertThat(host.isOpen()).isFalse();
        assertThatThrownBy(() -> MidiHub.open("keystep", "synth a", "net:Studio", setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class).hasMessageContaining("the clock input 'net:Studio' must be a MIDI port");
        assertThatThrownBy(() -> MidiHub.open("virtual", "synth a", "virtual", setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class).hasMessageContaining("is already the input");
        assertThat(synth.opens()).as("refused before anything opened").isEqualTo(1);
    }

    @Test
    void aNetworkSessionNamedOnTheInputIsDescribedWithItsPorts() throws Exception {
        MidiHub.Setup setup = MidiHub.Setup.of(() -> devices, OperatingSystem.LINUX,
                () -> RtpMidiOptions.loopback("ignored").withPort(0), PortWatcher.Events.NONE, QUIET);
        try (MidiHub hub = MidiHub.open("net:Studio", "synth a", null, setup)) {
            assertThat(hub.describe()).startsWith("network session 'Studio' on ").endsWith(" -> Synth A");
        }
    }

    @Test
    void anInputGivenAsHostAndPortIsInvitedAndPlaysIn() throws Exception {
        CountDownLatch joined = new CountDownLatch(1);
        try (RtpMidiEndpoint peer = RtpMidiEndpoint.open(RtpMidiOptions.loopback("keyboard").withPort(0))) {
            peer.setListener(new RtpMidiEndpoint.Listener() {
                @Override
                public void connected(RtpMidiPeer session) {
                    joined.countDown();
                }
            });
            MidiHub.Setup setup = MidiHub.Setup.of(() -> devices, OperatingSystem.LINUX,
                    () -> RtpMidiOptions.loopback("ignored").withPort(0), PortWatcher.Events.NONE, QUIET);
            Heard heard = new Heard(1);
            try (MidiHub hub = MidiHub.open("net:127.0.0.1:" + peer.controlPort(), "synth a", null, setup)) {
                assertThat(hub.describe()).isEqualTo("network session at 127.0.0.1:" + peer.controlPort() + " -> Synth A");
                hub.input().connect(heard);
                assertThat(joined.await(20, TimeUnit.SECONDS)).as("the peer was invited").isTrue();

                peer.send(noteOn(62));
                assertThat(heard.latch.await(20, TimeUnit.SECONDS)).isTrue();
                assertThat(heard.notes).containsExactly(62);
            }
        }
    }

    @Test
    void theJdkSynthesizerWithoutAnAudioDeviceIsRefusedInOneClearSentence() throws Exception {
        Synthesizer gervill = MidiSystem.getSynthesizer();
        try {
            gervill.open();
            gervill.close();
            assumeTrue(false, "this machine has an audio device: Gervill opens");
        } catch (MidiUnavailableException expected) {
            // no audio device here, as on a server or in a container
        }
        devices.add(MidiPorts.ports().stream().filter(p -> p.info().kind() == MidiPortInfo.Kind.SYNTHESIZER).findFirst().orElseThrow());
        assertThatThrownBy(() -> MidiHub.open("keystep", "Gervill", null, setup(OperatingSystem.LINUX)))
                .isInstanceOf(MidiPortException.class)
                .hasMessageStartingWith("MIDI output 'Gervill' is the JDK's software synthesizer, which needs an audio device")
                .hasMessageContaining("net:NAME").hasMessageContaining("virtual").hasMessageContaining("antiphon demo")
                .hasMessageNotContaining("\n");
        assertThat(keyboard.isOpen()).isFalse();
    }

    private static ShortMessage noteOn(int key) throws Exception {
        return new ShortMessage(ShortMessage.NOTE_ON, 0, key, 100);
    }

    private static Sequencer sequencer() {
        try {
            return MidiSystem.getSequencer(false);
        } catch (MidiUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    private static MidiPorts.Port input(String name, Sequencer device) {
        return new MidiPorts.Port(new MidiPortInfo(name, "", "", "", true, false, MidiPorts.JAVA_SOUND), device);
    }

    /** The note-ons a connected input delivered. */
    private static final class Heard implements Receiver {
        final List<Integer> notes = new CopyOnWriteArrayList<>();
        final CountDownLatch latch;

        Heard(int count) {
            latch = new CountDownLatch(count);
        }

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (message instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                notes.add(m.getData1());
                latch.countDown();
            }
        }

        @Override
        public void close() {
        }
    }
}
