package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * Makes a {@link MusicalClock}'s ticks the player's, for the {@code player} clock source of both performer cores
 * ({@link Performer}, {@link Harmonizer}): on a new beat numbering of the {@link BeatTracker} the clock's grid origin
 * moves so that the tracker's beat 0 is a grid beat, then the clock steers to reach the next beat (at least half a beat
 * ahead) at the tracker's time. A plain object; allocation-free.
 */
final class PlayerSteering {

    private final MusicalClock clock;
    private final BeatTracker beats;
    /** The tracker's beat numbering the grid origin was last set from. */
    private int anchoredEpoch = -1;

    PlayerSteering(MusicalClock clock, BeatTracker beats) {
        this.clock = clock;
        this.beats = beats;
    }

    /**
     * Steers the clock to the tracker's beat as of {@code now}.
     *
     * @return how far the grid origin moved, in ticks (0 if the beats were not renumbered)
     */
    long steer(long now) {
        clock.start(now);
        double position = beats.beatPosition(now);
        long moved = 0;
        if (beats.gridEpoch() != anchoredEpoch) {
            anchoredEpoch = beats.gridEpoch();
            long before = clock.gridOrigin();
            clock.setGridOrigin(Math.round(clock.exactTickAt(now) - position * Vocabulary.TICKS_PER_QUARTER));
            moved = clock.gridOrigin() - before;
        }
        long next = (long) Math.floor(position + 0.5) + 1;
        clock.steer(now, clock.gridOrigin() + next * Vocabulary.TICKS_PER_QUARTER, beats.beatTime(next),
                beats.beatNanos() / (double) Vocabulary.TICKS_PER_QUARTER);
        return moved;
    }
}
