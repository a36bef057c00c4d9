package io.antiphon.engine.perform;

import java.util.Arrays;

/**
 * The player's groove, measured from the human's onsets against the beat grid: for each sixteenth position in the
 * beat (0 = the beat, 1 = "e", 2 = "and", 3 = "a"), how early or late the player plays it compared with the beat,
 * in sixteenths. Swing is position 2 played late (eighth-note swing) or positions 1 and 3 late (sixteenth swing);
 * push and pull are a position played consistently early or late.
 *
 * <p>Measured robustly, so that a straight player gets a straight grid: onsets of one chord (within
 * {@value #CHORD_WINDOW_MS} ms) count once; each onset counts for its nearest sixteenth; over the last
 * {@value #WINDOW} onsets, a position's offset is the median of its deviations minus the beat's median (the grid's
 * phase cancels out), shrunk towards zero by a factor {@code 1 - (z/d)^2} where {@code d} is the offset and {@code z}
 * is {@value #Z} standard errors (so an offset that is not consistent across the call, timing jitter, a grid that is
 * not the player's, becomes zero, and a clear one is kept nearly whole), needs {@value #MIN_ONSETS} onsets on the
 * position and on the beat, and is bounded to a third of a sixteenth ({@link #MAX_OFFSET}). Onsets halfway between two
 * sixteenths ({@link #BETWEEN}) count for no position, and a position that many of its onsets lie beside gives none.
 * Nor do a triplet's notes ({@link #isTripletInterval}): three onsets a third of a beat apart (or a sixth, or two thirds)
 * are a rhythm, not the "e" played late and the "a" early. The onsets are kept as grid positions, so that when the grid
 * is renumbered ({@link #gridMoved}) they are measured against the new one. Allocation-free; owned by the performer
 * thread.
 */
final class PlayerFeel {

    static final int WINDOW = 32;
    static final long CHORD_WINDOW_MS = 35;
    static final int MIN_ONSETS = 3;
    static final double Z = 2.5;
    /** The largest offset applied, in sixteenths. */
    static final double MAX_OFFSET = 1.0 / 3;
    /** The least spread assumed of a position's deviations, in sixteenths: a human's timing is never exact. */
    static final double MIN_SPREAD = 0.04;
    /**
     * An onset further than this (in sixteenths) from its nearest sixteenth (the grid's phase, the beat's median
     * deviation, taken off) lies between two positions, not on one played late or early: a dotted sixteenth when the
     * beat is heard at half the player's tempo (its sixteenths are the player's eighths), a thirty-second note. A
     * triplet eighth lies a third of a sixteenth off, swing as much.
     */
    static final double BETWEEN = 0.42;
    /** A position that more than this share of its onsets lie between gives no offset: it is not the player's. */
    static final double BETWEEN_SHARE = 1.0 / 3;
    /**
     * How far (in sixteenths) an interval may be from a triplet's (a third of a beat, 4/3 sixteenth; a sixth; two thirds)
     * and still be one: ±12 ms of jitter at 140 BPM moves an interval up to 0.22 sixteenth, while a straight sixteenth
     * or eighth is a third of a sixteenth away, and a triplet is two such intervals in a row.
     */
    static final double TRIPLET_TOLERANCE = 0.25;
    private static final long CHORD_WINDOW_NANOS = CHORD_WINDOW_MS * 1_000_000;

    /** Each onset's position, in sixteenths from the grid origin. */
    private final double[] positions = new double[WINDOW];
    /** Whether that onset is a triplet's note, counted for no position. */
    private final boolean[] triplets = new boolean[WINDOW];
    private final int[] slots = new int[WINDOW];
    private final double[] deviations = new double[WINDOW];
    private int count;
    private int next;
    private long lastOnset = Long.MIN_VALUE;

    /** Offsets by position, in sixteenths; [4] is the next beat, always 0. */
    private final double[] offsets = new double[5];
    private final double[] scratch = new double[WINDOW];
    private final double[] median = new double[4];
    private final double[] standardError = new double[4];

    /** A human note-on at {@code nanos}, {@code gridTicks} (fractional) from the grid origin. */
    void hear(long nanos, double gridTicks) {
        if (lastOnset != Long.MIN_VALUE && nanos - lastOnset < CHORD_WINDOW_NANOS) return;
        lastOnset = nanos;
        positions[next] = gridTicks / MetricPosition.SIXTEENTH_TICKS;
        triplets[next] = false;
        if (count >= 2) {
            int previous = Math.floorMod(next - 1, WINDOW);
            int before = Math.floorMod(next - 2, WINDOW);
            double first = positions[previous] - positions[before];
            double second = positions[next] - positions[previous];
            if (isTripletInterval(first) && isTripletInterval(second) && Math.abs(first - second) < TRIPLET_TOLERANCE) {
                triplets[before] = true;
                triplets[previous] = true;
                triplets[next] = true;
            }
        }
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        measure();
    }

