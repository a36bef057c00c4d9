package io.antiphon.midi.net;

import io.antiphon.midi.port.MidiPortException;

import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The {@code net:} port names of {@code antiphon play}: network MIDI through one {@link RtpMidiEndpoint} per run.
 * <ul>
 *   <li>{@code --in net:NAME} opens a session named NAME that peers (macOS Network MIDI, rtpMIDI, rtpmidid) invite;
 *       their MIDI is the input.</li>
 *   <li>{@code --out net:HOST:PORT} invites the session whose control port is PORT on HOST ({@code [v6]:PORT} for
 *       IPv6 literals); the answers go to it.</li>
 *   <li>{@code --out net:NAME}, the same NAME as {@code --in}: the answers go back to the peers that joined.</li>
 * </ul>
 * Every output goes to every open session of the endpoint. Refusals are one-sentence {@link MidiPortException}s.
 */
public final class NetMidiPorts implements AutoCloseable {

    /** The prefix that marks a network port name. */
    public static final String PREFIX = "net:";
    /** The session name when only the output is a network port. */
    public static final String DEFAULT_NAME = "Antiphon";

    private final RtpMidiEndpoint endpoint;

    private NetMidiPorts(RtpMidiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether a port name asks for network MIDI. */
    public static boolean isNet(String name) {
        return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Opens the endpoint that {@code in} and {@code out} (either or both {@code net:} names) need, or returns null if
     * neither is a network port. The session name is the input's NAME, else the output's NAME, else
     * {@value #DEFAULT_NAME}.
     */
    public static NetMidiPorts open(String in, String out, RtpMidiOptions options, RtpMidiEndpoint.Listener listener)
            throws MidiPortException {
        if (!isNet(in) && !isNet(out)) return null;
        String name = DEFAULT_NAME;
        if (isNet(out) && !hasPort(rest(out))) name = sessionName(out);
        if (isNet(in)) {
            name = sessionName(in);
            if (isNet(out) && !hasPort(rest(out)) && !name.equals(sessionName(out))) {
                throw new MidiPortException("--in " + in + " and --out " + out + " name two network sessions; one run has one "
                        + "(use the same NAME, or --out net:HOST:PORT to invite another session)");
            }
        }
        RtpMidiEndpoint endpoint;
        try {
            endpoint = RtpMidiEndpoint.open(options.withName(name));
        } catch (IOException e) {
            throw new MidiPortException("network MIDI session '" + name + "' cannot listen on "
                    + options.bindAddress().getHostAddress() + ":" + options.port() + ": " + e.getMessage());
        }
        endpoint.setListener(listener);
        return new NetMidiPorts(endpoint);
    }

    /** The input for {@code --in net:NAME}. */
    public Transmitter openInput(String spec) throws MidiPortException {
        if (!isNet(spec)) throw new MidiPortException("'" + spec + "' is not a network MIDI port (net:NAME)");
        return new RtpMidiTransmitter(endpoint);
    }

    /** The output for {@code --out net:HOST:PORT} (invites it now) or {@code --out net:NAME}. */
    public Receiver openOutput(String spec) throws MidiPortException {
        if (!isNet(spec)) throw new MidiPortException("'" + spec + "' is not a network MIDI port (net:HOST:PORT or net:NAME)");
        String rest = rest(spec);
        if (hasPort(rest)) endpoint.invite(peerAddress(rest));
        return new RtpMidiReceiver(endpoint);
    }

    /** How the status line names a network port. */
    public String describe(String spec) {
        String rest = rest(spec);
        if (hasPort(rest)) return "network session at " + rest;
        return "network session '" + endpoint.name() + "' on " + endpoint.controlPort() + "/" + endpoint.dataPort();
    }

    public RtpMidiEndpoint endpoint() {
        return endpoint;
    }

    /** Ends every session (BY to each peer) and closes the sockets. */
    @Override
    public void close() {
        endpoint.close();
    }

    private static String rest(String spec) {
        return spec.substring(PREFIX.length()).strip();
    }

    private static String sessionName(String spec) throws MidiPortException {
        String name = rest(spec);
        if (name.isEmpty()) throw new MidiPortException("'" + spec + "' names no network session: write net:NAME");
        return name;
    }

    /** Whether the part after net: ends in :PORT (a host to invite), rather than being a session name. */
    static boolean hasPort(String rest) {
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) return false;
        for (int i = colon + 1; i < rest.length(); i++) {
            if (!Character.isDigit(rest.charAt(i))) return false;
        }
        String host = rest.substring(0, colon);
        return host.startsWith("[") ? host.endsWith("]") : host.indexOf(':') < 0;
    }

    static InetSocketAddress peerAddress(String rest) throws MidiPortException {
        int colon = rest.lastIndexOf(':');
        String host = rest.substring(0, colon);
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65534) {
            throw new MidiPortException("network MIDI port in 'net:" + rest + "' must be 1..65534 (the session's control port)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new MidiPortException("network MIDI host '" + host + "' is unknown");
        }
    }
}
