package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * Musical time on the injected clock: ticks of 1/24 quarter note at the tempo parameter, so that ns per tick is
 * {@code 60e9 / (bpm * 24)}. Tick 0 is the first instant the performer was told about ({@link #start}). A tempo change
 * re-anchors the mapping at the instant of the change, so time stays continuous.
 */
final class MusicalClock {

    private boolean started;
    private long anchorNanos;
    private double anchorTick;
    private double bpm;
    private double nanosPerTick;

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

    /** Changes the tempo from {@code nanos} on (nothing happens when it is unchanged). */
    void setTempo(long nanos, double newBpm) {
        if (newBpm == bpm) return;
        if (started) {
            anchorTick = exactTick(nanos);
            anchorNanos = nanos;
        }
        bpm = newBpm;
        nanosPerTick = nanosPerTick(newBpm);
    }

    double bpm() {
        return bpm;
    }

    /** The tick under way at {@code nanos}: the last tick whose {@link #nanosAt first nanosecond} is not after it. */
    long tickAt(long nanos) {
        long tick = (long) Math.floor(exactTick(nanos));
        // floating-point rounding can put the estimate one off near a boundary; nanosAt decides
        if (nanosAt(tick + 1) <= nanos) return tick + 1;
        if (nanosAt(tick) > nanos) return tick - 1;
        return tick;
    }

    /** The first nanosecond of {@code tick}. */
    long nanosAt(long tick) {
        return anchorNanos + (long) Math.ceil((tick - anchorTick) * nanosPerTick);
    }

    /** Whole ticks in a duration of {@code nanos} at the current tempo. */
    long ticksIn(long nanos) {
        return (long) Math.floor(nanos / nanosPerTick);
    }

    /** Ticks in {@code beats} quarter notes, rounded, at least 1. */
    static long ticksOfBeats(double beats) {
        return Math.max(1, Math.round(beats * Vocabulary.TICKS_PER_QUARTER));
    }

    /** Nanoseconds in one beat at the current tempo. */
    long nanosPerBeat() {
        return Math.round(nanosPerTick * Vocabulary.TICKS_PER_QUARTER);
    }

    private double exactTick(long nanos) {
        return anchorTick + (nanos - anchorNanos) / nanosPerTick;
    }
}
