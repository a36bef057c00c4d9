package io.antiphon.engine.realtime;

import io.antiphon.engine.perform.MidiOut;

/**
 * The performer's {@link MidiOut} in the shell: publishes each message to the output ring (never blocking, never
 * allocating), stamped with the arrival time of the input event being handled, if any, so that the scheduler can
 * record input-to-output latency. Performer thread only.
 */
public final class PerformerOutput implements MidiOut {

    private final EventRing ring;
    private long causeNanos = -1;
    private long published;

    public PerformerOutput(EventRing ring) {
        this.ring = ring;
    }

    @Override
    public void send(long timeNanos, int status, int data1, int data2) {
        if (ring.tryPublish(RingEvent.Kind.MIDI, timeNanos, status, data1, data2, causeNanos)) published++;
    }

    /** The arrival time of the input that the following messages answer; -1 when they answer none. */
    void setCause(long arrivalNanos) {
        this.causeNanos = arrivalNanos;
    }

    /** Messages accepted by the ring so far. */
    long published() {
        return published;
    }
}
