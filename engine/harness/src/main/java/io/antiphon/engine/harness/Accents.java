package io.antiphon.engine.harness;

/** Where a simulated player plays louder on the beat ({@link HumanPerformance}), over the velocity contour. */
public enum Accents {
    /** None: the contour alone (the check performs its calls so, with a crescendo). */
    NONE,
    /** {@value #DOWNBEAT} louder on each downbeat of a 4/4 bar (every fourth beat from beat 0). */
    DOWNBEATS,
    /** {@value #DOWNBEAT} louder on each downbeat and {@value #BEAT} on the other beats: a player who leans on the beat. */
    BEATS;

    static final int DOWNBEAT = 8;
    static final int BEAT = 5;

    /** How much louder a note at {@code beat} (in quarters from beat 0) is played. */
    int at(double beat) {
        boolean onTheBeat = Math.abs(beat - Math.rint(beat)) < 1e-6;
        boolean downbeat = Math.abs(beat / 4 - Math.rint(beat / 4)) < 1e-6;
        return switch (this) {
            case NONE -> 0;
            case DOWNBEATS -> downbeat ? DOWNBEAT : 0;
            case BEATS -> downbeat ? DOWNBEAT : onTheBeat ? BEAT : 0;
        };
    }
}
