package io.antiphon.engine.perform;

/**
 * Where the performer's MIDI goes: a short message stamped with the time (ns, on the performer's injected clock)
 * at which it must sound. The real-time shell publishes it to the output ring; tests record it.
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
}
