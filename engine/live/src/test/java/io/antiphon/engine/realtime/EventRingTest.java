package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.dsl.ProducerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EventRingTest {

    private final List<RecordedMessage> handed = new ArrayList<>();
    private int allNotesOffs;

    @Test
    void handsEventsOverInPublicationOrder() throws Exception {
        EventRing ring = new EventRing(ProducerType.MULTI, 64, 4);
        for (int i = 0; i < 40; i++) {
            assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 1_000 + i, 0x90, 40 + i, 1 + i, -1)).isTrue();
        }

        int count = drain(ring);

        assertThat(count).isEqualTo(40);
        assertThat(handed).extracting(RecordedMessage::nanos).isSorted().hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(handed.get(i)).isEqualTo(new RecordedMessage(1_000 + i, 0x90, 40 + i, 1 + i));
        }
        assertThat(drain(ring)).isZero();
    }

    @Test
    void aFullRingDropsNoteOnsButKeepsTheReserveAndThenTheBitmapForReleases() throws Exception {
        EventRing ring = new EventRing(ProducerType.MULTI, 8, 2);
        List<Integer> struck = new ArrayList<>();
        for (int key = 60; key < 70; key++) {
            if (ring.tryPublish(RingEvent.Kind.MIDI, key, 0x91, key, 100, -1)) struck.add(key);
        }
        assertThat(struck).containsExactly(60, 61, 62, 63, 64, 65);   // 6 of 8 slots: 2 kept for releases
        assertThat(ring.dropped()).isEqualTo(4);

        for (int key : struck) {
            assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 100 + key, 0x81, key, 0, -1)).isTrue();
        }
        assertThat(ring.deferredReleases()).isEqualTo(4);   // 2 took the reserve, 4 waited in the bitmap

        drain(ring);

        assertThat(handed).hasSize(12);
        assertThat(handed.subList(0, 6)).allMatch(RecordedMessage::isNoteOn);
        assertThat(handed.subList(6, 12)).allMatch(RecordedMessage::isNoteOff).allMatch(m -> m.channel() == 1)
                .extracting(RecordedMessage::data1).containsExactlyInAnyOrderElementsOf(struck);
        assertThat(handed.subList(8, 12)).extracting(RecordedMessage::nanos).containsOnly(-5L);   // late: the drain's time
    }

    @Test
    void aVelocityZeroNoteOnAndASustainPedalReleaseMayUseTheReserve() throws Exception {
        EventRing ring = new EventRing(ProducerType.MULTI, 4, 2);
        ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 60, 90, -1);
        ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 62, 90, -1);
        assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 0, 0xB0, 1, 20, -1)).isFalse();     // mod wheel: dropped
        assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 0, 0xB0, 64, 0, -1)).isTrue();      // pedal up: reserve
        assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 60, 0, -1)).isTrue();      // release: reserve
        assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 0, 0xB0, 64, 0, -1)).isFalse();     // pedal up, ring full
        assertThat(ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 62, 0, -1)).isTrue();      // release: bitmap

        drain(ring);

        assertThat(handed).extracting(RecordedMessage::data1).containsExactly(60, 62, 64, 60, 62);
        assertThat(ring.dropped()).isEqualTo(2);
    }

    @Test
    void anAllNotesOffThatFindsTheRingFullIsHandedOverAfterIt() throws Exception {
        EventRing ring = new EventRing(ProducerType.MULTI, 2, 0);
        ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 60, 90, -1);
        ring.tryPublish(RingEvent.Kind.MIDI, 0, 0x90, 61, 90, -1);

        assertThat(ring.tryPublish(RingEvent.Kind.ALL_NOTES_OFF, 0, 0, 0, 0, -1)).isTrue();
        drain(ring);

        assertThat(handed).hasSize(2);
        assertThat(allNotesOffs).isEqualTo(1);
        drain(ring);
        assertThat(allNotesOffs).isEqualTo(1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // safety only: a lost release would not hang, it would fail
    void everyStruckKeyIsReleasedWhenProducersRaceAConsumerOnATinyRing() throws Exception {
        EventRing ring = new EventRing(ProducerType.MULTI, 16, 4);
        int producers = 2;
        int strokes = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int channel = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < strokes; i++) {
                    int key = 21 + i % 88;
                    ring.tryPublish(RingEvent.Kind.MIDI, i, 0x90 | channel, key, 100, -1);
                    ring.tryPublish(RingEvent.Kind.MIDI, i, 0x80 | channel, key, 0, -1);
                }
            });
            thread.start();
            threads.add(thread);
        }
        boolean[][] held = new boolean[producers][128];
        PendingReleases.Sink release = (channel, key) -> held[channel][key] = false;
        EventPoller.Handler<RingEvent> events = (event, sequence, end) -> {
            if (EventRing.isNoteRelease(event.status(), event.data2())) {
                release.release(event.status() & 0x0F, event.data1());
            } else {
                held[event.status() & 0x0F][event.data1()] = true;
            }
            return true;
        };
        start.countDown();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            ring.drain(events, release, () -> { });
            Thread.onSpinWait();
        }
        ring.drain(events, release, () -> { });   // the producers have ended: this takes the rest

        for (boolean[] channel : held) {
            for (boolean key : channel) assertThat(key).isFalse();
        }
    }

    @Test
    void refusesACapacityThatIsNotAPowerOfTwoOrAReserveThatFillsIt() {
        assertThatThrownBy(() -> new EventRing(ProducerType.SINGLE, 12, 0)).hasMessageContaining("power of two: 12");
        assertThatThrownBy(() -> new EventRing(ProducerType.SINGLE, 8, 8)).hasMessageContaining("reserve must be 0..7");
    }

    private int drain(EventRing ring) throws Exception {
        return ring.drain((event, sequence, end) -> {
            handed.add(new RecordedMessage(event.nanos(), event.status(), event.data1(), event.data2()));
            return true;
        }, (channel, key) -> handed.add(new RecordedMessage(-5, 0x80 | channel, key, 0)), () -> allNotesOffs++);
    }
}
