package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.dsl.ProducerType;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import org.junit.jupiter.api.Test;

/** The performer thread's iteration, stepped by hand on a manual clock with a real performer and network. */
class PerformerLoopTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualClock clock = new ManualClock();
    private final LatencyMeters meters = new LatencyMeters();
    private final RecordingReceiver out = new RecordingReceiver(clock, 10_000);
    private final OutputScheduler scheduler = new OutputScheduler(out, clock, meters, 1024, 0);
    private final PerformerOutput performerOutput = new PerformerOutput(scheduler);
    private final Performer performer = TinyPerformers.performer(performerOutput);
    private final PerformerStatus status = new PerformerStatus();

    @Test
    void releasesThatFoundTheInputRingFullStillReachThePerformerAfterTheirNoteOns() throws Exception {
        EventRing input = new EventRing(ProducerType.MULTI, 4, 0);
        PerformerLoop loop = new PerformerLoop(performer, input, scheduler, performerOutput, clock, meters, null, SessionObserver.NONE, LatencyMode.BALANCED.newWaitStrategy());
        for (int key = 60; key < 64; key++) input.tryPublish(RingEvent.Kind.MIDI, key * MS, 0x90, key, 90, -1);
        for (int key = 60; key < 64; key++) input.tryPublish(RingEvent.Kind.MIDI, 70 * MS, 0x80, key, 0, -1);
        assertThat(input.deferredReleases()).isEqualTo(4);

        loop.iterate(80 * MS);

        performer.readStatus(status);
        assertThat(status.humanKeysDown()).isZero();
        assertThat(status.tokensFed()).isPositive();
    }

    @Test
    void anAnswerStartedByAControllerLeavesOnTheLoopsOwnThreadCarryingItsArrivalTime() throws Exception {
        EventRing input = new EventRing(ProducerType.MULTI, 64, 8);
        PerformerLoop loop = new PerformerLoop(performer, input, scheduler, performerOutput, clock, meters, null, SessionObserver.NONE, LatencyMode.BALANCED.newWaitStrategy());
        for (int i = 0; i < 6; i++) {
            input.tryPublish(RingEvent.Kind.MIDI, i * 100 * MS, 0x90, 60 + 2 * i, 90, -1);
            input.tryPublish(RingEvent.Kind.MIDI, (i * 100 + 80) * MS, 0x80, 60 + 2 * i, 0, -1);
        }
        input.tryPublish(RingEvent.Kind.MIDI, 600 * MS, 0xB0, 80, 127, -1);     // answer now

        clock.set(601 * MS);
        assertThat(loop.iterate(601 * MS)).isTrue();

        performer.readStatus(status);
        assertThat(status.phase()).isEqualTo(PerformerPhase.ANSWERING);
        assertThat(loop.answerDecisionNanos()).isEqualTo(601 * MS);
        assertThat(out.firstNoteOnAt(0)).as("sent within the iteration, no scheduler pass needed").isEqualTo(601 * MS);
        LatencyReport latency = meters.report();
        assertThat(latency.inputToOutput().count()).isPositive();
        assertThat(latency.inputToOutput().max()).isCloseTo(1000.0, within(1.0));   // 600 ms arrival → 601 ms hand-over (HdrHistogram: 3 digits)
        assertThat(latency.performerStep().count()).isEqualTo(1);
    }

    @Test
    void aMessagePassedThroughCarriesItsArrivalTimeToTheOutput() throws Exception {
        EventRing input = new EventRing(ProducerType.MULTI, 64, 8);
        PerformerLoop loop = new PerformerLoop(performer, input, scheduler, performerOutput, clock, meters, null, SessionObserver.NONE, LatencyMode.BALANCED.newWaitStrategy());
        input.tryPublish(RingEvent.Kind.MIDI, 100 * MS, 0x92, 60, 90, -1);       // thru off: not passed
        clock.set(101 * MS);
        loop.iterate(101 * MS);
        assertThat(out.size()).isZero();

        performer.parameters().set(Parameter.THRU, 1);
        input.tryPublish(RingEvent.Kind.MIDI, 200 * MS, 0x92, 64, 80, -1);
        input.tryPublish(RingEvent.Kind.MIDI, 201 * MS, 0xE2, 0, 70, -1);        // pitch bend
        clock.set(203 * MS);                   // the loop's iteration began at 202 ms; it hands over at 203 ms
        loop.iterate(202 * MS);

        assertThat(out.messages()).containsExactly(new RecordedMessage(203 * MS, 0x92, 64, 80),
                new RecordedMessage(203 * MS, 0xE2, 0, 70));
        LatencyReport latency = meters.report();
        assertThat(latency.inputToOutput().count()).as("one sample per message passed through").isEqualTo(2);
        assertThat(latency.inputToOutput().max()).isCloseTo(3000.0, within(3.0));   // 200 ms arrival → 203 ms hand-over
        assertThat(latency.inputToOutput().p50()).isCloseTo(2000.0, within(2.0));
    }

    @Test
    void anIdleIterationAdvancesThePerformerWithoutCountingAsWork() throws Exception {
        EventRing input = new EventRing(ProducerType.MULTI, 64, 8);
        PerformerLoop loop = new PerformerLoop(performer, input, scheduler, performerOutput, clock, meters, null, SessionObserver.NONE, LatencyMode.BALANCED.newWaitStrategy());

        assertThat(loop.iterate(5 * MS)).isFalse();
        assertThat(loop.answerDecisionNanos()).isEqualTo(-1);
        assertThat(meters.report().performerStep().count()).isZero();
    }
}
