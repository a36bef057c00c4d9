package io.antiphon.midi.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import io.antiphon.midi.MidiByteParser;
import org.junit.jupiter.api.Test;

class AlsaEventsTest {

    private final Memory event = new Memory(AlsaEvents.SIZE);

    @Test
    void aNoteOnIsANoteEventFromOurPortToItsSubscribersDeliveredDirect() {
        assertThat(AlsaEvents.encode(0x93, 60, 100, 5, event)).isTrue();

        byte[] bytes = event.getByteArray(0, AlsaEvents.SIZE);
        assertThat(bytes[0]).isEqualTo((byte) AlsaEvents.NOTEON);
        assertThat(bytes[1]).as("flags: tick stamp, absolute, fixed length").isZero();
        assertThat(bytes[3] & 0xFF).isEqualTo(AlsaEvents.QUEUE_DIRECT);
        assertThat(bytes[13]).as("source port").isEqualTo((byte) 5);
        assertThat(bytes[14] & 0xFF).isEqualTo(AlsaEvents.ADDRESS_SUBSCRIBERS);
        assertThat(bytes[15] & 0xFF).isEqualTo(AlsaEvents.ADDRESS_UNKNOWN);
        assertThat(new int[]{bytes[16], bytes[17], bytes[18]}).containsExactly(3, 60, 100);
    }

    @Test
    void everyChannelAndSystemMessageSurvivesTheRoundTrip() {
        int[][] messages = {
                {0x80, 60, 0}, {0x91, 61, 90}, {0xA2, 62, 33}, {0xB3, 7, 101}, {0xC4, 12, 0}, {0xD5, 77, 0},
                {0xE6, 0, 64}, {0xE7, 127, 127}, {0xE8, 0, 0}, {0xF2, 5, 3}, {0xF3, 9, 0}, {0xF6, 0, 0},
                {0xF8, 0, 0}, {0xFA, 0, 0}, {0xFB, 0, 0}, {0xFC, 0, 0}, {0xFE, 0, 0}, {0xFF, 0, 0}};
        List<int[]> decoded = new ArrayList<>();
        MidiByteParser.Sink sink = new MidiByteParser.Sink() {
            @Override
            public void shortMessage(int status, int data1, int data2) {
                decoded.add(new int[]{status, data1, data2});
            }

            @Override
            public void sysEx(byte[] data, int off, int len) {
            }
        };
        for (int[] m : messages) {
            assertThat(AlsaEvents.encode(m[0], m[1], m[2], 0, event)).as(Integer.toHexString(m[0])).isTrue();
            assertThat(AlsaEvents.decode(event, sink)).isTrue();
        }
        assertThat(decoded).containsExactly(messages);
    }

    @Test
    void statusesAlsaHasNoEventForAreNotEncoded() {
        assertThat(AlsaEvents.encode(0xF0, 0, 0, 0, event)).isFalse();
        assertThat(AlsaEvents.encode(0xF4, 0, 0, 0, event)).isFalse();
        event.clear(AlsaEvents.SIZE);
        event.setByte(0, (byte) AlsaEvents.PORT_SUBSCRIBED);
        assertThat(AlsaEvents.decode(event, null)).as("a subscription is not a MIDI message").isFalse();
    }

    @Test
    void encodingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50_000; i++) AlsaEvents.encode(0x90, i & 127, 100, 0, event);   // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) AlsaEvents.encode(0x90 | i & 15, i & 127, 100, 0, event);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes for 100,000 events; one allocation each would be 1.6 MB").isLessThan(10_000);
    }
}
