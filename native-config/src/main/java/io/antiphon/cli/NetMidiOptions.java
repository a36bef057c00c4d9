package io.antiphon.cli;

import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.net.NetMidiPorts;
import io.antiphon.midi.net.RtpMidiOptions;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The options of {@code play} for network MIDI ports ({@code --in net:NAME}, {@code --out net:HOST:PORT}). */
final class NetMidiOptions {

    @Option(names = "--net-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Network MIDI: the local address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--net-port", defaultValue = "" + RtpMidiOptions.DEFAULT_PORT, paramLabel = "PORT",
            description = "Network MIDI: the session's control port, even; the data port is the next (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allow-peer", paramLabel = "HOST",
            description = "Network MIDI: a host whose invitations are accepted (repeatable); 127.0.0.1 and ::1 always are, hosts invited with --out net:HOST:PORT too.")
    List<String> allowPeers = List.of();

    /** The network MIDI options these flags give, or a one-sentence refusal (an unknown host, an odd port). */
    RtpMidiOptions options() throws MidiPortException {
        try {
            Set<InetAddress> allowed = new HashSet<>();
            allowed.add(InetAddress.getByName("127.0.0.1"));
            allowed.add(InetAddress.getByName("::1"));
            for (String host : allowPeers) allowed.addAll(List.of(InetAddress.getAllByName(host)));
            return RtpMidiOptions.loopback(NetMidiPorts.DEFAULT_NAME).withBindAddress(InetAddress.getByName(bind))
                    .withPort(port).withAllowedPeers(allowed);
        } catch (UnknownHostException e) {
            throw new MidiPortException("network MIDI host '" + e.getMessage() + "' is unknown");
        } catch (IllegalArgumentException e) {
            throw new MidiPortException(e.getMessage());
        }
    }
}
