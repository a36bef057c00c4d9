package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * Where an onset falls in the bar, as a player's accents distinguish it: on a bar line, on another beat, on the
 * eighth-note off-beat, on a sixteenth between, or off the sixteenth grid (a triplet, an ornament, or a grid that is not
 * the player's). Positions are in ticks (1/24 beat) from the grid origin, fractional for a human onset; an onset within
 * {@value #TOLERANCE_TICKS} ticks (a quarter of a sixteenth) of a sixteenth counts as on it.
 */
final class MetricPosition {

    static final int BAR = 0;
    static final int BEAT = 1;
    static final int EIGHTH = 2;
    static final int SIXTEENTH = 3;
    static final int OFF_GRID = 4;
    /** The number of classes. */
    static final int COUNT = 5;

    /** Ticks in a sixteenth note. */
    static final int SIXTEENTH_TICKS = Vocabulary.TICKS_PER_QUARTER / 4;
    static final double TOLERANCE_TICKS = SIXTEENTH_TICKS / 4.0;

    private MetricPosition() {
    }

    /** The class of an onset at {@code gridTicks} from the grid origin, in bars of {@code beatsPerBar} beats. */
    static int of(double gridTicks, int beatsPerBar) {
        double sixteenths = gridTicks / SIXTEENTH_TICKS;
        long nearest = Math.round(sixteenths);
        if (Math.abs(sixteenths - nearest) * SIXTEENTH_TICKS > TOLERANCE_TICKS) return OFF_GRID;
        int slot = (int) Math.floorMod(nearest, 4L);
        if (slot == 2) return EIGHTH;
        if (slot != 0) return SIXTEENTH;
        return Math.floorMod(nearest, 4L * beatsPerBar) == 0 ? BAR : BEAT;
    }
}
