package io.antiphon.midi.clock;

/** What a message (or the passing of time) did to a {@link MidiClockFollower}. */
public enum ClockEvent {
    /** Nothing the follower acts on: not a clock message, or one that changes nothing (e.g. Stop while stopped). */
    NONE,
    /** Start (0xFA): the transport runs from song position 0; the next tick is position 0. */
    START,
    /** Continue (0xFB): the transport runs on from the current song position; the next tick is that position. */
    CONTINUE,
    /** Stop (0xFC): the transport stopped; the song position stays where it was. */
    STOP,
    /** Song Position Pointer (0xF2): the next tick will be at the new position. */
    POSITION,
    /**
     * The first tick (0xF8) the transport plays after Start, Continue, a new position while running, or ticks that
     * had ceased: musical time is (re)anchored here.
     */
    FIRST_TICK,
    /** A further tick while the transport runs: the song position advanced by one. */
    TICK,
    /** A tick while the transport is stopped (many hosts send the clock all the time): only the tempo learns from it. */
    IDLE_TICK,
    /** The transport runs but its ticks ceased for longer than the stall limit (found by {@code advance}). */
    STALL
}
