package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/** Fills the clock part of a {@link PerformerStatus}, the same for every {@link PerformerCore}. Allocation-free. */
final class ClockStatus {

    private ClockStatus() {
    }

    static void fill(PerformerStatus into, ClockSource source, FollowedClock followed, MusicalClock clock, long now,
                     int beatsPerBar) {
        into.tempoBpm = clock.bpm();
        into.clock = source;
        // the internal clock and the master's run from the performer's start; a followed one while the host's transport runs
        into.clockRunning = source != ClockSource.FOLLOW || followed.running();
        long position = clock.started() ? clock.gridPosition(clock.tickAt(now)) : 0;
        long beat = Math.floorDiv(position, Vocabulary.TICKS_PER_QUARTER);
        into.bar = Math.floorDiv(beat, beatsPerBar) + 1;
        into.beat = (int) Math.floorMod(beat, beatsPerBar) + 1;
        into.clockTicks = followed.follower().ticks();
        into.clockStalls = followed.follower().stalls();
        into.clockRejectedTempos = followed.follower().rejectedTempos();
    }
}
