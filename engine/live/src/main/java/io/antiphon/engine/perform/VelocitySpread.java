package io.antiphon.engine.perform;

/**
 * Keeps an answer from being played at one level: the spread (population standard deviation) of the velocities of a
 * bounded part's notes so far is held at {@value #LEAST_SD} or more from its second note on. A note that would leave
 * the part more even than that is moved away from the part's mean, in the direction its shaping already took it (or,
 * level with the mean, up), by the least amount that restores the spread, and at most {@value #MOST_MOVE}.
 *
 * <p>The dynamics of {@link PlayerDynamics} (level, accents, contour, phrase arch, register) and the humanisation
 * already spread most answers by 5 to 7; but an answer of a few notes, a chord or two held long, or notes that all fall
 * on one kind of beat, can come out within a step or two of each other by chance (about one answer in a hundred
 * in the {@code groove} sets of docs/timing-history.md), and then it sounds like a machine: a player's notes differ by a few
 * steps at least. A one-note answer has no spread to keep. Allocation-free; owned by the performer thread.
 */
final class VelocitySpread {

    /**
     * The least spread of a part's velocities, from its second note: half a step over 3, the least spread a player's
     * answer should have. A spread held at exactly 3 is 3 only in exact arithmetic; the same velocities' standard
     * deviation computed another way (floating point, another order of summation) can come out a hair under it.
     */
    static final double LEAST_SD = 3.5;
    /** The most a note is moved to keep the spread. */
    static final double MOST_MOVE = 9;

    private int count;
    private double sum;
    private double squares;

    /** A new part begins: nothing played yet. */
    void reset() {
        count = 0;
        sum = 0;
        squares = 0;
    }

    /**
     * The velocity to play for a note shaped to {@code shaped} (1..127): {@code shaped} itself when the part keeps its
     * spread with it, else the nearest velocity away from the part's mean that does (within {@value #MOST_MOVE} and
     * 1..127). The note is counted as played.
     */
    int keep(int shaped) {
        int played = shaped;
        if (count > 0) {
            double mean = sum / count;
            double variance = Math.max(0, squares / count - mean * mean);
            // with one more note at distance d from the mean, the variance is (n var + n d^2 / (n + 1)) / (n + 1)
            double need = ((count + 1) * LEAST_SD * LEAST_SD - count * variance) * (count + 1) / count;
            double distance = shaped - mean;
            if (need > 0 && distance * distance < need) {
                double reach = Math.sqrt(need);
                double up = mean + reach;
                double down = mean - reach;
                double target = distance < 0 ? (down >= 1 ? down : up) : (up <= 127 ? up : down);
                double moved = Math.max(shaped - MOST_MOVE, Math.min(shaped + MOST_MOVE, target));
                played = (int) Math.max(1, Math.min(127, target > mean ? Math.ceil(moved) : Math.floor(moved)));
            }
        }
        count++;
        sum += played;
        squares += (double) played * played;
        return played;
    }
}
