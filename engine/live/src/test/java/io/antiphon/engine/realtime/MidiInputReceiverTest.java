package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.dsl.ProducerType;
import io.antiphon.engine.kernel.AllocationMeter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MidiInputReceiverTest {

    private final ManualClock clock = new ManualClock();
    private final LatencyMeters meters = new LatencyMeters();
    private final EventRing ring = new EventRing(ProducerType.MULTI, 64, 8);
    private final MidiInputReceiver receiver = new MidiInputReceiver(ring, clock, meters);
    private final boolean[] held = new boolean[128];
    private final EventPoller.Handler<RingEvent> keyboard = (event, sequence, end) -> {
        if ((event.status() & 0xF0) == ShortMessage.NOTE_ON && event.data2() > 0) held[event.data1()] = true;
        else if (EventRing.isNoteRelease(event.status(), event.data2())) held[event.data1()] = false;
        return true;
    };

    @Test
    void stampsMessagesWithTheSessionClockAndPublishesThem() throws Exception {
        clock.set(123_456);
        receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 3, 60, 99), 42);

        ring.drain((event, sequence, end) -> {
            assertThat(event.kind()).isEqualTo(RingEvent.Kind.MIDI);
            assertThat(event.nanos()).isEqualTo(123_456);
            assertThat(event.status()).isEqualTo(0x93);
            assertThat(event.data1()).isEqualTo(60);
            assertThat(event.data2()).isEqualTo(99);
            return true;
        }, (channel, key) -> { }, () -> { });
        assertThat(meters.report().midiCallback().count()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // safety only: a blocked callback would hang here
    void neverBlocksOnAFullRingAndKeepsEveryReleaseOfAHeldKey() throws Exception {
        ShortMessage on = new ShortMessage();
        ShortMessage off = new ShortMessage();
        int strokes = 10_000;
        for (int i = 0; i < strokes; i++) {       // nobody drains: the ring fills after a few dozen
            int key = 21 + i % 88;
            on.setMessage(ShortMessage.NOTE_ON, 0, key, 80);
            off.setMessage(ShortMessage.NOTE_OFF, 0, key, 0);
            receiver.send(on, -1);
            receiver.send(off, -1);
        }

        ring.drain(keyboard, (channel, key) -> held[key] = false, () -> { });

        assertThat(ring.dropped()).isGreaterThan(strokes - 64L);
        assertThat(ring.deferredReleases()).isPositive();
        assertThat(held).doesNotContain(true);
    }

    @Test
    void ignoresSystemExclusiveAndActiveSensing() throws Exception {
        receiver.send(new SysexMessage(new byte[]{(byte) 0xF0, 0x7E, 0x7F, 0x06, 0x01, (byte) 0xF7}, 6), -1);
        receiver.send(new ShortMessage(0xFE), -1);
        receiver.send(new ShortMessage(0xF8), -1);    // clock: passed on

        int handed = ring.drain(keyboard, (channel, key) -> { }, () -> { });

        assertThat(handed).isEqualTo(1);
        assertThat(receiver.ignored()).isEqualTo(2);
    }

    @Test
    void afterCloseMessagesAreIgnoredQuietly() throws Exception {
        receiver.close();
        receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), -1);

        assertThat(ring.drain(keyboard, (channel, key) -> { }, () -> { })).isZero();
    }

    @Tag("timing")

    @Test
    void theCallbackAllocatesNothingOnceWarm() throws Exception {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        AllocationMeter meter = new AllocationMeter();
        MidiMessage[] messages = new MidiMessage[128];
        for (int key = 0; key < 128; key++) messages[key] = new ShortMessage(ShortMessage.NOTE_ON, key % 16, key, key % 2 == 0 ? 90 : 0);

        double bytes = meter.bytesPerCall(i -> {
            receiver.send(messages[i % 128], -1);
            if (i % 32 == 31) {   // a consumer now and then; otherwise the ring fills and drops, also allocation-free
                try {
                    ring.drain(keyboard, (channel, key) -> { }, () -> { });
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }, 100_000, 50_000);

        // any allocation per message would be 16 bytes or more; JIT deoptimisation may leave a few bytes in total
        assertThat(bytes).isLessThan(1.0);
    }
}
