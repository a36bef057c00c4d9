package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.midi.ShortMessage;
import javax.sound.midi.VoiceStatus;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import com.sun.media.sound.AudioSynthesizer;
import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.SupervisedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scheduler, and a whole session, sending to the JDK's Gervill synthesizer through a {@link SupervisedOutput}: the
 * synthesizer goes away mid-answer and comes back.
 */
class LostOutputPortTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int ANSWER_NOW_CC = 80;
    private static final AudioFormat FORMAT = new AudioFormat(44_100, 16, 2, true, false);

    private final ManualClock clock = new ManualClock();
    private final AtomicReference<List<MidiPorts.Port>> plugged = new AtomicReference<>(List.of());
    private AudioSynthesizer gervill;
    private MidiPorts.Port gervillPort;
    private PortWatcher watcher;
    private SupervisedOutput out;
    private OutputScheduler scheduler;

    @BeforeEach
    void openGervill() throws Exception {
        gervillPort = MidiPorts.ports().stream().filter(p -> p.device() instanceof AudioSynthesizer).findFirst().orElseThrow();
        gervill = (AudioSynthesizer) gervillPort.device();
        gervill.openStream(FORMAT, null);
        plugged.set(List.of(gervillPort));
        watcher = new PortWatcher(plugged::get, Duration.ofHours(1), PortWatcher.Events.NONE);
        out = watcher.openOutput("Gervill");
        scheduler = new OutputScheduler(out, clock, new LatencyMeters(), 1024, 0);
    }

    @AfterEach
    void close() {
        watcher.close();
        gervill.close();
    }

    @Test
    void theSchedulerGoesOnWhenTheOutputVanishesAndPlaysAgainWhenItReturns() throws Exception {
        publish(0, 0x90, 60, 100);
        pumpAt(0);
        assertThat(scheduler.soundingNotes()).isEqualTo(1);

        gervill.close();                          // gone mid-answer
        plugged.set(List.of());
        publish(1 * MS, 0x90, 64, 100);
        publish(2 * MS, 0x80, 60, 0);
        pumpAt(1 * MS);
        pumpAt(2 * MS);
        watcher.checkNow();

        assertThat(scheduler.soundingNotes()).as("nothing counts as sounding on a lost port").isZero();
        assertThat(out.connected()).isFalse();

        AudioInputStream stream = gervill.openStream(FORMAT, null);   // back
        plugged.set(List.of(gervillPort));
        watcher.checkNow();
        publish(3 * MS, 0x90, 67, 100);
        pumpAt(3 * MS);
        stream.read(new byte[4_410 * 4]);
        assertThat(activeNotes()).containsOnly(67);
        publish(4 * MS, 0x80, 67, 0);
        pumpAt(4 * MS);

        assertThat(scheduler.soundingNotes()).isZero();
        assertThat(scheduler.sendErrors()).isPositive();
        assertThat(out.losses()).isEqualTo(1);
        assertThat(out.reconnects()).isEqualTo(1);
    }

    @Tag("timing")

    @Test
    void sendingToALostPortAllocatesNothing() throws Exception {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        gervill.close();
        publish(0, 0x90, 60, 100);
        pumpAt(0);                                // the JDK's own exception: the port is marked lost
        assertThat(out.connected()).isFalse();
        long[] time = {0};

        double bytes = new AllocationMeter().bytesPerCall(i -> {
            long t = time[0] += MS;
            clock.set(t);
            scheduler.submit(t, 0x90, 40 + i % 40, 100, t - 1000);
            scheduler.submit(t, 0x80, 40 + i % 40, 0, -1);
        }, 20_000, 10_000);

        assertThat(bytes).isLessThan(1.0);
        assertThat(out.refused()).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void theSessionKeepsListeningWhileItsOutputIsGoneAndAnswersThroughItWhenItReturns() throws Exception {
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer, ShellOptions.defaults().withShutdownHook(false))) {
            LiveSessionTest.playCall(session, 60);
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            Await.until("the first answer to reach Gervill and end", 20, () -> session.counters().sent() > 0
                    && answered(session, status, 1));

            gervill.close();                      // the synthesizer goes away
            plugged.set(List.of());
            LiveSessionTest.playCall(session, 62);
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            Await.until("an answer into the lost port", 20, () -> answered(session, status, 2)
                    && session.counters().sendErrors() > 0);
            assertThat(session.isRunning()).isTrue();
            assertThat(session.failure()).isEmpty();
            watcher.checkNow();                   // the watcher closes what failed while the synthesizer is away

            gervill.openStream(FORMAT, null);     // it returns
            plugged.set(List.of(gervillPort));
            watcher.checkNow();
            long sentBefore = session.counters().sent();
            LiveSessionTest.playCall(session, 64);
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            Await.until("the third answer to reach Gervill", 20, () -> answered(session, status, 3)
                    && session.counters().sent() > sentBefore);
            assertThat(session.failure()).isEmpty();
        }
        assertThat(out.reconnects()).isEqualTo(1);
    }

    private static boolean answered(LiveSession session, PerformerStatus status, int answers) {
        return session.readStatus(status) && status.answers() >= answers && status.phase() == PerformerPhase.LISTENING
                && status.machineNotesSounding() == 0;
    }

    private List<Integer> activeNotes() {
        List<Integer> notes = new ArrayList<>();
        for (VoiceStatus voice : gervill.getVoiceStatus()) if (voice.active) notes.add(voice.note);
        return notes;
    }

    private void publish(long nanos, int status, int data1, int data2) {
        scheduler.submit(nanos, status, data1, data2, -1);
    }

    private void pumpAt(long nanos) throws Exception {
        clock.set(nanos);
        scheduler.pump(nanos);
    }
}
