package io.antiphon.engine.adapt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's tokens on their way from the performer thread to a {@link SessionLearner}: a preallocated ring with
 * one writer (the performer, which never waits and never allocates) and one reader (the learner's thread). Lock-free:
 * the writer stores a token, then publishes the count written with a release store; the reader copies what it wants
 * and then checks, by the count published after its copy, that the writer had not overwritten it meanwhile (a reader
 * that falls a whole ring behind loses the oldest tokens, never the writer's time). Also carries the two marks a
 * learner needs: where the latest phrase ended, and where the session began (after the last {@link #clear}).
 */
public final class SessionTokens {

    private final int[] ring;
    private final int mask;
    /** Tokens ever written; the writer alone stores it. */
    private final AtomicLong written = new AtomicLong();
    /** {@link #written} when the latest phrase ended. */
    private final AtomicLong phraseEnd = new AtomicLong();
    /** Phrases ended since the session began. */
    private final AtomicLong phrases = new AtomicLong();
    /** {@link #written} when the session (its learning) began. */
    private final AtomicLong sessionStart = new AtomicLong();

    /** @param capacity tokens kept, rounded up to a power of two */
    public SessionTokens(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("a token ring holds at least 2 tokens, got " + capacity);
        int size = Integer.highestOneBit(capacity - 1) << 1;
        this.ring = new int[size];
        this.mask = size - 1;
    }

    /** Tokens the ring keeps. */
    public int capacity() {
        return ring.length;
    }

    // ---- the performer's side: allocation-free, never waits

    /** A token of the session. */
    public void write(int token) {
        long n = written.getPlain();
        ring[(int) (n & mask)] = token;
        written.setRelease(n + 1);
    }

    /** The phrase heard so far has ended. */
    public void endPhrase() {
        phraseEnd.setRelease(written.getPlain());
        phrases.setRelease(phrases.getPlain() + 1);
    }

    /** The session's learning is forgotten: a learner reads nothing written before now. */
    public void clear() {
        long now = written.getPlain();
        sessionStart.setRelease(now);
        phraseEnd.setRelease(now);
    }

    // ---- the learner's side

    /** Tokens ever written. */
    public long written() {
        return written.getAcquire();
    }

    /** Phrases ended so far (a learner compares it with the count it last saw). */
    public long phrasesEnded() {
        return phrases.getAcquire();
    }

    /** The position (a count of tokens written) where the latest phrase ended. */
    public long latestPhraseEnd() {
        return phraseEnd.getAcquire();
    }

    /** The position where the session's learning began. */
    public long sessionStart() {
        return sessionStart.getAcquire();
    }

    /**
     * Copies the session's latest tokens before position {@code end}, at most {@code into.length}, into the start of
     * {@code into}, oldest first; none from before {@link #sessionStart} or overwritten by the writer.
     *
     * @return how many tokens were copied
     */
    public int copyLatest(long end, int[] into) {
        long stop = Math.min(end, written.getAcquire());
        long start = Math.max(Math.max(stop - into.length, stop - ring.length), Math.max(0, sessionStart.getAcquire()));
        if (stop <= start) return 0;
        for (long p = start; p < stop; p++) into[(int) (p - start)] = ring[(int) (p & mask)];
        long overwrittenBefore = written.getAcquire() - ring.length;
        if (overwrittenBefore > start) {
            int lost = (int) Math.min(stop - start, overwrittenBefore - start);
            int kept = (int) (stop - start) - lost;
            System.arraycopy(into, lost, into, 0, kept);
            return kept;
        }
        return (int) (stop - start);
    }
}