    /**
     * The grid origin moved by {@code ticks} (the beats were renumbered): the onsets heard keep their times, so each
     * now lies that much earlier on the grid, and the positions are measured again.
     */
    void gridMoved(double ticks) {
        if (ticks == 0 || count == 0) return;
        for (int i = 0; i < count; i++) positions[i] -= ticks / MetricPosition.SIXTEENTH_TICKS;
        measure();
    }

    /** Whether {@code sixteenths} is a triplet's interval: a third of a beat, a sixth or two thirds ({@link #TRIPLET_TOLERANCE}). */
    static boolean isTripletInterval(double sixteenths) {
        return Math.abs(sixteenths - 4.0 / 3) < TRIPLET_TOLERANCE || Math.abs(sixteenths - 8.0 / 3) < TRIPLET_TOLERANCE
                || Math.abs(sixteenths - 2.0 / 3) < TRIPLET_TOLERANCE / 2;
    }

    /** The player's offset of sixteenth position {@code slot} (0..3) in the beat, in sixteenths; 0 for the beat. */
    double offset(int slot) {
        return offsets[slot];
    }

    /**
     * The offset, in sixteenths, at {@code gridTick} from the grid origin: a position's own on a sixteenth, between two
     * sixteenths the straight line between theirs (so the time map stays increasing: later ticks never come earlier).
     */
    double offsetAt(long gridTick) {
        int within = (int) Math.floorMod(gridTick, (long) 4 * MetricPosition.SIXTEENTH_TICKS);
        int slot = within / MetricPosition.SIXTEENTH_TICKS;
        double fraction = (within - slot * MetricPosition.SIXTEENTH_TICKS) / (double) MetricPosition.SIXTEENTH_TICKS;
        return offsets[slot] + fraction * (offsets[slot + 1] - offsets[slot]);
    }

    /** The largest advance (a negative offset) of any position, in sixteenths, as a positive number (0 if none). */
    double largestAdvance() {
        double most = 0;
        for (int slot = 1; slot < 4; slot++) most = Math.max(most, -offsets[slot]);
        return most;
    }

    /** The eighth-note swing ratio: the length of the on-beat eighth over the off-beat one (1 = straight, 2 = triplet). */
    double swingRatio() {
        return (2 + offsets[2]) / (2 - offsets[2]);
    }

    private void measure() {
        for (int i = 0; i < count; i++) {
            long nearest = Math.round(positions[i]);
            slots[i] = triplets[i] ? -1 : (int) Math.floorMod(nearest, 4L);
            deviations[i] = positions[i] - nearest;
        }
        // the grid's phase: the median deviation of the beat's onsets (0 until there are enough)
        int beats = 0;
        for (int i = 0; i < count; i++) {
            if (slots[i] == 0) scratch[beats++] = deviations[i];
        }
        double phase = beats < MIN_ONSETS ? 0 : sortedMedian(beats);
        for (int slot = 0; slot < 4; slot++) {
            int n = 0;
            int between = 0;
            for (int i = 0; i < count; i++) {
                if (slots[i] != slot) continue;
                if (Math.abs(deviations[i] - phase) > BETWEEN) between++;
                else scratch[n++] = deviations[i];
            }
            if (n < MIN_ONSETS || between > BETWEEN_SHARE * (n + between)) {
                median[slot] = Double.NaN;
                continue;
            }
            median[slot] = sortedMedian(n);
            double mean = 0;
            for (int i = 0; i < n; i++) mean += scratch[i];
            mean /= n;
            double squares = 0;
            for (int i = 0; i < n; i++) squares += (scratch[i] - mean) * (scratch[i] - mean);
            double spread = Math.max(MIN_SPREAD, Math.sqrt(squares / (n - 1)));
            standardError[slot] = 1.25 * spread / Math.sqrt(n); // the median's, for normal deviations
        }
        offsets[0] = 0;
        offsets[4] = 0;
        for (int slot = 1; slot < 4; slot++) {
            if (Double.isNaN(median[0]) || Double.isNaN(median[slot])) {
                offsets[slot] = 0;
                continue;
            }
            double raw = median[slot] - median[0];
            double error = Math.sqrt(standardError[slot] * standardError[slot] + standardError[0] * standardError[0]);
            double noise = Z * error;
            double shrunk = Math.abs(raw) <= noise ? 0 : raw * (1 - noise * noise / (raw * raw));
            offsets[slot] = Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, shrunk));
        }
    }

    /** The median of the first {@code n} values of {@link #scratch}, which it leaves sorted (in place: nothing allocated). */
    private double sortedMedian(int n) {
        Arrays.sort(scratch, 0, n);
        return (n & 1) == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }
}
