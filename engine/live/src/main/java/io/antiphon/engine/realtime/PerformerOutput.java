package io.antiphon.engine.realtime;

import io.antiphon.engine.perform.MidiOut;

/**
 * The performer's {@link MidiOut} in the shell: hands each message to the {@link OutputScheduler} on the same thread
 * (sent at once when due, else queued; never blocking beyond the output {@code Receiver}, never allocating), stamped
 * with the arrival time of the input event being handled, if any, so that the scheduler can record input-to-output
 * latency. Real-time thread only.
 */
public final class PerformerOutput implements MidiOut {

    private final OutputScheduler scheduler;
    private long causeNanos = -1;
    private long published;

    public PerformerOutput(OutputScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void send(long timeNanos, int status, int data1, int data2) {
        scheduler.submit(timeNanos, status, data1, data2, causeNanos);
        published++;
    }

    /** Sends what the scheduler holds that has come due: the performer is about to compute a model step. */
    @Override
    public void sendDue() {
        scheduler.sendDue();
    }

    /** The arrival time of the input that the following messages answer; -1 when they answer none. */
    void setCause(long arrivalNanos) {
        this.causeNanos = arrivalNanos;
    }

    /** Messages handed to the scheduler so far. */
    long published() {
        return published;
    }
}
