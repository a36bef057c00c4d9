package io.antiphon.midi.net;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

/**
 * An {@link RtpMidiEndpoint}'s outgoing side as a javax.sound.midi {@link Receiver}, so that the output scheduler
 * sends to it like to any output port: each message goes at once to every open session of the endpoint (the
 * timestamp is ignored, as hardware ports ignore it). Never throws, never blocks beyond a UDP send, allocates
 * nothing for short messages.
 */
public final class RtpMidiReceiver implements Receiver {

    private final RtpMidiEndpoint endpoint;

    public RtpMidiReceiver(RtpMidiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        endpoint.send(message);
    }

    /** Nothing to release here: closing the endpoint ends its sessions. */
    @Override
    public void close() {
    }
}
