package io.antiphon.engine.perform;

/**
 * Where the performer's MIDI goes: a short message stamped with the time (ns, on the performer's injected clock)
 * at which it must sound. The real-time shell hands it to its output scheduler; tests record it.
 * Implementations on the live path must not block and must not allocate.
 */
@FunctionalInterface
public interface MidiOut {

    /**
     * @param timeNanos when the message must be sent
     * @param status    status byte (e.g. 0x90 | channel)
     * @param data1     first data byte 0..127
     * @param data2     second data byte 0..127
     */
    void send(long timeNanos, int status, int data1, int data2);

    /**
     * The performer is about to compute (a model step): an output that holds messages for their time sends those that
     * have come due, so that none waits for the computing. Nothing by default.
     */
    default void sendDue() {
    }
}
