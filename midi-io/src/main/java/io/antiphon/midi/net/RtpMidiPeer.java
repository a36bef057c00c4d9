package io.antiphon.midi.net;

import java.net.InetSocketAddress;

/**
 * A peer of an {@link RtpMidiEndpoint} session, as listeners and status lines see it.
 *
 * @param name           the session name the peer announced
 * @param control        the peer's control port address
 * @param invitedByUs    whether this endpoint opened the session (else the peer invited it)
 */
public record RtpMidiPeer(String name, InetSocketAddress control, boolean invitedByUs) {

    @Override
    public String toString() {
        return "'" + name + "' at " + control.getAddress().getHostAddress() + ":" + control.getPort();
    }
}
