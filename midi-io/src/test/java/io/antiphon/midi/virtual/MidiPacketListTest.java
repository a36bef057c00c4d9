package io.antiphon.midi.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import io.antiphon.midi.MidiByteParser;
import org.junit.jupiter.api.Test;

class MidiPacketListTest {

    private final List<String> parsed = new ArrayList<>();
    private final MidiByteParser.Sink sink = new MidiByteParser.Sink() {
        @Override
        public void shortMessage(int status, int data1, int data2) {
            parsed.add(Integer.toHexString(status) + " " + data1 + " " + data2);
        }

        @Override
        public void sysEx(byte[] data, int off, int len) {
        }
    };

    @Test
    void oneShortMessageIsLaidOutAsMidiServicesHDeclaresIt() {
        Memory list = MidiPacketList.allocate();
        MidiPacketList.writeShort(list, 0x0102030405060708L, 0x90, 60, 100, 3);

        assertThat(list.getInt(0)).as("numPackets").isEqualTo(1);
        assertThat(list.getLong(4)).as("timeStamp at offset 4 (pack 4)").isEqualTo(0x0102030405060708L);
        assertThat(list.getShort(12)).as("length").isEqualTo((short) 3);
        assertThat(list.getByteArray(14, 3)).containsExactly(0x90, 60, 100);
        MidiPacketList.parse(list, false, new MidiByteParser(), sink);
        assertThat(parsed).containsExactly("90 60 100");
    }

    @Test
    void packetsFollowEachOtherDirectlyOnIntelAndOnFourByteBoundariesOnArm() {
        // two packets: a 3-byte note-on (ends at 4+10+3 = 17) and a 2-byte program change
        Memory intel = new Memory(64);
        intel.clear(64);
        intel.setInt(0, 2);
        writePacket(intel, 4, new byte[]{(byte) 0x90, 60, 100});
        writePacket(intel, 17, new byte[]{(byte) 0xC1, 5});
        Memory arm = new Memory(64);
        arm.clear(64);
        arm.setInt(0, 2);
        writePacket(arm, 4, new byte[]{(byte) 0x90, 60, 100});
        writePacket(arm, 20, new byte[]{(byte) 0xC1, 5});

        MidiPacketList.parse(intel, false, new MidiByteParser(), sink);
        MidiPacketList.parse(arm, true, new MidiByteParser(), sink);

        assertThat(parsed).containsExactly("90 60 100", "c1 5 0", "90 60 100", "c1 5 0");
    }

    private static void writePacket(Memory list, long offset, byte[] data) {
        list.setLong(offset, 0);
        list.setShort(offset + 8, (short) data.length);
        list.write(offset + 10, data, 0, data.length);
    }
}
