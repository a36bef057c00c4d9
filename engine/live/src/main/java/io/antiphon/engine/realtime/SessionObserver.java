package io.antiphon.engine.realtime;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * What the real-time shell tells an observer (the live page) as it plays: every call comes from the performer thread
 * (or the thread stepping a {@link SteppedShell}), so an implementation must return at once and allocate nothing: copy
 * into a preallocated ring and let another thread do the rest, dropping (and counting) what does not fit. An observer
 * that throws is not the shell's problem: the performer loop fails and silences the output, so do not throw.
 */
public interface SessionObserver {

    /** Observes nothing. */
    SessionObserver NONE = new SessionObserver() {
    };

    /** A human channel message the performer handled, stamped when it reached the shell (system messages are left out). */
    default void input(long nanos, int status, int data1, int data2) {
    }

    /**
     * A machine note-on ({@code velocity} 1..127) or note-off (0) on {@code channel} 0..15, stamped when it is due at
     * the output: a time ahead of the performer's now is a note sampled ahead and not yet played.
     */
    default void machineNote(long nanos, int channel, int key, int velocity) {
    }

    /**
     * A machine note-on (1..127) or release (0) sampled ahead, due at {@code nanos}: the plan ({@code plan_beats}). It
     * is reported again as a {@link #machineNote} with the same time when it goes out, unless it is dropped first.
     */
    default void machinePlanned(long nanos, int channel, int key, int velocity) {
    }

    /** A planned note-on due at {@code nanos} was dropped before it went out (with its release): a barge-in, a stop. */
    default void machinePlanDropped(long nanos, int channel, int key) {
    }

    /** A parameter changed on the performer: by a controller, a preset, or {@link LiveSession#setParameters}. */
    default void parameterChanged(Parameter parameter, double value) {
    }

    /**
     * The performer's status after each round of the performer loop (about every millisecond): copy what is wanted,
     * as often as wanted; {@code status} is reused.
     */
    default void status(long nanos, PerformerStatus status) {
    }
}
