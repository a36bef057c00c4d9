package io.antiphon.engine.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * A {@link Receiver} that records every short message it gets with the time it got it (on an injected clock), into
 * preallocated arrays: allocation-free, so it can stand in for an output port on the scheduler thread. One thread
 * sends; any thread may read what was recorded so far. Messages beyond the capacity are counted, not kept.
 */
public final class RecordingReceiver implements Receiver {

    private final NanoClock clock;
    private final long[] nanos;
    private final int[] packed;
    private volatile int count;
    private final AtomicLong overflow = new AtomicLong();

    public RecordingReceiver(NanoClock clock, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("recording capacity must be positive: " + capacity);
        this.clock = clock;
        this.nanos = new long[capacity];
        this.packed = new int[capacity];
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        long now = clock.nanoTime();
        if (!(message instanceof ShortMessage shortMessage)) return;
        int index = count;
        if (index == nanos.length) {
            overflow.incrementAndGet();
            return;
        }
        nanos[index] = now;
        packed[index] = shortMessage.getStatus() << 16 | shortMessage.getData1() << 8 | shortMessage.getData2();
        count = index + 1;
    }

    /** Messages recorded so far. */
    public int size() {
        return count;
    }

    /** Messages that did not fit. */
    public long overflow() {
        return overflow.get();
    }

    /** A copy of what was recorded so far, in arrival order. */
    public List<RecordedMessage> messages() {
        int n = count;
        List<RecordedMessage> copy = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int bytes = packed[i];
            copy.add(new RecordedMessage(nanos[i], bytes >>> 16, bytes >>> 8 & 0x7F, bytes & 0x7F));
        }
        return copy;
    }

    /** Time of the first note-on recorded at or after {@code nanos}, or -1 if none (yet). */
    public long firstNoteOnAt(long fromNanos) {
        return firstNoteOnAt(fromNanos, 0);
    }

    /** As {@link #firstNoteOnAt(long)}, looking only at the messages from index {@code fromIndex} on (see {@link #size()}). */
    public long firstNoteOnAt(long fromNanos, int fromIndex) {
        int n = count;
        for (int i = Math.max(0, fromIndex); i < n; i++) {
            int bytes = packed[i];
            if (nanos[i] >= fromNanos && (bytes >>> 16 & 0xF0) == 0x90 && (bytes & 0x7F) > 0) return nanos[i];
        }
        return -1;
    }

    @Override
    public void close() {
    }
}
