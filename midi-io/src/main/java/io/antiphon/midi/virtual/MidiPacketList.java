package io.antiphon.midi.virtual;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.antiphon.midi.MidiByteParser;

/**
 * CoreMIDI's {@code MIDIPacketList} in native memory, as {@code MIDIServices.h} lays it out under
 * {@code #pragma pack(4)}: {@code UInt32 numPackets}, then packets of {@code UInt64 timeStamp} (offset 4),
 * {@code UInt16 length} (12) and the bytes (14). {@code MIDIPacketNext} follows a packet's bytes directly on Intel and
 * at the next 4-byte boundary on ARM.
 */
final class MidiPacketList {

    static final int HEADER = 4;
    private static final int TIME_STAMP = 0;
    private static final int LENGTH = 8;
    private static final int DATA = 10;
    static final int MAX_DATA = 256;

    private MidiPacketList() {
    }

    /** A list of one packet, large enough for {@link #MAX_DATA} bytes. */
    static Memory allocate() {
        return new Memory(HEADER + DATA + MAX_DATA + 4);
    }

    /** Writes one packet of a short message (1 to 3 bytes) stamped {@code hostTime}; no allocation. */
    static void writeShort(Pointer list, long hostTime, int status, int data1, int data2, int length) {
        list.setInt(0, 1);
        list.setLong(HEADER + TIME_STAMP, hostTime);
        list.setShort(HEADER + LENGTH, (short) length);
        list.setByte(HEADER + DATA, (byte) status);
        if (length > 1) list.setByte(HEADER + DATA + 1, (byte) data1);
        if (length > 2) list.setByte(HEADER + DATA + 2, (byte) data2);
    }

    /** Feeds every byte of every packet to {@code parser}; {@code arm} selects {@code MIDIPacketNext}'s alignment. */
    static void parse(Pointer list, boolean arm, MidiByteParser parser, MidiByteParser.Sink sink) {
        int packets = list.getInt(0);
        long offset = HEADER;
        for (int i = 0; i < packets; i++) {
            int length = list.getShort(offset + LENGTH) & 0xFFFF;
            long data = offset + DATA;
            for (int b = 0; b < length; b++) parser.parse(list.getByte(data + b) & 0xFF, sink);
            long next = data + length;
            offset = arm ? (next + 3) & ~3L : next;
        }
    }
}
