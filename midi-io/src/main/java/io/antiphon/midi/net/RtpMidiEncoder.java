package io.antiphon.midi.net;

/**
 * Writes RTP packets carrying MIDI (RFC 6295), one MIDI command per packet, sent as soon as it is due: an RTP header
 * (version 2, payload type 97, the dynamic type Apple's Network MIDI uses), a MIDI command section with no journal
 * (J = 0), no delta time (Z = 0) and the command's status byte. Writes into the caller's buffer; never allocates.
 */
public final class RtpMidiEncoder {

    /** The RTP payload type written. */
    public static final int PAYLOAD_TYPE = 0x61;
    /** Longest MIDI list a command section can hold (12-bit LEN). */
    public static final int MAX_LIST = 4095;
    /** Room a packet needs beyond its MIDI command: RTP header and a two-byte section header. */
    public static final int OVERHEAD = RtpMidiDecoder.RTP_HEADER + 2;

    private RtpMidiEncoder() {
    }

    /**
     * Writes a packet holding one channel, system-common or real-time message of {@code length} bytes (1..3:
     * status, data1, data2). Returns the packet's length.
     */
    public static int writeShort(byte[] out, int off, int sequence, long timestamp, int ssrc, int length, int status, int data1, int data2) {
        int pos = header(out, off, sequence, timestamp, ssrc);
        out[pos++] = (byte) length;   // B = 0, J = 0, Z = 0, P = 0, LEN
        out[pos++] = (byte) status;
        if (length > 1) out[pos++] = (byte) (data1 & 0x7F);
        if (length > 2) out[pos++] = (byte) (data2 & 0x7F);
        return pos - off;
    }

    /**
     * Writes a packet holding one complete SysEx ({@code F0 ... F7}, at most {@link #MAX_LIST} bytes). Returns the
     * packet's length.
     */
    public static int writeSysEx(byte[] out, int off, int sequence, long timestamp, int ssrc, byte[] data, int dataOff, int dataLen) {
        if (dataLen > MAX_LIST) throw new IllegalArgumentException("a SysEx of " + dataLen + " bytes does not fit one packet");
        int pos = header(out, off, sequence, timestamp, ssrc);
        out[pos++] = (byte) (0x80 | (dataLen >>> 8));   // B = 1: 12-bit LEN
        out[pos++] = (byte) dataLen;
        System.arraycopy(data, dataOff, out, pos, dataLen);
        return pos + dataLen - off;
    }

    private static int header(byte[] out, int off, int sequence, long timestamp, int ssrc) {
        out[off] = (byte) 0x80;                  // version 2, no padding, no extension, no CSRC
        out[off + 1] = (byte) PAYLOAD_TYPE;      // marker 0
        SessionPacketCodec.u16(out, off + 2, sequence);
        SessionPacketCodec.s32(out, off + 4, (int) timestamp);
        SessionPacketCodec.s32(out, off + 8, ssrc);
        return off + RtpMidiDecoder.RTP_HEADER;
    }
}
