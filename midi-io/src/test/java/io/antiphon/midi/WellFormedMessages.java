package io.antiphon.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parser sink for fuzz tests: asserts that every message handed out is well-formed MIDI 1.0 (a defined status,
 * data bytes 0..127, absent data bytes 0, a SysEx from 0xF0 to 0xF7 within its bound with only data and real-time
 * bytes between) and records them, so that two ways of parsing the same bytes can be compared.
 */
public final class WellFormedMessages implements MidiByteParser.Sink {

    private final int maxSysExBytes;
    private final List<String> messages = new ArrayList<>();

    public WellFormedMessages(int maxSysExBytes) {
        this.maxSysExBytes = maxSysExBytes;
    }

    @Override
    public void shortMessage(int status, int data1, int data2) {
        assertThat(data1).as("data 1 of status %02X", status).isBetween(0, 127);
        assertThat(data2).as("data 2 of status %02X", status).isBetween(0, 127);
        if (status >= 0x80 && status < 0xF0) {
            if (MidiByteParser.channelDataLength(status) == 1) assertThat(data2).isZero();
        } else {
            assertThat(status).as("system status").isIn(0xF1, 0xF2, 0xF3, 0xF6, 0xF8, 0xFA, 0xFB, 0xFC, 0xFE, 0xFF);
            if (status != 0xF2) assertThat(data2).isZero();
            if (status != 0xF1 && status != 0xF2 && status != 0xF3) assertThat(data1).isZero();
        }
        messages.add(String.format("%02X %02X %02X", status, data1, data2));
    }

    @Override
    public void sysEx(byte[] data, int off, int len) {
        assertThat(len).isBetween(2, maxSysExBytes);
        assertThat(data[off] & 0xFF).isEqualTo(0xF0);
        assertThat(data[off + len - 1] & 0xFF).isEqualTo(0xF7);
        for (int i = off + 1; i < off + len - 1; i++) assertThat(data[i] & 0xFF).as("SysEx byte %d", i - off).isLessThan(0x80);
        messages.add("SysEx " + Arrays.toString(Arrays.copyOfRange(data, off, off + len)));
    }

    public List<String> messages() {
        return messages;
    }
}
