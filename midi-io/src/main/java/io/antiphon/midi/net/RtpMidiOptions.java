package io.antiphon.midi.net;

import io.antiphon.midi.MidiByteParser;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link RtpMidiEndpoint} listens and whom it admits.
 *
 * @param name          the session name peers see (macOS shows it in Audio MIDI Setup)
 * @param bindAddress   the local address both sockets bind to (127.0.0.1 unless told otherwise)
 * @param port          the control port, even (the data port is the next one); 0 picks a free pair
 * @param allowedPeers  hosts whose invitations are accepted (hosts this endpoint invites are admitted too)
 * @param maxSessions   sessions open or being opened at once, at most
 * @param maxSysExBytes longest SysEx accepted per session (longer ones are skipped and counted)
 */
public record RtpMidiOptions(String name, InetAddress bindAddress, int port, Set<InetAddress> allowedPeers, int maxSessions,
                             int maxSysExBytes) {

    /** The port Apple's Network MIDI and rtpMIDI suggest for the first session. */
    public static final int DEFAULT_PORT = 5004;

    public RtpMidiOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        allowedPeers = Set.copyOf(allowedPeers);
        if (port < 0 || port > 65534) throw new IllegalArgumentException("the RTP-MIDI port must be 0..65534, not " + port);
        if (port % 2 != 0) {
            throw new IllegalArgumentException("the RTP-MIDI control port must be even (the data port is the next one), not " + port);
        }
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be at least 1");
    }

    /**
     * Session {@code name} on 127.0.0.1, port {@value #DEFAULT_PORT}, invitations from 127.0.0.1 only, 8 sessions,
     * 64 KiB SysEx.
     */
    public static RtpMidiOptions loopback(String name) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new RtpMidiOptions(name, loopback, DEFAULT_PORT, Set.of(loopback), 8, MidiByteParser.DEFAULT_MAX_SYSEX);
    }

    public RtpMidiOptions withName(String newName) {
        return new RtpMidiOptions(newName, bindAddress, port, allowedPeers, maxSessions, maxSysExBytes);
    }

    public RtpMidiOptions withPort(int newPort) {
        return new RtpMidiOptions(name, bindAddress, newPort, allowedPeers, maxSessions, maxSysExBytes);
    }

    public RtpMidiOptions withBindAddress(InetAddress address) {
        return new RtpMidiOptions(name, address, port, allowedPeers, maxSessions, maxSysExBytes);
    }

    public RtpMidiOptions withAllowedPeers(Set<InetAddress> peers) {
        return new RtpMidiOptions(name, bindAddress, port, peers, maxSessions, maxSysExBytes);
    }

    public RtpMidiOptions withMaxSessions(int sessions) {
        return new RtpMidiOptions(name, bindAddress, port, allowedPeers, sessions, maxSysExBytes);
    }
}
