package io.antiphon.midi.net;

import io.antiphon.midi.MidiByteParser;

/**
 * Decodes RTP packets carrying MIDI (RFC 6295) from one sender, in arrival order, into MIDI messages.
 *
 * <p>Packet: the RTP header (RFC 3550: version 2, padding, extension, CSRCs are honoured), then the MIDI command
 * section {@code B J Z P LEN(4 or 12 bits)} and its MIDI list (delta time, command, delta time, command, ...; the
 * first delta time only when Z is set), then the recovery journal when J is set ({@link RecoveryJournal}: checked
 * and skipped; after a lost packet, the notes it marks as released are handed over first, see the constructor). Commands are handed, in order, to a {@link MidiByteParser}, which holds the stream's state:
 * <ul>
 *   <li>running status: each list starts without one; a channel command without a status byte takes that of the
 *       latest channel command of the same list (system commands do not cancel it within a list, which accepts
 *       both readings of the rule); a list whose first channel command lacks a status byte is malformed;</li>
 *   <li>SysEx segments across packets: {@code F0 ... F0} begins, {@code F7 ... F0} continues,
 *       {@code F7 ... F7} ends, {@code ... F4} cancels; a whole {@code F0 ... F7} is delivered at once;</li>
 *   <li>real-time commands (one byte) and real-time bytes inside a SysEx pass through.</li>
 * </ul>
 * Delta times are read and checked but not used: Antiphon stamps messages when they arrive.
 *
 * <p>A packet older than the newest seen (by 16-bit sequence number arithmetic) is dropped as late or duplicated,
 * unless {@value #RESYNC_AFTER_LATE} arrive in a row (the sender restarted its numbering); gaps are counted as lost
 * packets. Nothing here throws or allocates for any input; every fault is counted and the
 * rest of the packet is skipped (messages before the fault are delivered). Not thread-safe: one receive thread.
 */
public final class RtpMidiDecoder {

    /** The fixed RTP header's size. */
    public static final int RTP_HEADER = 12;
    /** After this many "late" packets in a row the sender is taken to have restarted its sequence numbers. */
    static final int RESYNC_AFTER_LATE = 8;

    private final MidiByteParser parser;
    private final RecoveryJournal.ReleasedNotes afterLoss;
    private boolean started;
    private int lastSequence;
    private int lateInARow;
    private int sequence;
    private long timestamp;
    private int ssrc;

    private volatile long packets;
    private volatile long malformedPackets;
    private volatile long malformedLists;
    private volatile long malformedJournals;
    private volatile long orphanSegments;
    private volatile long latePackets;
    private volatile long lostPackets;

    /** A decoder whose parser accepts SysEx of up to {@code maxSysExBytes} bytes, ignoring what journals say. */
    public RtpMidiDecoder(int maxSysExBytes) {
        this(maxSysExBytes, null);
    }

    /**
     * A decoder that, when a packet follows a loss, first hands the notes its journal marks as released (chapter N)
     * to {@code afterLoss} (null: ignore them), before the packet's own commands.
     */
    public RtpMidiDecoder(int maxSysExBytes, RecoveryJournal.ReleasedNotes afterLoss) {
        this.parser = new MidiByteParser(maxSysExBytes);
        this.afterLoss = afterLoss;
    }

