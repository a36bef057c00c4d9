package io.antiphon.midi.endpoint;

/**
 * One side of a performance, opened by a {@link MidiHub} from an {@link EndpointSpec}, whatever is behind it (a port,
 * a network session, a virtual device): the same lifecycle for each. It is open once the hub returns it; it may be
 * lost and come back while open (a port unplugged and plugged back in: {@link #connected()} is false meanwhile, and
 * the hub's events say so); {@link #close()} ends it.
 */
public interface MidiEndpoint extends AutoCloseable {

    /** What the player asked for. */
    EndpointSpec spec();

    /** How the terminal names it: the port's full name, the network session, or the virtual device's port. */
    String describe();

    /** Whether it carries MIDI now: false while its port is unplugged and after {@link #close()}. */
    boolean connected();

    /** Releases it; every output's sounding notes must have been ended by the sender first. */
    @Override
    void close();
}
