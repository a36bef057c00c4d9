package io.antiphon.cli;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code play}'s network MIDI names and options: what is refused, in one sentence, before anything is loaded. */
class PlayNetPortsTest {

    private static void assertRefused(CommandRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
        assertThat(run.err()).contains(message).doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void twoDifferentSessionNamesAreRefused() {
        assertRefused(CommandRun.of("play", "--in", "net:Left", "--out", "net:Right", "--net-port", "0"),
                "--in net:Left and --out net:Right name two network sessions");
    }

    @Test
    void aSessionWithoutANameIsRefused() {
        assertRefused(CommandRun.of("play", "--in", "net:", "--out", "net:", "--net-port", "0"), "names no network session");
    }

    @Test
    void anOddControlPortIsRefused() {
        assertRefused(CommandRun.of("play", "--in", "net:Antiphon", "--out", "net:Antiphon", "--net-port", "5005"),
                "the RTP-MIDI control port must be even");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertRefused(CommandRun.of("play", "--in", "net:Antiphon", "--out", "net:127.0.0.1:70000", "--net-port", "0"),
                "must be 1..65534");
    }

    @Test
    void aPortInUseIsRefused() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort() - taken.getLocalPort() % 2;   // the even port of the pair holding it
            CommandRun run = CommandRun.of("play", "--in", "net:Antiphon", "--out", "net:Antiphon", "--net-port", Integer.toString(port));
            assertRefused(run, "network MIDI session 'Antiphon' cannot listen on 127.0.0.1:" + port);
        }
    }
}
