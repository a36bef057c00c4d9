package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

import io.antiphon.engine.kernel.AllocationMeter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OutputSchedulerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualClock clock = new ManualClock();
    private final LatencyMeters meters = new LatencyMeters();
    private final RecordingReceiver out = new RecordingReceiver(clock, 200_000);
    private final OutputScheduler scheduler = new OutputScheduler(out, clock, meters, 64, 0);

    @Test
    void sendsEachMessageAtItsTimeAndNeverBeforeAnEarlierOne() {
        publish(1 * MS, 0x90, 60, 100);
        publish(3 * MS, 0x80, 60, 0);
        publish(2 * MS, 0x90, 64, 90);      // stamped earlier than the one before it: leaves after it
        publish(5 * MS, 0x80, 64, 0);

        assertThat(scheduler.pump(0)).isEqualTo(1 * MS);
        assertThat(out.size()).isZero();
        pumpAt(1 * MS);
        assertThat(out.messages()).containsExactly(new RecordedMessage(1 * MS, 0x90, 60, 100));
        assertThat(scheduler.pump(clock.nanoTime() + MS)).isEqualTo(3 * MS);   // 2 ms: nothing due yet
        pumpAt(3 * MS);
        pumpAt(4 * MS);
        pumpAt(5 * MS);

        assertThat(out.messages()).containsExactly(
                new RecordedMessage(1 * MS, 0x90, 60, 100),
                new RecordedMessage(3 * MS, 0x80, 60, 0),
                new RecordedMessage(3 * MS, 0x90, 64, 90),
                new RecordedMessage(5 * MS, 0x80, 64, 0));
        assertThat(scheduler.soundingNotes()).isZero();
        assertThat(meters.report().schedulerLateness().count()).isEqualTo(4);
    }

    @Test
    void sendDueSendsWhatHasComeDueAndWaitsForNothingWithoutAMargin() {
        scheduler.submit(1 * MS, 0x90, 60, 100, -1);
        scheduler.submit(2 * MS, 0x80, 60, 0, -1);
        clock.set(1 * MS);
        scheduler.sendDue();
        assertThat(out.messages()).containsExactly(new RecordedMessage(1 * MS, 0x90, 60, 100));
    }

    @Test
    void sendDueWaitsForAMessageDueWithinTheMarginAndNotForOneAfterIt() {
        NanoClock ticking = new NanoClock() {   // moves 1 µs at every reading
            private long now;

            @Override
            public long nanoTime() {
                return now += 1_000;
            }
        };
        RecordingReceiver sent = new RecordingReceiver(ticking, 100);
        OutputScheduler waiting = new OutputScheduler(sent, ticking, new LatencyMeters(), 64, 100_000);
        waiting.submit(60_000, 0x90, 60, 100, -1);     // due within the 100 µs margin: waited for
        waiting.submit(400_000, 0x80, 60, 0, -1);      // due well after it: left to the loop's wait
        waiting.sendDue();
        assertThat(sent.messages()).hasSize(1);
        assertThat(sent.messages().get(0).nanos()).as("not before its time").isGreaterThanOrEqualTo(60_000);
        waiting.sendDue();
        assertThat(sent.messages()).hasSize(1);
    }

    @Test
    void recordsLatenessAndInputToOutputForMessagesWithACause() {
        scheduler.submit(10 * MS, 0x90, 60, 100, 9 * MS);
        scheduler.submit(11 * MS, 0x80, 60, 0, -1);

        pumpAt(10 * MS + 300_000);    // 300 µs late
        pumpAt(12 * MS);

        LatencyReport report = meters.report();
        assertThat(report.schedulerLateness().max()).isBetween(999.0, 1001.0);   // the note-off: 1 ms late
        assertThat(report.inputToOutput().count()).isEqualTo(1);
        assertThat(report.inputToOutput().p50()).isBetween(1299.0, 1301.0);
    }

    @Test
    void aMessageDueNowLeavesOnTheSubmittingCallUnlessAnEarlierOneIsStillQueued() {
        clock.set(10 * MS);
        scheduler.submit(9 * MS, 0x90, 60, 100, 8 * MS);     // stamped before now (an answer's first note)
        assertThat(out.messages()).containsExactly(new RecordedMessage(10 * MS, 0x90, 60, 100));

        scheduler.submit(12 * MS, 0x80, 60, 0, -1);          // queued
        scheduler.submit(10 * MS, 0x90, 62, 100, -1);        // due, but behind the queued note-off
        assertThat(out.size()).isEqualTo(1);
        pumpAt(12 * MS);
        assertThat(out.messages()).containsExactly(new RecordedMessage(10 * MS, 0x90, 60, 100),
                new RecordedMessage(12 * MS, 0x80, 60, 0), new RecordedMessage(12 * MS, 0x90, 62, 100));

        LatencyReport report = meters.report();
        assertThat(report.inputToOutput().max()).as("8 ms arrival → 10 ms hand-over").isBetween(1999.0, 2001.0);
        // lateness counts from submission (10 ms) for the first note, not from its stamp (the performer's time is not
        // the output's); the held-back note is due with the note-off before it (due = max(time, previous due))
        assertThat(report.schedulerLateness().count()).isEqualTo(3);
        assertThat(report.schedulerLateness().max()).isZero();
    }

    @Test
    void aNoteOffForAKeyThatIsNotSoundingIsNotSent() {
        publish(0, 0x80, 60, 0);
        publish(0, 0x90, 61, 0);

        pumpAt(0);

        assertThat(out.size()).isZero();
        assertThat(scheduler.strayNoteOffs()).isEqualTo(2);
    }

    @Test
    void allNotesOffReleasesEverySoundingNoteSendsCc123AndDiscardsWhatIsQueued() {
        publish(0, 0x90, 60, 100);
        publish(0, 0x92, 67, 100);
        publish(0, 0x90, 60, 80);           // the same key struck twice: two notes
        publish(50 * MS, 0x90, 72, 100);    // queued
        pumpAt(0);
        assertThat(scheduler.soundingNotes()).isEqualTo(3);

        clock.set(1 * MS);
        scheduler.allNotesOff();
        pumpAt(100 * MS);

        List<RecordedMessage> sent = out.messages().subList(3, out.size());
        assertThat(sent).containsExactly(
                new RecordedMessage(1 * MS, 0x80, 60, 0),
                new RecordedMessage(1 * MS, 0x80, 60, 0),
                new RecordedMessage(1 * MS, 0x82, 67, 0),
                new RecordedMessage(1 * MS, 0xB0, 123, 0),
                new RecordedMessage(1 * MS, 0xB2, 123, 0));
        assertThat(scheduler.soundingNotes()).isZero();
    }

    @Test
    void aClockStartedAtTheOutputIsStoppedByAllNotesOffAndAStoppedOneIsLeftAlone() {
        publish(0, 0xFA, 0, 0);
        publish(0, 0xF8, 0, 0);
        publish(20 * MS, 0xF8, 0, 0);
        pumpAt(0);
        pumpAt(20 * MS);
        clock.set(21 * MS);
        scheduler.allNotesOff();
        assertThat(out.messages()).containsExactly(
                new RecordedMessage(0, 0xFA, 0, 0),
                new RecordedMessage(0, 0xF8, 0, 0),
                new RecordedMessage(20 * MS, 0xF8, 0, 0),
                new RecordedMessage(21 * MS, 0xFC, 0, 0));

        publish(30 * MS, 0xFB, 0, 0);
        publish(30 * MS, 0xFC, 0, 0);
        pumpAt(30 * MS);
        clock.set(31 * MS);
        scheduler.allNotesOff();
        assertThat(out.size()).as("no second Stop").isEqualTo(6);
    }

    @Test
    void aReceiverThatThrowsIsCountedAnsweredWithNotesOffAndTheSchedulerGoesOn() {
        Receiver flaky = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message.getStatus() == 0x90 && message.getMessage()[1] == 64) throw new IllegalStateException("port lost");
                out.send(message, timeStamp);
            }

            @Override
            public void close() {
            }
        };
        OutputScheduler scheduler = new OutputScheduler(flaky, clock, meters, 64, 0);
        scheduler.submit(0, 0x90, 60, 100, -1);
        scheduler.submit(1 * MS, 0x90, 64, 100, -1);     // throws
        scheduler.submit(2 * MS, 0x90, 67, 100, -1);
        scheduler.submit(3 * MS, 0x80, 67, 0, -1);
        for (long t = 0; t <= 3 * MS; t += MS) {
            clock.set(t);
            scheduler.pump(t);
        }

        assertThat(scheduler.sendErrors()).isEqualTo(1);
        assertThat(out.messages()).containsExactly(
                new RecordedMessage(0, 0x90, 60, 100),
                new RecordedMessage(1 * MS, 0x80, 60, 0),       // the notes-off attempt: 60 and the failed 64
                new RecordedMessage(1 * MS, 0x80, 64, 0),
                new RecordedMessage(1 * MS, 0xB0, 123, 0),
                new RecordedMessage(2 * MS, 0x90, 67, 100),     // and on it goes
                new RecordedMessage(3 * MS, 0x80, 67, 0));
    }

    @Test
    void aMessageMidiRefusesIsCountedAndNotSent() {
        publish(0, 0x90, 200, 100);

        pumpAt(0);

        assertThat(out.size()).isZero();
        assertThat(scheduler.invalidMessages()).isEqualTo(1);
        assertThat(scheduler.soundingNotes()).isZero();
    }

    @Tag("timing")

    @Test
    void pumpingAllocatesNothingOnceWarm() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        AllocationMeter meter = new AllocationMeter();
        long[] time = {0};

        double bytes = meter.bytesPerCall(i -> {
            long t = time[0] += MS;
            clock.set(t);
            scheduler.submit(t, 0x90, 40 + i % 40, 100, t - 1000);
            scheduler.submit(t + MS / 2, 0x80, 40 + i % 40, 0, -1);
            scheduler.pump(t + MS / 2);
        }, 50_000, 20_000);

        assertThat(out.overflow()).isZero();
        // any allocation per message would be 16 bytes or more; JIT deoptimisation may leave a few bytes in total
        assertThat(bytes).isLessThan(1.0);
    }

    private void publish(long nanos, int status, int data1, int data2) {
        scheduler.submit(nanos, status, data1, data2, -1);
    }

    private void pumpAt(long nanos) {
        clock.set(nanos);
        scheduler.pump(nanos);
    }
}
