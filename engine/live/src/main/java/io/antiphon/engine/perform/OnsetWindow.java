package io.antiphon.engine.perform;

/**
 * The onsets the {@link BeatTracker} heard last, a ring of {@value #CAPACITY}: each onset's time, the sixteenth of the
 * beat grid it is placed on (an index, valid while the beat is tracked), the silence before it and its velocity. Onsets are numbered
 * from the oldest in the window, 0, to the newest, {@code count() - 1}. Allocation-free.
 */
final class OnsetWindow {

    static final int CAPACITY = 32;
    /** The grid's sixteenths in a beat: an onset's slot is a sixteenth index. */
    static final int SLOTS_PER_BEAT = 4;
    /**
     * How clearly the onsets must keep to one parity of sixteenths (the even ones, on the beat and half beat, or the odd
     * ones) for the beat's phase to keep to it ({@link #sixteenthParity}): by this share of the onsets more, and
     * {@value #PARITY_ONSETS} or more.
     */
    static final double PARITY_SHARE = 0.3;
    private static final int PARITY_ONSETS = 3;

    private final long[] times = new long[CAPACITY];
    private final long[] slots = new long[CAPACITY];
    /** The silence before each onset (all the player's keys up), ns; 0 if a key was still down. */
    private final long[] silences = new long[CAPACITY];
    /** Each onset's velocity, 1..127 (a chord's loudest key). */
    private final int[] velocities = new int[CAPACITY];
    /** The slots kept aside by {@link #keepSlots}. */
    private final long[] keptSlots = new long[CAPACITY];
    private int count;
    private int head;
    /** Whether the window still begins with the first onset the tracker induced from (a phrase's first note leans to a beat). */
    private boolean fromFirstOnset = true;

    /** How many onsets the window holds. */
    int count() {
        return count;
    }

    /** The time of onset {@code i}, ns. */
    long time(int i) {
        return times[index(i)];
    }

    /** The sixteenth onset {@code i} is placed on. */
    long slot(int i) {
        return slots[index(i)];
    }

    void setSlot(int i, long slot) {
        slots[index(i)] = slot;
    }

    /** The silence before onset {@code i}, ns. */
    long silence(int i) {
        return silences[index(i)];
    }

    /** The velocity of onset {@code i}. */
    int velocity(int i) {
        return velocities[index(i)];
    }

    /** A key of the newest onset's chord went down at {@code velocity}: the onset's velocity is its loudest key's. */
    void chordKey(int velocity) {
        if (count > 0) velocities[index(count - 1)] = Math.max(velocities[index(count - 1)], velocity);
    }

    /** Whether the window still begins with the first onset the tracker induced from. */
    boolean fromFirstOnset() {
        return fromFirstOnset;
    }

    /**
     * Adds an onset at {@code nanos} at {@code velocity}, after {@code silence} ns of silence, on the sixteenth after the
     * newest one's; the oldest leaves a full window.
     */
    void append(long nanos, long silence, int velocity) {
        if (count == CAPACITY) {
            head = (head + 1) % CAPACITY;
            count--;
            fromFirstOnset = false;
        }
        times[index(count)] = nanos;
        slots[index(count)] = count > 0 ? slots[index(count - 1)] + 1 : 0;
        silences[index(count)] = silence;
        velocities[index(count)] = velocity;
        count++;
    }

    /** Forgets the newest onset (an ornament of the next one). */
    void dropNewest() {
        count--;
    }

    /** Forgets every onset; with {@code firstOnset}, the next one is the first the tracker induces from. */
    void clear(boolean firstOnset) {
        count = 0;
        head = 0;
        fromFirstOnset = firstOnset;
    }

    /** Keeps only the newest {@code n} onsets (the player was lost: the tracker starts again from them). */
    void keepNewest(int n) {
        head = index(count - n);
        count = n;
        fromFirstOnset = false;
    }

    /** Renumbers every onset's sixteenth {@code shift} earlier (the beat moved {@code shift} sixteenths later). */
    void renumber(long shift) {
        for (int i = 0; i < count; i++) slots[index(i)] -= shift;
    }

    /** Keeps every onset's sixteenth aside, for {@link #restoreSlots}. */
    void keepSlots() {
        System.arraycopy(slots, 0, keptSlots, 0, CAPACITY);
    }

    /** Puts back the sixteenths {@link #keepSlots} kept. */
    void restoreSlots() {
        System.arraycopy(keptSlots, 0, slots, 0, CAPACITY);
    }

    /**
     * Whether onset {@code i} (not the newest) is a sixteenth after a dotted eighth: a 6/8 line's dotted rhythm, on an
     * odd sixteenth at the player's tempo, where a simple line heard at half tempo puts its eighths.
     */
    boolean dottedEighthsSixteenth(int i) {
        long slot = slot(i);
        return i > 0 && slot - slot(i - 1) == 3 && slot(i + 1) - slot == 1;
    }

    /**
     * The parity of sixteenths that the first {@code n} onsets keep to: 0 if clearly more fall on the even ones (the
     * beat and the half beat) than on the odd ones ({@value #PARITY_SHARE} of them, and {@value #PARITY_ONSETS} or
     * more), 1 if clearly more on the odd ones, -1 if neither. A pop line that anticipates its beats by a sixteenth (a
     * sixteenth's pickup and a long note on the beat's last sixteenth, held over it, bar after bar) keeps its other
     * notes on eighths; weighed by length alone, the long notes moved the beat onto their sixteenth. A line whose
     * induction counted a sixteenth's pickup as the beat has its eighths on odd sixteenths, and moves.
     */
    int sixteenthParity(int n) {
        int odd = 0;
        for (int i = 0; i < n; i++) odd += (int) Math.floorMod(slot(i), 2);
        double clearly = Math.max(PARITY_ONSETS, PARITY_SHARE * n);
        if (odd - (n - odd) >= clearly) return 1;
        return (n - odd) - odd >= clearly ? 0 : -1;
    }

    private int index(int i) {
        return (head + i) % CAPACITY;
    }
}
