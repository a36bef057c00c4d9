package io.antiphon.cli;

import io.antiphon.midi.net.RtpMidiEndpoint;
import io.antiphon.midi.net.RtpMidiPeer;

import java.io.PrintStream;
import java.net.InetSocketAddress;

/** Tells the player on the terminal when a network MIDI session opens, ends or is refused (on a line of its own). */
final class NetSessionPrinter implements RtpMidiEndpoint.Listener {

    private final PrintStream err;

    NetSessionPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void connected(RtpMidiPeer peer) {
        err.printf("%nnetwork MIDI: session with %s open.%n", peer);
    }

    @Override
    public void ended(RtpMidiPeer peer, String reason) {
        err.printf("%nnetwork MIDI: session with %s ended: %s (its keys were released).%n", peer, reason);
    }

    @Override
    public void failed(InetSocketAddress peer, String reason) {
        err.printf("%nnetwork MIDI: no session with %s:%d: %s.%n", peer.getAddress().getHostAddress(), peer.getPort(), reason);
    }

    @Override
    public void refused(InetSocketAddress from) {
        err.printf("%nnetwork MIDI: refused an invitation from %s (not an allowed peer: see --allow-peer).%n",
                from.getAddress().getHostAddress());
    }
}
