package io.antiphon.engine.perform;

import io.antiphon.midi.clock.ClockEvent;
import io.antiphon.midi.clock.MidiClockFollower;

/**
 * The performer's side of an external MIDI clock: feeds every system message to a {@link MidiClockFollower} and, when
 * following, makes its ticks the {@link MusicalClock}'s: the song position plus an offset is the performer's tick
 * (chosen on each first tick after Start, Continue, a relocation or a stall, so that time only moves forward), and song
 * position 0 is the grid's origin, so bars and beats are the host's. When the transport stops or its ticks cease, time
 * runs on freely at the last tempo; ticks received while the transport is stopped set that tempo. Allocation-free.
 */
final class FollowedClock {

    private final MidiClockFollower follower = new MidiClockFollower();
    private final MusicalClock clock;
    /** The performer's tick minus the song position. */
    private long offset;
    /** Whether {@link #offset} holds for the ticks now arriving (false until a tick is followed after not following). */
    private boolean anchored;

    FollowedClock(MusicalClock clock) {
        this.clock = clock;
    }

    /**
     * A system message at {@code nanos}; with {@code following}, the musical clock follows it.
     *
     * @return whether the followed transport has just stopped: the machine must fall silent
     */
    boolean onMessage(long nanos, int status, int data1, int data2, boolean following) {
        ClockEvent event = follower.onMessage(nanos, status, data1, data2);
        if (!following) {
            anchored = false; // following may start mid-song: its first tick then anchors
            return false;
        }
        // if-else rather than an enum switch: no synthetic class to initialise (and allocate) on the first message
        if (event == ClockEvent.FIRST_TICK || event == ClockEvent.TICK && !anchored) {
            anchored = true;
            long tick = clock.nextTickFrom(nanos);
            offset = tick - follower.position();
            clock.setGridOrigin(offset);
            clock.follow(nanos, tick, tickNanos());
        } else if (event == ClockEvent.TICK) {
            clock.follow(nanos, follower.position() + offset, tickNanos());
        } else if (event == ClockEvent.IDLE_TICK) {
            if (follower.hasTempo()) clock.setTempo(nanos, follower.bpm());
        } else if (event == ClockEvent.STOP) {
            clock.unfollow(nanos);
            return true;
        }
        // Start, Continue and a new position take effect on the next tick
        return false;
    }

    /**
     * Time passes to {@code nanos}; with {@code following}, ticks that ceased while the transport runs stop the
     * following.
     *
     * @return whether the ticks have just been found to have ceased: the machine must fall silent
     */
    boolean advance(long nanos, boolean following) {
        if (follower.advance(nanos) != ClockEvent.STALL || !following) return false;
        clock.unfollow(nanos);
        return true;
    }

    /** The performer stops following (another clock source): time runs on from {@code nanos}; a later follow re-anchors. */
    void stopFollowing(long nanos) {
        clock.unfollow(nanos);
        anchored = false;
    }

    private double tickNanos() {
        return follower.hasTempo() ? follower.nanosPerTick() : clock.nanosPerTick();
    }

    /** Whether the followed transport runs and its ticks arrive. */
    boolean running() {
        return follower.running() && !follower.stalled();
    }

    MidiClockFollower follower() {
        return follower;
    }
}
