package io.antiphon.midi.virtual;

import javax.sound.midi.Receiver;

/**
 * A MIDI device that Antiphon creates and other programs see (a DAW, {@code aconnect}): one port they read Antiphon's
 * answers from and one they send the player's notes to.
 */
public interface VirtualPort extends AutoCloseable {

    /** The name other programs see. */
    String name();

    /**
     * What Antiphon plays: each message sent here reaches every program reading the port. Sending neither blocks nor
     * allocates; call it from one thread (the scheduler's).
     */
    Receiver output();

    /** Sends what other programs play into the port to {@code receiver} (from the port's own thread). */
    void connect(Receiver receiver);

    /** Removes the device; other programs see it go. */
    @Override
    void close();
}
