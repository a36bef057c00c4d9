package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * Where a performer core's {@link MusicalClock} takes its time from, as the {@code clock}, {@code tempo_bpm} and
 * {@code tempo_lock} parameters say ({@link ClockSource}): the same for both cores ({@link Performer},
 * {@link Harmonizer}). On the internal clock and as master the clock runs at {@code tempo_bpm}; following, a host's
 * MIDI clock moves it ({@link FollowedClock}); on the player clock {@code tempo_bpm} is the {@link BeatTracker}'s prior
 * and, once the beat is found, the core steers the clock to the player (its {@code steerToPlayer}). A plain object on
 * the performer thread; allocation-free.
 */
final class ClockSwitch {

    private final PerformerParameters parameters;
    private final MusicalClock clock;
    private final FollowedClock followed;
    private final ClockSender sender;
    private final BeatTracker beats;
    private final Runnable steerToPlayer;
    private ClockSource source = ClockSource.INTERNAL;
    private double tempoParameter;

    /**
     * @param steerToPlayer the core's steering of its clock (and grid) to the player's tempo and beat
     */
    ClockSwitch(PerformerParameters parameters, MusicalClock clock, FollowedClock followed, ClockSender sender,
                BeatTracker beats, Runnable steerToPlayer) {
        this.parameters = parameters;
        this.clock = clock;
        this.followed = followed;
        this.sender = sender;
        this.beats = beats;
        this.steerToPlayer = steerToPlayer;
        this.tempoParameter = parameters.tempoBpm();
        beats.setTempoLocked(parameters.tempoLock());
        beats.setBeatsPerBar(parameters.beatsPerBar());
    }

    /** The clock source in use. */
    ClockSource source() {
        return source;
    }

    /** Whether the clock is the player's ({@link ClockSource#PLAYER}). */
    boolean player() {
        return source == ClockSource.PLAYER;
    }

    /** Whether a host's MIDI clock is followed ({@link ClockSource#FOLLOW}). */
    boolean following() {
        return source == ClockSource.FOLLOW;
    }

    /**
     * Applies the parameters as of {@code now}: tempo lock; a new {@code tempo_bpm} (the player clock's prior, and the
     * clock's tempo unless a host's clock is followed); a new clock source (the one left stops: the master's clock
     * messages end, a followed clock is let go, the player's tempo gives way to {@code tempo_bpm}); as master, the clock
     * messages run.
     *
     * @return whether the clock source changed (the core's grid is no longer the one its notes were placed on)
     */
    boolean apply(long now) {
        beats.setTempoLocked(parameters.tempoLock());
        beats.setBeatsPerBar(parameters.beatsPerBar());
        if (parameters.tempoBpm() != tempoParameter) {
            tempoParameter = parameters.tempoBpm();
            beats.setPrior(tempoParameter);
            if (source == ClockSource.PLAYER && beats.locked()) steerToPlayer.run();
            else if (!clock.following()) clock.setTempo(now, tempoParameter);
        }
        ClockSource wanted = parameters.clock();
        boolean changed = wanted != source;
        if (changed) {
            if (source == ClockSource.MASTER) sender.stop(now);
            if (source == ClockSource.FOLLOW) followed.stopFollowing(now);
            if (source == ClockSource.PLAYER) clock.setTempo(now, tempoParameter);
            source = wanted;
            if (source == ClockSource.PLAYER && beats.locked()) steerToPlayer.run();
        }
        if (source == ClockSource.MASTER) sender.start(now);
        return changed;
    }

    /**
     * Fills the clock part of {@code into}, the same for both cores: tempo, source, bar and beat, and the followed clock's
     * counts. The internal clock and the master's run from the core's start, a followed one while the host's transport
     * runs, the player's once the beat is found. Allocation-free.
     */
    void fill(PerformerStatus into, long now) {
        into.tempoBpm = clock.bpm();
        into.clock = source;
        into.clockRunning = source == ClockSource.PLAYER ? beats.locked() : source != ClockSource.FOLLOW || followed.running();
        long position = clock.started() ? clock.gridPosition(clock.tickAt(now)) : 0;
        long beat = Math.floorDiv(position, Vocabulary.TICKS_PER_QUARTER);
        int beatsPerBar = parameters.beatsPerBar();
        into.bar = Math.floorDiv(beat, beatsPerBar) + 1;
        into.beat = (int) Math.floorMod(beat, beatsPerBar) + 1;
        into.clockTicks = followed.follower().ticks();
        into.clockStalls = followed.follower().stalls();
        into.clockRejectedTempos = followed.follower().rejectedTempos();
    }
}
