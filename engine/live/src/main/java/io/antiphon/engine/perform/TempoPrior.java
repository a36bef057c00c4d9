package io.antiphon.engine.perform;

/**
 * The tempo the {@link BeatTracker} expects ({@code tempo_bpm}, or {@code --tempo}), the range of beats it takes around
 * it, and whether the tempo is locked to it ({@code tempo_lock}).
 */
final class TempoPrior {

    static final double RANGE_FACTOR = 2.5;

    private double period;
    private boolean locked;

    TempoPrior(double bpm) {
        setBpm(bpm);
    }

    void setBpm(double bpm) {
        period = 60e9 / bpm;
    }

    void setLocked(boolean locked) {
        this.locked = locked;
    }

    /** The prior's beat period, ns. */
    double period() {
        return period;
    }

    /** Whether the beat period stays the prior's and only the phase follows the player. */
    boolean locked() {
        return locked;
    }

    /** The longest beat the tracker takes: {@value #RANGE_FACTOR} times the prior's, within {@code tempo_bpm}'s range. */
    double slowestBeat() {
        return Math.min(60e9 / Parameter.TEMPO_BPM.min(), period * RANGE_FACTOR);
    }

    /** The shortest beat the tracker takes: the prior's over {@value #RANGE_FACTOR}, within {@code tempo_bpm}'s range. */
    double fastestBeat() {
        return Math.max(60e9 / Parameter.TEMPO_BPM.max(), period / RANGE_FACTOR);
    }

    /** {@code p} within the tracker's range ({@link #fastestBeat}, {@link #slowestBeat}); the prior's beat if the tempo is locked. */
    double clamp(double p) {
        if (locked) return period;
        return Math.max(fastestBeat(), Math.min(slowestBeat(), p));
    }
}
