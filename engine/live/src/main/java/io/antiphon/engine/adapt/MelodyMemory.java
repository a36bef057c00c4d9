package io.antiphon.engine.adapt;

import io.antiphon.engine.token.Vocabulary;

/**
 * The session's melody as the player's intervals (docs/design.md, Learning the player): a variable-order memory of the
 * top line's pitch intervals, and the reshaping of the next note's choice by it.
 *
 * <p>The top line is the highest note struck at each onset tick (a tick closes at the next {@code TIME_SHIFT}); each
 * closed tick adds the interval from the previous one's top ({@value #REACH} semitones or less either way, or "a leap")
 * to a {@link SessionMemory} over intervals. So the memory sees the melody across the timing and velocity tokens
 * between its notes (the human's jittered shifts never match the machine's grid-masked ones, and at the event level a
 * context breaks at the first of them), and in any key (a motif transposed is the same intervals).
 *
 * <p>The human's intervals count; the machine's are context only, so that an answer borrows the player's motifs and
 * never loops on its own. The reshaping is a product of experts on the note-on choice alone: every {@code NOTE_ON}
 * that would become the new top (above the notes struck at its tick so far) and is no more than an octave below the
 * last top (lower, it is the accompaniment's, left alone) is weighted by {@code (K q(interval))^b} (a leap upwards:
 * {@code q} of the leap symbol), {@code q} the memory's prediction, {@code K} its alphabet (so that a memory with
 * nothing to say changes nothing), {@code b} the strength; then the note-ons are scaled back to the probability they
 * had together. The model keeps when a note comes and its sense of key and harmony (a note it finds unlikely stays
 * unlikely unless the player's motif insists), and the choice among the notes it finds likely leans to the player's
 * intervals, the more the longer the context the memory matched: graded reuse rather than echo or nothing.
 *
 * <p>Allocation-free after construction; owned by one thread.
 */
public final class MelodyMemory {

    /** The widest interval kept as such, in semitones; wider ones are one symbol, a leap. */
    public static final int REACH = 12;
    /** Intervals -REACH..REACH, then the leap. */
    static final int SYMBOLS = 2 * REACH + 2;
    private static final int LEAP = SYMBOLS - 1;
    /** Intervals held at least (a few minutes of melody). */
    public static final int CAPACITY = 1024;
    /** The longest context matched: eight intervals, a motif of nine notes. */
    public static final int ORDER = 8;
    /**
     * The strength of the reshaping at {@code adapt} 1 (docs/models.md, Learning the player: the higher, the more of
     * the call's motifs the answers reuse and the longer the runs they copy; at 1 they echo).
     */
    public static final double STRENGTH = 0.4;

    private final SessionMemory memory = new SessionMemory(CAPACITY, ORDER, SYMBOLS);
    private final float[] prediction = new float[SYMBOLS];
    private final double[] factor = new double[SYMBOLS];
    private double factorStrength = Double.NaN;

    /** The top of the last closed tick, -1 before any. */
    private int lastTop;
    /** The highest note struck at the open tick, -1 with none yet; whether the human played it. */
    private int tickTop;
    private boolean tickTopHuman;

    private long savedPosition;
    private int savedLastTop;
    private int savedTickTop;
    private boolean savedTickTopHuman;

    public MelodyMemory() {
        clear();
    }

    /** Forgets the session's melody. */
    public void clear() {
        memory.clear();
        lastTop = -1;
        tickTop = -1;
        tickTopHuman = false;
        predict();
    }

    /**
     * Hears a token of the session's stream.
     *
     * @param human whether the player played it (its intervals count), or the machine (context only)
     */
    public void observe(int token, boolean human) {
        if (Vocabulary.isNoteOn(token)) {
            int pitch = Vocabulary.pitch(token);
            if (pitch > tickTop) {
                tickTop = pitch;
                tickTopHuman = human;
            }
        } else if (Vocabulary.isTimeShift(token) && tickTop >= 0) {
            if (lastTop >= 0) {
                memory.append(symbolOf(tickTop - lastTop), tickTopHuman ? 1f : 0f);
                predict();
            }
            lastTop = tickTop;
            tickTop = -1;
        }
    }

    /**
     * Reshapes the note-on choice of {@code distribution} (an event distribution, changed in place) by the memory's
     * prediction of the next interval, with strength {@code strength} (0 = unchanged; see the class comment).
     */
    public void reshape(float[] distribution, double strength) {
        if (strength <= 0 || lastTop < 0) return;
        if (strength != factorStrength) {
            for (int s = 0; s < SYMBOLS; s++) factor[s] = Math.pow(SYMBOLS * (double) prediction[s], strength);
            factorStrength = strength;
        }
        int base = Vocabulary.noteOn(Vocabulary.LOWEST_PITCH);
        double before = 0;
        double after = 0;
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
            int t = base + pitch - Vocabulary.LOWEST_PITCH;
            float p = distribution[t];
            if (p <= 0f) continue;
            before += p;
            if (pitch > tickTop && pitch >= lastTop - REACH) {
                p = (float) (p * factor[symbolOf(pitch - lastTop)]);
                distribution[t] = p;
            }
            after += p;
        }
        if (after <= 0 || before <= 0) return;
        float scale = (float) (before / after);
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
            distribution[base + pitch - Vocabulary.LOWEST_PITCH] *= scale;
        }
    }

    /** Intervals held. */
    public int size() {
        return memory.size();
    }

    /** The memory's prediction of the next top-line interval: {@code interval} -REACH..REACH (live value). */
    public double intervalProbability(int interval) {
        return prediction[symbolOf(interval)];
    }

    /** Saves the point {@link #restore} returns to. */
    public void save() {
        savedPosition = memory.position();
        savedLastTop = lastTop;
        savedTickTop = tickTop;
        savedTickTopHuman = tickTopHuman;
    }

    /** Undoes the tokens observed since {@link #save}. */
    public void restore() {
        lastTop = savedLastTop;
        tickTop = savedTickTop;
        tickTopHuman = savedTickTopHuman;
        if (memory.position() == savedPosition) return;
        memory.truncateTo(savedPosition);
        predict();
    }

    private void predict() {
        memory.predict(prediction);
        factorStrength = Double.NaN;
    }

    private static int symbolOf(int interval) {
        return interval < -REACH || interval > REACH ? LEAP : interval + REACH;
    }
}
