package io.antiphon.engine.realtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * A Disruptor ring of preallocated {@link RingEvent} slots between threads, drained by one consumer that polls it.
 * The shell's input ring has many producers (MIDI callbacks, the control side) and the real-time thread as consumer.
 *
 * <p>Publishing never blocks and never allocates ({@code tryNext}). When the ring is full, the policy is:
 * <ul>
 *   <li>the last {@code reserve} slots are kept for releases (note-offs, velocity-0 note-ons, sustain pedal up,
 *       all-notes-off): any other message is dropped, and counted, once only {@code reserve} slots remain;</li>
 *   <li>a note-off that finds even the reserve used up is never dropped: it is marked in {@link PendingReleases}
 *       (one bit per channel and key) and handed to the consumer after the events published before it;
 *       an all-notes-off is kept as a flag, handed over the same way;</li>
 *   <li>a sustain-pedal release that finds the whole ring full is dropped and counted (it silences nothing by
 *       itself: the performer's own notes end through their note-offs).</li>
 * </ul>
 * A late release is handed over at the time of the drain that delivers it, not the time it was sent.
 * The consumer thread is woken ({@link LockSupport#unpark}) after each publish, so it may park while idle; a consumer
 * that spins polls {@link #hasWork()} instead.
 */
public final class EventRing {

    /** Receives an all-notes-off that was handed over late. */
    @FunctionalInterface
    public interface AllNotesOffSink {
        void allNotesOff();
    }

    private static final int SUSTAIN_PEDAL = 64;

    private final RingBuffer<RingEvent> ring;
    private final EventPoller<RingEvent> poller;
    private final int reserve;
    private final PendingReleases pendingReleases = new PendingReleases();
    /** Consumer-private: the releases taken before a drain, handed over after it. */
    private final PendingReleases stagedReleases = new PendingReleases();
    private final PendingReleases.Sink stage = stagedReleases::mark;
    private final AtomicBoolean pendingAllNotesOff = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deferredReleases = new AtomicLong();
    private volatile boolean releasesDeferred;
    private volatile Thread consumer;

    /**
     * @param producers {@link ProducerType#MULTI} unless exactly one thread ever publishes
     * @param capacity  slots, a power of two
     * @param reserve   slots kept for releases, {@code 0 <= reserve < capacity}
     */
    public EventRing(ProducerType producers, int capacity, int reserve) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw Messages.capacity(capacity);
        }
        if (reserve < 0 || reserve >= capacity) {
            throw Messages.reserve(capacity, reserve);
        }
        // Nobody waits on the wait strategy (the consumer polls); SleepingWaitStrategy's signal is a no-op, so a
        // publish never takes a lock.
        this.ring = RingBuffer.create(producers, RingEvent::new, capacity, new SleepingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.reserve = reserve;
    }

    /** The thread to wake after each publish; {@code null} for none. */
    public void setConsumer(Thread consumer) {
        this.consumer = consumer;
    }

    /**
     * Publishes without blocking or allocating. Returns false if the message was dropped because the ring is full
     * (see the class comment: a note release is never dropped).
     *
     * @param causeNanos on the output ring, when the input that caused this message reached the shell (-1: none)
     */
    public boolean tryPublish(RingEvent.Kind kind, long nanos, int status, int data1, int data2, long causeNanos) {
        boolean release = kind == RingEvent.Kind.ALL_NOTES_OFF || isRelease(status, data1, data2);
        if (!release && ring.remainingCapacity() <= reserve) {
            dropped.incrementAndGet();
            return false;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return deferRelease(kind, status, data1, data2);
        }
        ring.get(sequence).set(kind, nanos, status, data1, data2, causeNanos);
        ring.publish(sequence);
        wakeConsumer();
        return true;
    }

    /**
     * Consumer side: hands every published event to {@code events} in publication order, then the note releases and
     * the all-notes-off that had found the ring full before this drain began. Returns how many were handed over.
     */
    public int drain(EventPoller.Handler<RingEvent> events, PendingReleases.Sink lateReleases, AllNotesOffSink lateAllNotesOff)
            throws Exception {
        boolean allNotesOff = pendingAllNotesOff.get() && pendingAllNotesOff.getAndSet(false);
        releasesDeferred = false;
        pendingReleases.drainTo(stage);
        long before = poller.getSequence().get();
        poller.poll(events);
        int handed = (int) (poller.getSequence().get() - before);
        handed += stagedReleases.drainTo(lateReleases);
        if (allNotesOff) {
            lateAllNotesOff.allNotesOff();
            handed++;
        }
        return handed;
    }

    /**
     * Consumer side: whether a drain would find something (an event published or being published, a deferred
     * release or all-notes-off). Cheap enough to poll while spinning; allocation-free.
     */
    public boolean hasWork() {
        return ring.getCursor() != poller.getSequence().get() || releasesDeferred || pendingAllNotesOff.get();
    }

    /** Messages dropped because the ring was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Releases that found the ring full and were handed over late instead. */
    public long deferredReleases() {
        return deferredReleases.get();
    }

    private boolean deferRelease(RingEvent.Kind kind, int status, int data1, int data2) {
        if (kind == RingEvent.Kind.ALL_NOTES_OFF) {
            pendingAllNotesOff.set(true);
        } else if (isNoteRelease(status, data2)) {
            pendingReleases.mark(status & 0x0F, data1);
            releasesDeferred = true;
        } else {
            dropped.incrementAndGet();
            return false;
        }
        deferredReleases.incrementAndGet();
        wakeConsumer();
        return true;
    }

    private void wakeConsumer() {
        Thread thread = consumer;
        if (thread != null) LockSupport.unpark(thread);
    }

    /** A note-off, or a note-on with velocity 0 (which MIDI reads as a note-off). */
    static boolean isNoteRelease(int status, int data2) {
        int command = status & 0xF0;
        return command == 0x80 || command == 0x90 && data2 == 0;
    }

    /** A note release or a sustain-pedal release (CC 64 below 64). */
    private static boolean isRelease(int status, int data1, int data2) {
        return isNoteRelease(status, data2) || (status & 0xF0) == 0xB0 && data1 == SUSTAIN_PEDAL && data2 < 64;
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException capacity(int capacity) {
            return new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
        }

        static IllegalArgumentException reserve(int capacity, int reserve) {
            return new IllegalArgumentException("ring reserve must be 0.." + (capacity - 1) + " for capacity " + capacity + ": " + reserve);
        }
    }
}
