package io.antiphon.midi.net;

import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;

/**
 * An {@link RtpMidiEndpoint}'s incoming MIDI as a javax.sound.midi {@link Transmitter}, so that the rest of Antiphon
 * connects to it like to any input port. The receiver is called on the endpoint's network thread, with one reused
 * {@code ShortMessage}: it must consume each message during {@code send}, as port receivers do.
 */
public final class RtpMidiTransmitter implements Transmitter {

    private final RtpMidiEndpoint endpoint;

    public RtpMidiTransmitter(RtpMidiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void setReceiver(Receiver receiver) {
        endpoint.setReceiver(receiver);
    }

    @Override
    public Receiver getReceiver() {
        return endpoint.getReceiver();
    }

    /** Disconnects the receiver (incoming MIDI is then dropped and counted); the endpoint stays open. */
    @Override
    public void close() {
        endpoint.setReceiver(null);
    }
}
