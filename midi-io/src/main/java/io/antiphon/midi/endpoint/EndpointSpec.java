package io.antiphon.midi.endpoint;

import io.antiphon.midi.virtual.VirtualPorts;

import java.util.Locale;

/**
 * What the player names as one side of a performance, parsed from the text they type:
 * <ul>
 *   <li>a part of a MIDI port's name, case-insensitive ({@code keystep}, {@code "IAC Driver Bus 1"}): {@link Port};</li>
 *   <li>{@code net:NAME}: a network MIDI session named NAME that peers join: {@link NetSession};</li>
 *   <li>{@code net:HOST:PORT} ({@code net:[v6]:PORT} for IPv6 literals): the network MIDI session whose control port
 *       is PORT on HOST, invited from here: {@link NetPeer};</li>
 *   <li>{@code virtual} or {@code virtual:NAME}: a virtual MIDI device this program creates for other programs (a DAW)
 *       to play into and read from: {@link Virtual}.</li>
 * </ul>
 * The prefixes are case-insensitive. Parsing does no I/O: names are looked up, hosts resolved and devices created
 * when a {@link MidiHub} opens the spec. {@link #toString()} is the spec as it would be typed.
 */
public sealed interface EndpointSpec {

    /** The prefix of network MIDI specs. */
    String NET = "net:";
    /** The spec of the virtual device with its default name. */
    String VIRTUAL = "virtual";
    /** The forms a spec takes, for messages. */
    String FORMS = "a part of a MIDI port's name (see `antiphon devices`), net:NAME or net:HOST:PORT for network MIDI, "
            + "or virtual[:NAME] for a virtual MIDI device";

    /** A MIDI port of this machine, chosen by a case-insensitive part of its name. */
    record Port(String namePart) implements EndpointSpec {
        @Override
        public String toString() {
            return namePart;
        }
    }

    /** A network MIDI session named {@code name} that peers invite. */
    record NetSession(String name) implements EndpointSpec {
        @Override
        public String toString() {
            return NET + name;
        }
    }

    /** The network MIDI session whose control port is {@code port} on {@code host}, to be invited. */
    record NetPeer(String host, int port) implements EndpointSpec {
        @Override
        public String toString() {
            return NET + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** A virtual MIDI device named {@code name}: other programs see the ports 'NAME in' and 'NAME out'. */
    record Virtual(String name) implements EndpointSpec {
        @Override
        public String toString() {
            return VIRTUAL + ":" + name;
        }
    }

    /** Whether the spec is network MIDI. */
    default boolean isNet() {
        return this instanceof NetSession || this instanceof NetPeer;
    }

    /**
     * Parses a spec, or refuses it in one sentence ({@link IllegalArgumentException}): an empty spec, {@code net:} or
     * {@code virtual:} without a name, a control port outside 1..65534.
     */
    static EndpointSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("an empty MIDI endpoint: give " + FORMS);
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith(NET)) return parseNet(text.strip().substring(NET.length()).strip(), text);
        if (lower.equals(VIRTUAL)) return new Virtual(VirtualPorts.DEFAULT_NAME);
        if (lower.startsWith(VIRTUAL + ":")) {
            String name = text.strip().substring(VIRTUAL.length() + 1).strip();
            if (name.isEmpty()) throw new IllegalArgumentException("'" + text + "' names no virtual device: write virtual or virtual:NAME");
            return new Virtual(name);
        }
        return new Port(text);
    }

    private static EndpointSpec parseNet(String rest, String text) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no network session: write net:NAME (a session peers join) "
                    + "or net:HOST:PORT (a session to invite)");
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || !digits(rest.substring(colon + 1))) return new NetSession(rest);
        String host = rest.substring(0, colon);
        if (host.startsWith("[") ? !host.endsWith("]") : host.indexOf(':') >= 0) {
            return new NetSession(rest);   // an IPv6 literal without brackets, or a name with colons: a session name
        }
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) throw new IllegalArgumentException("'" + text + "' names no host: write net:HOST:PORT");
        int port = rest.length() - colon - 1 > 5 ? -1 : Integer.parseInt(rest.substring(colon + 1));
        if (port < 1 || port > 65534) {
            throw new IllegalArgumentException("network MIDI port in 'net:" + rest + "' must be 1..65534 (the session's control port)");
        }
        return new NetPeer(host, port);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
