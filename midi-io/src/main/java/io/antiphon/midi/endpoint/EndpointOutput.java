package io.antiphon.midi.endpoint;

import javax.sound.midi.Receiver;

/** An endpoint that the performance plays to: a synthesizer's port, a network session's peers, a DAW. */
public interface EndpointOutput extends MidiEndpoint {

    /**
     * Where the answers go. Sending to it neither blocks nor allocates; call it from one thread. While a port is lost it
     * throws at once ({@link io.antiphon.midi.port.PortLostException}: the message was not sent); when the port returns
     * it gets all notes off (CC 123) on every channel before anything else.
     */
    Receiver receiver();
}
