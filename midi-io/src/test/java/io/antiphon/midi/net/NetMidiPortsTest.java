package io.antiphon.midi.net;

import io.antiphon.midi.port.MidiPortException;
import org.junit.jupiter.api.Test;

import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetMidiPortsTest {

    private static final RtpMidiEndpoint.Listener QUIET = new RtpMidiEndpoint.Listener() {
    };

    @Test
    void namesWithAPortAreHostsToInvite() throws MidiPortException {
        assertThat(NetMidiPorts.isNet("NET:Studio")).isTrue();
        assertThat(NetMidiPorts.isNet("IAC Driver")).isFalse();
        assertThat(NetMidiPorts.hasPort("192.168.1.20:5004")).isTrue();
        assertThat(NetMidiPorts.hasPort("[::1]:5004")).isTrue();
        assertThat(NetMidiPorts.hasPort("Antiphon")).isFalse();
        assertThat(NetMidiPorts.hasPort("::1")).isFalse();
        assertThat(NetMidiPorts.hasPort("Studio:")).isFalse();
        assertThat(NetMidiPorts.peerAddress("127.0.0.1:5004")).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5004));
        assertThat(NetMidiPorts.peerAddress("[::1]:6000").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> NetMidiPorts.peerAddress("127.0.0.1:0")).isInstanceOf(MidiPortException.class).hasMessageContaining("1..65534");
    }

    @Test
    void neitherNameOnTheNetworkOpensNothing() throws MidiPortException {
        assertThat(NetMidiPorts.open("keyboard", "synth", RtpMidiOptions.loopback("x").withPort(0), QUIET)).isNull();
    }

    @Test
    void oneSessionIsBothInputAndOutputForThePeersThatJoinIt() throws Exception {
        try (NetMidiPorts ports = NetMidiPorts.open("net:Antiphon", "net:Antiphon", RtpMidiOptions.loopback("ignored").withPort(0), QUIET);
             RtpMidiEndpoint keyboard = RtpMidiEndpoint.open(RtpMidiOptions.loopback("keyboard").withPort(0))) {
            assertThat(ports.endpoint().name()).isEqualTo("Antiphon");
            Receiver output = ports.openOutput("net:Antiphon");
            Transmitter input = ports.openInput("net:Antiphon");
            RtpMidiEndpointTest.Collector heard = new RtpMidiEndpointTest.Collector();
            input.setReceiver(heard);
            RtpMidiEndpointTest.Collector answered = new RtpMidiEndpointTest.Collector();
            keyboard.setReceiver(answered);
            CountDownLatch open = new CountDownLatch(1);
            keyboard.setListener(new RtpMidiEndpoint.Listener() {
                @Override
                public void connected(RtpMidiPeer peer) {
                    open.countDown();
                }
            });
            keyboard.invite(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.endpoint().controlPort()));
            assertThat(open.await(20, TimeUnit.SECONDS)).isTrue();

            keyboard.send(new ShortMessage(0x90, 60, 90));
            assertThat(heard.next()).isEqualTo("144 60 90");
            output.send(new ShortMessage(0x90, 67, 70), -1);
            assertThat(answered.next()).isEqualTo("144 67 70");
            assertThat(ports.describe("net:Antiphon")).startsWith("network session 'Antiphon' on ");

            input.close();
            assertThat(input.getReceiver()).isNull();
        }
    }
}
