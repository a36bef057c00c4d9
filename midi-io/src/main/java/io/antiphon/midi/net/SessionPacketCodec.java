package io.antiphon.midi.net;

/**
 * Reads and writes the AppleMIDI session protocol's packets, the control half of RTP-MIDI as Apple's Network MIDI,
 * rtpMIDI and rtpmidid speak it. Every packet starts with 0xFFFF and a two-letter command:
 * <pre>
 *   IN, OK, NO, BY: FFFF cmd(2) version(4)=2 token(4) ssrc(4) [name, UTF-8, NUL-terminated]   16+ bytes
 *   CK:             FFFF "CK" ssrc(4) count(1) padding(3) timestamp1(8) timestamp2(8) timestamp3(8)   36 bytes
 *   RS:             FFFF "RS" ssrc(4) sequence(2) padding(2)                                    12 bytes
 *   RL:             FFFF "RL" ssrc(4) limit(4)                                                  12 bytes
 * </pre>
 * All big-endian. Decoding never throws and never allocates; encoding writes into the caller's buffer.
 */
public final class SessionPacketCodec {

    /** The protocol version written and expected in IN, OK, NO and BY. */
    public static final int VERSION = 2;
    /** Longest session name written (bytes of UTF-8); longer names are cut at a character boundary. */
    public static final int MAX_NAME_BYTES = 64;
    /** Longest session name read from a packet (bytes); the rest is ignored. */
    public static final int MAX_NAME_READ = 256;
    /** Size of a CK packet. */
    public static final int CLOCK_SYNC_LENGTH = 36;
    /** Room any encoded session packet needs at most. */
    public static final int MAX_LENGTH = 16 + MAX_NAME_BYTES + 1;

    private SessionPacketCodec() {
    }

    /** Whether a datagram starts like a session packet (0xFFFF) rather than an RTP packet. */
    public static boolean isSessionPacket(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 4 && off <= buf.length - len
                && buf[off] == (byte) 0xFF && buf[off + 1] == (byte) 0xFF;
    }

    /**
     * Decodes a session packet into {@code into}. Returns false, leaving {@code into} meaningless, if the bytes are
     * not a well-formed packet of a known command (too short, wrong signature, unknown command, bad CK count).
     */
    public static boolean decode(byte[] buf, int off, int len, SessionPacket into) {
        if (!isSessionPacket(buf, off, len) || into == null) return false;
        int command = u16(buf, off + 2);
        into.command = command;
        into.buffer = buf;
        into.nameOffset = 0;
        into.nameLength = 0;
        switch (command) {
            case SessionPacket.INVITATION, SessionPacket.ACCEPTED, SessionPacket.REJECTED, SessionPacket.BYE -> {
                if (len < 16) return false;
                into.version = s32(buf, off + 4);
                into.token = s32(buf, off + 8);
                into.ssrc = s32(buf, off + 12);
                int nameEnd = off + 16;
                int end = off + len;
                int nameLimit = Math.min(end, off + 16 + MAX_NAME_READ);
                while (nameEnd < nameLimit && buf[nameEnd] != 0) nameEnd++;
                into.nameOffset = off + 16;
                into.nameLength = nameEnd - (off + 16);
                return true;
            }
            case SessionPacket.CLOCK_SYNC -> {
                if (len < CLOCK_SYNC_LENGTH) return false;
                into.ssrc = s32(buf, off + 4);
                into.count = buf[off + 8] & 0xFF;
                if (into.count > 2) return false;
                into.timestamp1 = s64(buf, off + 12);
                into.timestamp2 = s64(buf, off + 20);
                into.timestamp3 = s64(buf, off + 28);
                return true;
            }
            case SessionPacket.RECEIVER_FEEDBACK -> {
                if (len < 10) return false;
                into.ssrc = s32(buf, off + 4);
                into.sequence = u16(buf, off + 8);
                return true;
            }
            case SessionPacket.BITRATE_LIMIT -> {
                if (len < 8) return false;
                into.ssrc = s32(buf, off + 4);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Writes IN, OK, NO or BY with the given name (UTF-8 bytes, at most {@link #MAX_NAME_BYTES} are written, then a
     * NUL; BY carries no name). Returns the length written.
     */
    public static int writeControl(byte[] out, int off, int command, int token, int ssrc, byte[] name) {
        u16(out, off, 0xFFFF);
        u16(out, off + 2, command);
        s32(out, off + 4, VERSION);
        s32(out, off + 8, token);
        s32(out, off + 12, ssrc);
        if (command == SessionPacket.BYE || name == null) return 16;
        int n = Math.min(name.length, MAX_NAME_BYTES);
        while (n > 0 && n < name.length && (name[n] & 0xC0) == 0x80) n--;   // do not cut a UTF-8 sequence
        System.arraycopy(name, 0, out, off + 16, n);
        out[off + 16 + n] = 0;
        return 17 + n;
    }

    /** Writes CK. Returns {@link #CLOCK_SYNC_LENGTH}. */
    public static int writeClockSync(byte[] out, int off, int ssrc, int count, long timestamp1, long timestamp2, long timestamp3) {
        u16(out, off, 0xFFFF);
        u16(out, off + 2, SessionPacket.CLOCK_SYNC);
        s32(out, off + 4, ssrc);
        out[off + 8] = (byte) count;
        out[off + 9] = 0;
        out[off + 10] = 0;
        out[off + 11] = 0;
        s64(out, off + 12, timestamp1);
        s64(out, off + 20, timestamp2);
        s64(out, off + 28, timestamp3);
        return CLOCK_SYNC_LENGTH;
    }

    /** Writes RS. Returns 12. */
    public static int writeReceiverFeedback(byte[] out, int off, int ssrc, int sequence) {
        u16(out, off, 0xFFFF);
        u16(out, off + 2, SessionPacket.RECEIVER_FEEDBACK);
        s32(out, off + 4, ssrc);
        u16(out, off + 8, sequence);
        out[off + 10] = 0;
        out[off + 11] = 0;
        return 12;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static int s32(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long s64(byte[] b, int i) {
        return ((long) s32(b, i) << 32) | (s32(b, i + 4) & 0xFFFF_FFFFL);
    }

    static void u16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void s32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void s64(byte[] b, int i, long v) {
        s32(b, i, (int) (v >>> 32));
        s32(b, i + 4, (int) v);
    }
}
