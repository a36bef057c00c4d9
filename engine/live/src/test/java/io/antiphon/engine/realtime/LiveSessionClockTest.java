package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.TempoMap;
import org.junit.jupiter.api.Test;

/** MIDI clock through the whole shell: a host's clock into the input port's receiver, a master's clock out of the scheduler. */
class LiveSessionClockTest {

    private static final ShellOptions OPTIONS = ShellOptions.defaults().withShutdownHook(false);
    private static final long MS = 1_000_000L;

    @Test
    void aHostsClockOnTheInputPortSetsThePerformersTempoAndBars() throws Exception {
        ManualClock clock = new ManualClock();
        RecordingReceiver out = new RecordingReceiver(clock, 10_000);
        PerformerParameters parameters = TinyPerformers.parameters(); // 240 BPM: the host's 100 must win
        parameters.set(Parameter.CLOCK, ClockSource.FOLLOW.ordinal());
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(out, o -> new Performer(TinyPerformers.kernel(), parameters, 3L, o),
                OPTIONS.withClock(clock))) {
            clock.set(1_000 * MS);
            session.input().send(new ShortMessage(ShortMessage.START), -1);
            long tick = 25 * MS; // 100 BPM
            for (int i = 0; i < 4 * 24 + 24 + 3; i++) { // song positions 0..122: bar 2, beat 2
                clock.set(1_010 * MS + i * tick);
                session.input().send(new ShortMessage(ShortMessage.TIMING_CLOCK), -1);
            }
            Await.until("the performer heard every tick", 20, () -> session.readStatus(status) && status.clockTicks() == 123);

            assertThat(status.clock()).isEqualTo(ClockSource.FOLLOW);
            assertThat(status.clockRunning()).isTrue();
            assertThat(status.tempoBpm()).isCloseTo(100, within(1e-6));
            assertThat(status.bar()).isEqualTo(2);
            assertThat(status.beat()).isEqualTo(2);

            session.input().send(new ShortMessage(ShortMessage.STOP), -1);
            Await.until("the transport stopped", 20, () -> session.readStatus(status) && !status.clockRunning());
            assertThat(session.latency().inputToOutput().count()).as("clock ticks answer nothing").isZero();
        }
        assertThat(out.messages()).noneMatch(m -> m.status() >= 0xF0); // a follower sends no clock
    }

    @Test
    void aMastersClockAndClicksReachTheOutputAndClosingStopsItAndReleasesTheClick() throws Exception {
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, 100_000);
        PerformerParameters parameters = TinyPerformers.parameters(); // 240 BPM: 96 ticks a second
        parameters.set(Parameter.CLOCK, ClockSource.MASTER.ordinal());
        parameters.set(Parameter.METRONOME_CHANNEL, 10);
        try (LiveSession session = LiveSession.open(out, o -> new Performer(TinyPerformers.kernel(), parameters, 3L, o), OPTIONS)) {
            Await.until("a beat and a half of ticks", 20,
                    () -> out.messages().stream().filter(m -> m.status() == ShortMessage.TIMING_CLOCK).count() >= 36);
        }

        List<RecordedMessage> sent = out.messages();
        assertThat(sent.get(0).status()).isEqualTo(ShortMessage.START);
        assertThat(sent.get(sent.size() - 1).status()).as("Stop last, after the notes-off").isEqualTo(ShortMessage.STOP);
        assertThat(sent).filteredOn(m -> m.status() == ShortMessage.STOP).hasSize(1);
        assertThat(sent).filteredOn(m -> m.isNoteOn() && m.channel() == 9).hasSizeGreaterThanOrEqualTo(2);
        RecordedNotes notes = RecordedNotes.pair(sent, sent.get(0).nanos(), TempoMap.constant(480, 120), 1);
        assertThat(notes.hanging()).isZero();
    }
}
