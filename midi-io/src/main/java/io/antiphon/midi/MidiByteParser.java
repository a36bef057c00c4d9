package io.antiphon.midi;

/**
 * Turns a live MIDI 1.0 byte stream (a serial port, a network payload, a fuzzer's bytes) into messages, the way a
 * MIDI receiver does: running status, system-exclusive messages of any length, real-time bytes (0xF8..0xFF) anywhere,
 * even inside another message or a SysEx, which they neither interrupt nor end.
 *
 * <p>State (running status, a partly received message, an open SysEx) carries from one {@link #parse} call to the
 * next, so a stream may arrive in pieces of any size. Bad input is survived and counted, never thrown:
 * <ul>
 *   <li>a status byte that interrupts an incomplete channel or system-common message drops that message
 *       ({@link #truncated()});</li>
 *   <li>a data byte with no status to apply it to is dropped ({@link #strayDataBytes()});</li>
 *   <li>a SysEx longer than the buffer given to the constructor is skipped to its end ({@link #oversizeSysEx()});
 *       one interrupted by a status byte other than 0xF7 or a real-time byte, or {@linkplain #cancelSysEx()
 *       cancelled}, is dropped ({@link #truncatedSysEx()});</li>
 *   <li>the undefined status bytes 0xF4, 0xF5, 0xF9, 0xFD and an 0xF7 outside a SysEx are ignored
 *       ({@link #undefinedStatus()}); except for the real-time ones they also cancel running status, as any
 *       system-common status does.</li>
 * </ul>
 *
 * <p>No allocation after construction; a SysEx is handed to the sink from the parser's own buffer (valid only during
 * the call). Not thread-safe: one thread feeds a parser; the counters may be read from any thread.
 */
public final class MidiByteParser {

    /** Receives the messages parsed. Called on the parsing thread, inside {@link #parse}. */
    public interface Sink {
        /**
         * A channel message (0x80..0xEF), system-common message (0xF1, 0xF2, 0xF3, 0xF6) or real-time message
         * (0xF8, 0xFA..0xFC, 0xFE, 0xFF), with its status byte even if the stream used running status. Absent data
         * bytes are 0.
         */
        void shortMessage(int status, int data1, int data2);

        /** A complete system-exclusive message, 0xF0 to 0xF7 inclusive, in {@code data[off, off+len)}. */
        void sysEx(byte[] data, int off, int len);
    }

    /** The default SysEx bound: generous for device dumps, small enough to keep per port. */
    public static final int DEFAULT_MAX_SYSEX = 64 * 1024;

    private static final int SYSEX_START = 0xF0;
    private static final int SYSEX_END = 0xF7;

    private final byte[] sysEx;
    private int sysExLength;
    private boolean inSysEx;
    private boolean sysExOverflowed;

    private int runningStatus;        // 0 when none
    private int pendingStatus;        // status of the message being assembled (0 when none)
    private int needed;               // data bytes the pending message needs in all
    private int have;                 // data bytes received for it so far
    private int data1;

    private volatile long messages;
    private volatile long sysExMessages;
    private volatile long truncated;
    private volatile long strayDataBytes;
    private volatile long oversizeSysEx;
    private volatile long truncatedSysEx;
    private volatile long undefinedStatus;
    private volatile long invalidCalls;

    /** A parser that accepts SysEx messages of up to {@link #DEFAULT_MAX_SYSEX} bytes (0xF0 and 0xF7 included). */
    public MidiByteParser() {
        this(DEFAULT_MAX_SYSEX);
    }

    /** A parser that accepts SysEx messages of up to {@code maxSysExBytes} bytes, 0xF0 and 0xF7 included (at least 2). */
    public MidiByteParser(int maxSysExBytes) {
        if (maxSysExBytes < 2) throw new IllegalArgumentException("maxSysExBytes must be at least 2, not " + maxSysExBytes);
        this.sysEx = new byte[maxSysExBytes];
    }

    /**
     * Parses {@code len} bytes of {@code buf} from {@code off}, handing each complete message to {@code sink}. Never
     * throws for any input; a null buffer or sink or a range outside the buffer is counted ({@link #invalidCalls()})
     * and ignored. Exceptions thrown by the sink itself propagate.
     */
    public void parse(byte[] buf, int off, int len, Sink sink) {
        if (buf == null || sink == null || off < 0 || len < 0 || off > buf.length - len) {
            invalidCalls++;
            return;
        }
        for (int i = off, end = off + len; i < end; i++) {
            accept(buf[i] & 0xFF, sink);
        }
    }

    /** Parses one byte (0..255; higher bits are ignored). */
    public void parse(int b, Sink sink) {
        if (sink == null) {
            invalidCalls++;
            return;
        }
        accept(b & 0xFF, sink);
    }

    private void accept(int b, Sink sink) {
        if (b >= 0xF8) {
            realTime(b, sink);
        } else if (b >= 0x80) {
            status(b, sink);
        } else if (inSysEx) {
            sysExByte(b);
        } else {
            data(b, sink);
        }
    }