    /** The SSRC of an RTP packet, or 0 if the bytes are too short to hold one. */
    public static int ssrc(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < RTP_HEADER || off > buf.length - len) return 0;
        return SessionPacketCodec.s32(buf, off + 8);
    }

    /**
     * Decodes one packet and hands its messages to {@code sink}. Returns true if the RTP header was valid and the
     * packet was in order (its messages, up to any fault in the list, were delivered); false if it was rejected
     * whole (counted). Exceptions thrown by the sink propagate.
     */
    public boolean decode(byte[] buf, int off, int len, MidiByteParser.Sink sink) {
        if (buf == null || sink == null || off < 0 || len < 0 || off > buf.length - len) {
            malformedPackets++;
            return false;
        }
        int end = off + len;
        if (len < RTP_HEADER + 1 || (buf[off] & 0xC0) != 0x80) {
            malformedPackets++;
            return false;
        }
        int first = buf[off] & 0xFF;
        if ((first & 0x20) != 0) {                       // padding: the last byte counts the padding bytes
            int padding = buf[end - 1] & 0xFF;
            if (padding == 0 || padding > len - RTP_HEADER) {
                malformedPackets++;
                return false;
            }
            end -= padding;
        }
        int pos = off + RTP_HEADER + 4 * (first & 0x0F);  // CSRCs
        if ((first & 0x10) != 0) {                       // header extension: profile(2) length in words(2)
            if (end - pos < 4) {
                malformedPackets++;
                return false;
            }
            pos += 4 + 4 * SessionPacketCodec.u16(buf, pos + 2);
        }
        if (pos >= end) {
            malformedPackets++;
            return false;
        }
        int seq = SessionPacketCodec.u16(buf, off + 2);
        boolean lossBefore = false;
        if (started) {
            int ahead = (seq - lastSequence) & 0xFFFF;
            if ((ahead == 0 || ahead >= 0x8000) && ++lateInARow < RESYNC_AFTER_LATE) {
                latePackets++;
                return false;
            }
            if (ahead != 0 && ahead < 0x8000) {
                lostPackets += ahead - 1;
                lossBefore = ahead > 1;
            }
        }
        started = true;
        lateInARow = 0;
        lastSequence = seq;
        sequence = seq;
        timestamp = SessionPacketCodec.s32(buf, off + 4) & 0xFFFF_FFFFL;
        ssrc = SessionPacketCodec.s32(buf, off + 8);
        packets++;

        int flags = buf[pos] & 0xFF;
        int listLength = flags & 0x0F;
        pos++;
        if ((flags & 0x80) != 0) {
            if (pos >= end) {
                malformedLists++;
                return true;
            }
            listLength = (listLength << 8) | (buf[pos++] & 0xFF);
        }
        int listEnd = pos + listLength;
        if (listLength > end - pos) {
            malformedLists++;
            return true;
        }
        boolean journal = (flags & 0x40) != 0;
        if (journal && lossBefore && afterLoss != null) {
            // the journal tells the state before this packet: repair first, then play the packet's own commands
            if (RecoveryJournal.releasedNotes(buf, listEnd, end, afterLoss) < 0) malformedJournals++;
            journal = false;
        }
        if (!decodeList(buf, pos, listEnd, (flags & 0x20) != 0, sink)) malformedLists++;
        if (journal && RecoveryJournal.length(buf, listEnd, end) < 0) malformedJournals++;
        return true;
    }

    private boolean decodeList(byte[] buf, int pos, int end, boolean firstHasDelta, MidiByteParser.Sink sink) {
        int runningStatus = 0;
        boolean first = true;
        while (pos < end) {
            if (!first || firstHasDelta) {
                int octets = 0;
                while (true) {
                    if (pos >= end) return true;            // a final delta time with no command is legal
                    int b = buf[pos++] & 0xFF;
                    octets++;
                    if ((b & 0x80) == 0) break;
                    if (octets == 4) return false;          // delta times are at most four octets
                }
                if (pos >= end) return true;
            }
            first = false;
            int b = buf[pos] & 0xFF;
            if (b >= 0xF8) {
                parser.parse(b, sink);
                pos++;
            } else if (b == 0xF0 || b == 0xF7) {
                pos = sysExSegment(buf, pos, end, sink);
            } else if (b >= 0x80) {
                int length = 1 + commandDataLength(b);
                if (length > end - pos || !dataBytes(buf, pos + 1, length - 1)) return false;
                if (b < 0xF0) runningStatus = b;
                parser.parse(buf, pos, length, sink);
                pos += length;
            } else {
                if (runningStatus == 0) return false;
                int length = MidiByteParser.channelDataLength(runningStatus);
                if (length > end - pos || !dataBytes(buf, pos, length)) return false;
                parser.parse(runningStatus, sink);
                parser.parse(buf, pos, length, sink);
                pos += length;
            }
        }
        return true;
    }

    /** Handles one SysEx segment starting at {@code buf[pos]} (0xF0 or 0xF7); returns the position after it. */
    private int sysExSegment(byte[] buf, int pos, int end, MidiByteParser.Sink sink) {
        int lead = buf[pos] & 0xFF;
        int j = pos + 1;
        while (j < end) {
            int c = buf[j] & 0xFF;
            if (c >= 0x80 && c < 0xF8) break;
            j++;
        }
        int terminator = j < end ? buf[j] & 0xFF : -1;
        boolean ends = terminator == 0xF0 || terminator == 0xF7 || terminator == 0xF4;
        int after = ends ? j + 1 : j;     // a dropped-0xF7 SysEx ends before the next status byte
        if (lead == 0xF0) {
            if (parser.inSysEx()) parser.cancelSysEx();
            if (terminator == 0xF4) {
                orphanSegments++;         // begun and cancelled in one: nothing to deliver
                return after;
            }
            parser.parse(buf, pos, (terminator == 0xF7 ? after : j) - pos, sink);
            return after;
        }
        if (!parser.inSysEx()) {          // a continuation (0xF7 ...) with no SysEx begun: its start was lost
            orphanSegments++;
            return after;
        }
        if (terminator == 0xF4) {
            parser.cancelSysEx();
            return after;
        }
        parser.parse(buf, pos + 1, (terminator == 0xF7 ? after : j) - pos - 1, sink);
        return after;
    }

    private static boolean dataBytes(byte[] buf, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (buf[i] < 0) return false;
        }
        return true;
    }

    /** Data bytes after a status byte other than 0xF0/0xF7 in a MIDI list (undefined 0xF4/0xF5 have none). */
    private static int commandDataLength(int status) {
        if (status < 0xF0) return MidiByteParser.channelDataLength(status);
        return switch (status) {
            case 0xF1, 0xF3 -> 1;
            case 0xF2 -> 2;
            default -> 0;
        };
    }

    /** Forgets the sequence history and drops any open SysEx, as for a new session. */
    public void reset() {
        started = false;
        parser.reset();
    }

    /** RTP sequence number of the last packet accepted. */
    public int sequence() {
        return sequence;
    }

    /** RTP timestamp of the last packet accepted. */
    public long timestamp() {
        return timestamp;
    }

    /** SSRC of the last packet accepted. */
    public int lastSsrc() {
        return ssrc;
    }

    /** The byte parser holding this stream's state and its own fault counters. */
    public MidiByteParser parser() {
        return parser;
    }

    public long packets() {
        return packets;
    }

    /** Packets rejected whole: not RTP version 2, too short, bad padding or extension. */
    public long malformedPackets() {
        return malformedPackets;
    }

    /** MIDI lists cut short by a fault (length past the packet, a truncated command, a missing status). */
    public long malformedLists() {
        return malformedLists;
    }

    /** Recovery journals that did not parse (the packet's commands were still delivered). */
    public long malformedJournals() {
        return malformedJournals;
    }

    /** SysEx continuations whose beginning never arrived, and SysEx segments that cancel themselves. */
    public long orphanSegments() {
        return orphanSegments;
    }

    /** Packets dropped because a newer one had already arrived (late, duplicated or replayed). */
    public long latePackets() {
        return latePackets;
    }

    /** Sequence numbers skipped: packets presumed lost. */
    public long lostPackets() {
        return lostPackets;
    }

    /** Every fault counted here and in the byte parser. */
    public long errors() {
        return malformedPackets + malformedLists + malformedJournals + orphanSegments + latePackets + parser.errors();
    }
}
