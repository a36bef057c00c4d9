package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClockSwitchTest {

    private static final long MS = 1_000_000L;
    private static final int STOP = 0xFC;

    private final PerformerParameters parameters = new PerformerParameters();
    private final MusicalClock clock = new MusicalClock(parameters.tempoBpm());
    private final RecordingMidiOut out = new RecordingMidiOut(256, true);
    private final OrderedOut ordered = new OrderedOut(out);
    private final FollowedClock followed = new FollowedClock(clock);
    private final ClockSender sender = new ClockSender(clock, ordered, new SoundingNotes(ordered));
    private final BeatTracker beats = new BeatTracker(parameters.tempoBpm());
    private int steers;
    private final ClockSwitch clocks = new ClockSwitch(parameters, clock, followed, sender, beats, () -> steers++);

    private void set(Parameter parameter, double value) {
        parameters.set(parameter, value);
    }

    /** A steady player's quarters at 100 BPM from {@code fromMs}, until the tracker has found the beat. */
    private long playUntilTheBeatIsFound(long fromMs) {
        long t = fromMs * MS;
        for (int i = 0; i < 32 && !beats.locked(); i++, t += 600 * MS) beats.onset(t, BeatTrackerTest.EVEN);
        assertThat(beats.locked()).as("the beat found from steady quarters").isTrue();
        return t;
    }

    @Test
    void onTheInternalClockANewTempoRetimesTheClockAndIsThePlayersPriorToo() {
        clock.start(0);
        set(Parameter.TEMPO_BPM, 90);

        assertThat(clocks.apply(10 * MS)).isFalse();

        assertThat(clock.bpm()).isCloseTo(90, within(1e-9));
        assertThat(beats.bpm()).as("the prior, before any onset").isCloseTo(90, within(1e-9));
        assertThat(steers).isZero();
    }

    @Test
    void asMasterTheClockMessagesRunAndLeavingMasterSendsStop() {
        clock.start(0);
        set(Parameter.CLOCK, ClockSource.MASTER.ordinal());
        assertThat(clocks.apply(10 * MS)).isTrue();
        assertThat(sender.running()).isTrue();
        while (clock.nanosAt(sender.nextTick()) <= 200 * MS) sender.sendNext(parameters.metronomeChannel(), parameters.beatsPerBar());

        set(Parameter.CLOCK, ClockSource.INTERNAL.ordinal());
        assertThat(clocks.apply(210 * MS)).isTrue();

        assertThat(sender.running()).isFalse();
        assertThat(out.status(out.size() - 1)).as("the last message sent").isEqualTo(STOP);
        assertThat(clocks.apply(220 * MS)).as("nothing changed since").isFalse();
    }

    @Test
    void onThePlayerClockANewTempoSteersOnceTheBeatIsFoundAndOnlyMovesThePriorBefore() {
        clock.start(0);
        set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        assertThat(clocks.apply(0)).isTrue();
        assertThat(clocks.player()).isTrue();
        assertThat(steers).as("no beat to steer to yet").isZero();

        long t = playUntilTheBeatIsFound(100);
        set(Parameter.TEMPO_BPM, 140);
        clocks.apply(t);

        assertThat(steers).isEqualTo(1);
        assertThat(clock.bpm()).as("the clock keeps the player's tempo, not tempo_bpm").isNotCloseTo(140, within(5.0));
    }

    @Test
    void leavingThePlayerClockGoesBackToTempoBpm() {
        clock.start(0);
        set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        clocks.apply(0);
        long t = playUntilTheBeatIsFound(100);
        clock.setTempo(t, beats.bpm());

        set(Parameter.CLOCK, ClockSource.INTERNAL.ordinal());
        assertThat(clocks.apply(t + MS)).isTrue();

        assertThat(clocks.source()).isEqualTo(ClockSource.INTERNAL);
        assertThat(clock.bpm()).isCloseTo(parameters.tempoBpm(), within(1e-9));
    }

    @Test
    void switchingToThePlayerClockWithTheBeatFoundSteersAtOnce() {
        clock.start(0);
        long t = playUntilTheBeatIsFound(100);
        set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());

        assertThat(clocks.apply(t)).isTrue();

        assertThat(steers).isEqualTo(1);
    }

    @Test
    void tempoLockFollowsTheParameter() {
        set(Parameter.TEMPO_LOCK, 1);
        clocks.apply(0);
        beats.onset(0, BeatTrackerTest.EVEN);
        beats.onset(300 * MS, BeatTrackerTest.EVEN);
        beats.onset(600 * MS, BeatTrackerTest.EVEN);
        beats.onset(900 * MS, BeatTrackerTest.EVEN);
        beats.onset(1_200 * MS, BeatTrackerTest.EVEN);

        assertThat(beats.bpm()).as("locked to the prior").isCloseTo(parameters.tempoBpm(), within(1e-9));
    }
}