    private void realTime(int b, Sink sink) {
        if (b == 0xF9 || b == 0xFD) {
            undefinedStatus++;
            return;
        }
        messages++;
        sink.shortMessage(b, 0, 0);
    }

    private void status(int b, Sink sink) {
        if (pendingStatus != 0) {
            truncated++;
            pendingStatus = 0;
        }
        if (inSysEx) {
            if (b == SYSEX_END) {
                endSysEx(sink);
                return;
            }
            truncatedSysEx++;
            inSysEx = false;
        }
        if (b < 0xF0) {
            runningStatus = b;
            begin(b, channelDataLength(b), sink);
            return;
        }
        runningStatus = 0;   // system common and SysEx cancel running status
        switch (b) {
            case SYSEX_START -> {
                inSysEx = true;
                sysExOverflowed = false;
                sysEx[0] = (byte) SYSEX_START;
                sysExLength = 1;
            }
            case 0xF1, 0xF3 -> begin(b, 1, sink);
            case 0xF2 -> begin(b, 2, sink);
            case 0xF6 -> begin(b, 0, sink);
            default -> undefinedStatus++;   // 0xF4, 0xF5, and 0xF7 outside a SysEx
        }
    }

    private void begin(int status, int dataLength, Sink sink) {
        if (dataLength == 0) {
            messages++;
            sink.shortMessage(status, 0, 0);
            return;
        }
        pendingStatus = status;
        needed = dataLength;
        have = 0;
    }

    private void data(int b, Sink sink) {
        if (pendingStatus == 0) {
            if (runningStatus == 0) {
                strayDataBytes++;
                return;
            }
            pendingStatus = runningStatus;
            needed = channelDataLength(runningStatus);
            have = 0;
        }
        if (have == 0) {
            data1 = b;
            have = 1;
            if (needed == 1) complete(pendingStatus, b, 0, sink);
        } else {
            complete(pendingStatus, data1, b, sink);
        }
    }

    private void complete(int status, int d1, int d2, Sink sink) {
        pendingStatus = 0;
        messages++;
        sink.shortMessage(status, d1, d2);
    }

    private void sysExByte(int b) {
        if (sysExOverflowed) return;
        if (sysExLength == sysEx.length - 1) {   // keep room for the closing 0xF7
            sysExOverflowed = true;
            return;
        }
        sysEx[sysExLength++] = (byte) b;
    }

    private void endSysEx(Sink sink) {
        inSysEx = false;
        if (sysExOverflowed) {
            oversizeSysEx++;
            return;
        }
        sysEx[sysExLength++] = (byte) SYSEX_END;
        sysExMessages++;
        sink.sysEx(sysEx, 0, sysExLength);
    }

    /**
     * Drops an open SysEx (counted in {@link #truncatedSysEx()}) without ending it, as when a network sender cancels a
     * segmented SysEx. Does nothing if none is open.
     */
    public void cancelSysEx() {
        if (!inSysEx) return;
        inSysEx = false;
        truncatedSysEx++;
    }

    /** Forgets running status and drops an incomplete channel or system-common message (counted); an open SysEx stays open. */
    public void clearRunningStatus() {
        if (pendingStatus != 0) {
            truncated++;
            pendingStatus = 0;
        }
        runningStatus = 0;
    }

    /** Back to the initial state, as when a stream ends: anything incomplete is dropped and counted. */
    public void reset() {
        clearRunningStatus();
        cancelSysEx();
    }

    /** Whether a SysEx has begun and not yet ended. */
    public boolean inSysEx() {
        return inSysEx;
    }

    /** The number of data bytes a channel message with this status byte (0x80..0xEF) carries. */
    public static int channelDataLength(int status) {
        int kind = status & 0xF0;
        return kind == 0xC0 || kind == 0xD0 ? 1 : 2;
    }

    /** Short messages delivered (channel, system common and real-time). */
    public long messages() {
        return messages;
    }

    /** SysEx messages delivered. */
    public long sysExMessages() {
        return sysExMessages;
    }

    /** Channel or system-common messages dropped because a status byte came before their last data byte. */
    public long truncated() {
        return truncated;
    }

    /** Data bytes dropped because no status applied to them. */
    public long strayDataBytes() {
        return strayDataBytes;
    }

    /** SysEx messages skipped because they did not fit the buffer. */
    public long oversizeSysEx() {
        return oversizeSysEx;
    }

    /** SysEx messages dropped because a status byte other than 0xF7 ended them, or they were cancelled. */
    public long truncatedSysEx() {
        return truncatedSysEx;
    }

    /** Undefined status bytes (0xF4, 0xF5, 0xF9, 0xFD) and 0xF7 bytes outside a SysEx, ignored. */
    public long undefinedStatus() {
        return undefinedStatus;
    }

    /** Calls with a null buffer or sink or a range outside the buffer, ignored. */
    public long invalidCalls() {
        return invalidCalls;
    }

    /** Every fault counted so far: the sum of the error counters. */
    public long errors() {
        return truncated + strayDataBytes + oversizeSysEx + truncatedSysEx + undefinedStatus + invalidCalls;
    }
}
