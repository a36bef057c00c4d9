package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * Musical time on the injected clock: ticks of 1/24 quarter note at the tempo parameter, so that ns per tick is
 * {@code 60e9 / (bpm * 24)}. Tick 0 is the first instant the performer was told about ({@link #start}). A tempo change
 * re-anchors the mapping at the instant of the change, so time stays continuous.
 *
 * <p><b>Following an external clock</b> ({@link #follow}): each tick received re-anchors the mapping at its arrival,
 * and the fitted tempo interpolates to the next one. The received tick is authoritative: the tick under way
 * ({@link #tickAt}) never runs more than one tick past the latest received (a late tick is extrapolated into, never
 * beyond), and never goes back. {@link #unfollow} lets time run on freely at the last tempo.
 *
 * <p><b>Steering to the player</b> ({@link #steer}, the {@code player} clock source): time stays continuous at the
 * instant of the call and runs at whatever pace reaches a given tick (the player's next beat) at its predicted time,
 * then on at the player's tempo. So the player's tracked beats become the ticks' beats without a jump.
 *
 * <p><b>The grid</b>: beats and bars count from the grid origin (tick 0 unless a followed or sent clock's song
 * position 0 says otherwise, {@link #setGridOrigin}); {@link #nextOnGrid} finds the next beat or bar line.
 */
final class MusicalClock {

    private boolean started;
    private long anchorNanos;
    private double anchorTick;
    private double bpm;
    private double nanosPerTick;
    private boolean following;
    private long followedTick;
    private long gridOrigin;
    /** Steering: until {@link #bendNanos} the anchor's pace applies, from there {@link #afterNanosPerTick} from {@link #bendTick}. */
    private boolean bending;
    private long bendNanos;
    private double bendTick;
    private double afterNanosPerTick;

    MusicalClock(double bpm) {
        this.bpm = bpm;
        this.nanosPerTick = nanosPerTick(bpm);
    }

    static double nanosPerTick(double bpm) {
        return 60e9 / (bpm * Vocabulary.TICKS_PER_QUARTER);
    }

    /** Makes {@code nanos} tick 0, unless the clock has started already. */
    void start(long nanos) {
        if (started) return;
        started = true;
        anchorNanos = nanos;
        anchorTick = 0;
    }

    boolean started() {
        return started;
    }

    /** Changes the tempo from {@code nanos} on (nothing happens when it is unchanged); stops following. */
    void setTempo(long nanos, double newBpm) {
        unfollow(nanos);
        endBend(nanos);
        if (newBpm == bpm) return;
        if (started) {
            anchorTick = exactTick(nanos);
            anchorNanos = nanos;
        }
        bpm = newBpm;
        nanosPerTick = nanosPerTick(newBpm);
    }

    /**
     * Follows an external clock: {@code tick} was received at {@code nanos} (or, when time had run past it already,
     * the tick under way is kept), and ticks last {@code tickNanos} from there. Starts the clock if needed.
     */
    void follow(long nanos, long tick, double tickNanos) {
        start(nanos);
        endBend(nanos);
        double at = Math.max(tick, Math.floor(exactTick(nanos)));
        anchorNanos = nanos;
        anchorTick = at;
        following = true;
        followedTick = (long) at;
        nanosPerTick = tickNanos;
        bpm = 60e9 / (tickNanos * Vocabulary.TICKS_PER_QUARTER);
    }

    /** Stops following: from {@code nanos}, time runs on at the last tempo (continuous, never back). */
    void unfollow(long nanos) {
        if (!following) return;
        anchorTick = exactTick(nanos);
        anchorNanos = nanos;
        following = false;
    }

    /**
     * Steers time toward the player's beat: from {@code nanos} (where time stays as it is) the ticks run at the pace
     * that reaches {@code targetTick} at {@code targetNanos} (at most 30% off {@code tickNanos}), and from there on at
     * {@code tickNanos}. Starts the clock if needed; stops following.
     */
    void steer(long nanos, double targetTick, long targetNanos, double tickNanos) {
        start(nanos);
        unfollow(nanos);
        double current = exactTick(nanos);
        anchorNanos = nanos;
        anchorTick = current;
        double span = targetTick - current;
        double pace = span > 0 && targetNanos > nanos ? (targetNanos - nanos) / span : tickNanos;
        pace = Math.max(tickNanos * 0.7, Math.min(tickNanos * 1.3, pace));
        nanosPerTick = pace;
        bending = targetNanos > nanos;
        bendNanos = targetNanos;
        bendTick = current + (targetNanos - nanos) / pace;
        afterNanosPerTick = tickNanos;
        if (!bending) nanosPerTick = tickNanos;
        bpm = 60e9 / (tickNanos * Vocabulary.TICKS_PER_QUARTER);
    }

    /** Makes the pace after a steer's bend the clock's only pace, if the bend has passed by {@code nanos}. */
    private void endBend(long nanos) {
        if (!bending) return;
        anchorTick = exactTick(nanos);
        anchorNanos = nanos;
        nanosPerTick = afterNanosPerTick;
        bending = false;
    }

    /** Whether the clock follows an external one (see {@link #follow}). */
    boolean following() {
        return following;
    }

    /**
     * The first tick that has not begun before {@code nanos}: {@link #tickAt} itself if it begins exactly then, else
     * the next one. A part that starts there starts on time.
     */
    long nextTickFrom(long nanos) {
        long tick = tickAt(nanos);
        return nanosAt(tick) >= nanos ? tick : tick + 1;
    }

    /** Makes {@code tick} a downbeat: beats and bars count from there. */
    void setGridOrigin(long tick) {
        gridOrigin = tick;
    }

    /** The first tick at or after {@code tick} that is a whole number of {@code unitTicks} from the grid origin. */
    long nextOnGrid(long tick, long unitTicks) {
        return tick + Math.floorMod(gridOrigin - tick, unitTicks);
    }

    long gridOrigin() {
        return gridOrigin;
    }

    /** The exact (fractional) tick at {@code nanos}. */
    double exactTickAt(long nanos) {
        return exactTick(nanos);
    }

    /** Ticks from the grid origin to {@code tick} (negative before it). */
    long gridPosition(long tick) {
        return tick - gridOrigin;
    }

    double bpm() {
        return bpm;
    }

    /** The tick under way at {@code nanos}: the last tick whose {@link #nanosAt first nanosecond} is not after it. */
    long tickAt(long nanos) {
        long tick = (long) Math.floor(exactTick(nanos));
        // floating-point rounding can put the estimate one off near a boundary; nanosAt decides
        if (nanosAt(tick + 1) <= nanos) tick++;
        else if (nanosAt(tick) > nanos) tick--;
        return following ? Math.min(tick, followedTick + 1) : tick;
    }

    /** The first nanosecond of {@code tick}. */
    long nanosAt(long tick) {
        if (bending && tick >= bendTick) return bendNanos + (long) Math.ceil((tick - bendTick) * afterNanosPerTick);
        return anchorNanos + (long) Math.ceil((tick - anchorTick) * nanosPerTick);
    }

    /** Whole ticks in a duration of {@code nanos} at the current tempo. */
    long ticksIn(long nanos) {
        return (long) Math.floor(nanos / nanosPerTick());
    }

    /** Ticks in {@code beats} quarter notes, rounded, at least 1. */
    static long ticksOfBeats(double beats) {
        return Math.max(1, Math.round(beats * Vocabulary.TICKS_PER_QUARTER));
    }

    /** Nanoseconds in one tick at the current tempo. */
    double nanosPerTick() {
        return bending ? afterNanosPerTick : nanosPerTick;
    }

    /** Nanoseconds in one beat at the current tempo. */
    long nanosPerBeat() {
        return Math.round(nanosPerTick() * Vocabulary.TICKS_PER_QUARTER);
    }

    private double exactTick(long nanos) {
        if (bending && nanos >= bendNanos) return bendTick + (nanos - bendNanos) / afterNanosPerTick;
        double exact = anchorTick + (nanos - anchorNanos) / nanosPerTick;
        return following ? Math.min(exact, followedTick + 1) : exact;
    }
}
