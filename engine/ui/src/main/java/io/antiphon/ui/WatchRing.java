package io.antiphon.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.SessionObserver;

/**
 * The live page's side of the real-time path: a {@link SessionObserver} that copies what the performer thread tells it
 * into a Disruptor ring of preallocated {@link WatchEvent} slots, never blocking and never allocating; the page's own
 * thread drains it. A full ring (the page's thread is slow or gone) drops the event and counts it: the performer never
 * waits for the page. The status is copied at most every {@value #STATUS_INTERVAL_MILLIS} ms of session time, and at once when the
 * phase changes or an answer starts.
 */
final class WatchRing implements SessionObserver {

    static final long STATUS_INTERVAL_MILLIS = 20;
    private static final long STATUS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(STATUS_INTERVAL_MILLIS);

    private final RingBuffer<WatchEvent> ring;
    private final EventPoller<WatchEvent> poller;
    private final AtomicLong dropped = new AtomicLong();
    private long lastStatusNanos = Long.MIN_VALUE;
    private PerformerPhase lastPhase;
    private long lastAnswers = -1;

    /** @param capacity slots, a power of two */
    WatchRing(int capacity) {
        // the page's thread polls: nobody waits on the wait strategy, so a publish takes no lock
        this.ring = RingBuffer.createMultiProducer(WatchEvent::new, capacity, new SleepingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    @Override
    public void input(long nanos, int status, int data1, int data2) {
        int command = status & 0xF0;
        if (command != 0x80 && command != 0x90 && command != 0xB0 && command != 0xC0) return;   // what the page shows
        long sequence = claim();
        if (sequence < 0) return;
        WatchEvent event = ring.get(sequence);
        event.kind = WatchEvent.Kind.HUMAN;
        event.nanos = nanos;
        event.status = status;
        event.data1 = data1;
        event.data2 = data2;
        ring.publish(sequence);
    }

    @Override
    public void machineNote(long nanos, int channel, int key, int velocity) {
        note(WatchEvent.Kind.MACHINE, nanos, channel, key, velocity);
    }

    private void note(WatchEvent.Kind kind, long nanos, int channel, int key, int velocity) {
        long sequence = claim();
        if (sequence < 0) return;
        WatchEvent event = ring.get(sequence);
        event.kind = kind;
        event.nanos = nanos;
        event.status = channel;
        event.data1 = key;
        event.data2 = velocity;
        ring.publish(sequence);
    }

    @Override
    public void machinePlanned(long nanos, int channel, int key, int velocity) {
        note(WatchEvent.Kind.PLANNED, nanos, channel, key, velocity);
    }

    @Override
    public void machinePlanDropped(long nanos, int channel, int key) {
        note(WatchEvent.Kind.DROPPED, nanos, channel, key, 0);
    }

    @Override
    public void parameterChanged(Parameter parameter, double value) {
        long sequence = claim();
        if (sequence < 0) return;
        WatchEvent event = ring.get(sequence);
        event.kind = WatchEvent.Kind.PARAMETER;
        event.data1 = parameter.ordinal();
        event.value = value;
        ring.publish(sequence);
    }

    @Override
    public void status(long nanos, PerformerStatus status) {
        boolean news = status.phase() != lastPhase || status.answers() != lastAnswers;
        if (!news && nanos - lastStatusNanos < STATUS_INTERVAL_NANOS && lastStatusNanos != Long.MIN_VALUE) return;
        long sequence = claim();
        if (sequence < 0) return;
        lastStatusNanos = nanos;
        lastPhase = status.phase();
        lastAnswers = status.answers();
        WatchEvent event = ring.get(sequence);
        event.kind = WatchEvent.Kind.STATUS;
        event.nanos = nanos;
        event.mode = status.mode();
        event.phase = status.phase();
        event.tempoBpm = status.tempoBpm();
        event.clockRunning = status.clockRunning();
        event.bar = status.bar();
        event.beat = status.beat();
        event.answers = status.answers();
        event.machineNotesSounding = status.machineNotesSounding();
        event.humanKeysDown = status.humanKeysDown();
        ring.publish(sequence);
    }

    /** The page's thread: hands every published event to {@code handler}, in order. */
    void drain(EventPoller.Handler<WatchEvent> handler) throws Exception {
        poller.poll(handler);
    }

    /** Events dropped because the page's thread had not drained the ring. */
    long dropped() {
        return dropped.get();
    }

    private long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            dropped.incrementAndGet();
            return -1;
        }
    }
}
