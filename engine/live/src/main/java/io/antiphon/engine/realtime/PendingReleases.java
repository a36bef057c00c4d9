package io.antiphon.engine.realtime;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Note-offs that found their ring full, kept as one bit per (channel, key) so that they are never lost: a full ring may
 * drop a note-on or a CC, but a dropped release would leave a note sounding forever. Any thread may {@link #mark};
 * the ring's consumer {@link #drainTo drains} the bits after the events published before them. Allocation-free and
 * lock-free. Two releases of one key collapse into one bit, which is all a release needs.
 */
public final class PendingReleases {

    /** Receives one pending release. */
    @FunctionalInterface
    public interface Sink {
        void release(int channel, int key);
    }

    private static final int CHANNELS = 16;
    private static final int KEYS = 128;

    private final AtomicLongArray bits = new AtomicLongArray(CHANNELS * KEYS / Long.SIZE);

    /** Records a release of {@code key} on {@code channel} (0..15, 0..127) that could not be queued. */
    public void mark(int channel, int key) {
        int index = channel * KEYS + key;
        int word = index >>> 6;
        long bit = 1L << (index & 63);
        long old;
        do {
            old = bits.get(word);
            if ((old & bit) != 0) return;
        } while (!bits.compareAndSet(word, old, old | bit));
    }

    /** Hands every pending release to {@code sink} (channel by channel, keys ascending), clearing it; returns how many. */
    public int drainTo(Sink sink) {
        int drained = 0;
        for (int w = 0; w < bits.length(); w++) {
            if (bits.get(w) == 0) continue;
            long word = bits.getAndSet(w, 0);
            while (word != 0) {
                int index = w << 6 | Long.numberOfTrailingZeros(word);
                word &= word - 1;
                sink.release(index / KEYS, index % KEYS);
                drained++;
            }
        }
        return drained;
    }
}
