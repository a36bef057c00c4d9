package io.antiphon.midi.endpoint;

import javax.sound.midi.Receiver;

/** An endpoint that plays into the performance: a keyboard's port, the peers of a network session, a DAW. */
public interface EndpointInput extends MidiEndpoint {

    /**
     * Sends what arrives to {@code receiver}, on the endpoint's own thread, now and after every return of a lost port.
     * A port that is lost releases the keys and pedals it held (note-offs and pedal-ups to {@code receiver}).
     */
    void connect(Receiver receiver);
}
