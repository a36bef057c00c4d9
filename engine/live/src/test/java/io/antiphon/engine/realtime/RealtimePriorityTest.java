package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import org.junit.jupiter.api.Test;

/**
 * Real-time priority is asked for and reported, never fatal. Whether this machine grants it depends on who runs the
 * tests (root in the VM is granted SCHED_FIFO; a user without an rtprio limit is refused), so the refusal is also
 * provoked deterministically: an invalid priority, which Linux refuses to anyone.
 */
class RealtimePriorityTest {

    @Test
    void aRefusalIsAnAnswerWithTheWayToGrantItNotAnException() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "the Linux path");
        PriorityGrant[] grant = new PriorityGrant[1];
        Thread thread = new Thread(() -> grant[0] = RealtimePriority.linux(100));   // SCHED_FIFO is 1..99
        thread.start();
        join(thread);

        assertThat(grant[0].granted()).isFalse();
        assertThat(grant[0].what()).startsWith("SCHED_FIFO refused");
        assertThat(grant[0].howTo()).contains("rtprio");
        assertThat(grant[0].sentence()).startsWith("real-time priority not granted (SCHED_FIFO refused");
    }

    @Test
    void aSessionTellsWhatWasGrantedAndPlaysEitherWay() throws Exception {
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, 10_000);
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer, ShellOptions.defaults().withShutdownHook(false))) {
            PriorityGrant grant = session.priority();
            assertThat(grant).isNotEqualTo(PriorityGrant.PENDING);
            assertThat(grant.sentence()).startsWith("real-time priority ");
            if (!grant.granted()) assertThat(grant.what()).isNotBlank();

            LiveSessionTest.playCall(session, 60);
            session.control(ShortMessage.CONTROL_CHANGE, 80, 127);
            Await.until("an answer, whatever the priority", 20, () -> session.readStatus(status) && status.answers() >= 1
                    && status.phase() == PerformerPhase.LISTENING && status.machineNotesSounding() == 0);
            assertThat(session.failure()).isEmpty();
        }
        assertThat(out.size()).isPositive();
    }

    @Test
    void aSessionThatDoesNotAskSaysSo() {
        try (LiveSession session = LiveSession.open(new RecordingReceiver(NanoClock.SYSTEM, 100), TinyPerformers::performer,
                ShellOptions.defaults().withShutdownHook(false).withRealtimePriority(false))) {
            assertThat(session.priority().granted()).isFalse();
            assertThat(session.priority().sentence()).isEqualTo("real-time priority not asked for");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
