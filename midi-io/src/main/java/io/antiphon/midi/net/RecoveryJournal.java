package io.antiphon.midi.net;

/**
 * The recovery journal of RFC 6295 §5 and Appendix A, read as far as Antiphon uses it: checked for being well formed
 * and skipped, and, after a lost packet, searched for the note-offs the loss may have swallowed (chapter N's
 * OFFBITS), so that a key released during the loss does not stay down. Antiphon sends no journal. Layout:
 * <pre>
 *   journal header:  S Y A H TOTCHAN(4) | checkpoint sequence number (16)                        3 bytes
 *   system journal (if Y):   S D V Q F X LENGTH(10) | chapters ...       LENGTH counts its own header
 *   channel journals (if A), TOTCHAN+1 of them:  S CHAN(4) H LENGTH(10) | P C M W N E T A | chapters in that order
 *   chapter P: 3 bytes;  C: S LEN(7), then LEN+1 two-byte logs;  M: S P E U W Z LENGTH(10), LENGTH in all;  W: 2 bytes
 *   chapter N: B LEN(7) | LOW(4) HIGH(4) | LEN two-byte note logs (128 if LEN = 127, LOW = 15, HIGH = 0)
 *              | HIGH-LOW+1 OFFBITS bytes when LOW <= HIGH: byte k covers notes 8(LOW+k) .. 8(LOW+k)+7, high bit first
 * </pre>
 * Never throws and never allocates for any bytes inside the array.
 */
public final class RecoveryJournal {

    /** Hears the notes a journal says were released. */
    public interface ReleasedNotes {
        void released(int channel, int note);
    }

    private RecoveryJournal() {
    }

    /**
     * The length of the journal that starts at {@code buf[off]} and must end by {@code end}, or -1 if it is
     * malformed: truncated, a system journal shorter than its header, or a channel journal shorter than its
     * header or running past the end.
     */
    public static int length(byte[] buf, int off, int end) {
        return walk(buf, off, end, null);
    }

    /**
     * Like {@link #length}, and hands every note that a channel journal's chapter N marks as released (OFFBITS) to
     * {@code released}. A chapter that does not fit its channel journal makes the journal malformed (-1); notes
     * reported before that stay reported.
     */
    public static int releasedNotes(byte[] buf, int off, int end, ReleasedNotes released) {
        return walk(buf, off, end, released);
    }

    private static int walk(byte[] buf, int off, int end, ReleasedNotes released) {
        if (buf == null || off < 0 || end > buf.length || end - off < 3) return -1;
        int header = buf[off] & 0xFF;
        boolean system = (header & 0x40) != 0;
        boolean channels = (header & 0x20) != 0;
        int totalChannels = (header & 0x0F) + 1;
        int pos = off + 3;
        if (system) {
            if (end - pos < 2) return -1;
            int length = ((buf[pos] & 0x03) << 8) | (buf[pos + 1] & 0xFF);
            if (length < 2 || length > end - pos) return -1;
            pos += length;
        }
        if (channels) {
            for (int i = 0; i < totalChannels; i++) {
                if (end - pos < 3) return -1;
                int length = ((buf[pos] & 0x03) << 8) | (buf[pos + 1] & 0xFF);
                if (length < 3 || length > end - pos) return -1;
                if (released != null && !noteOffs(buf, pos, pos + length, released)) return -1;
                pos += length;
            }
        }
        return pos - off;
    }

    /** Reports chapter N's released notes of the channel journal in {@code buf[from, to)}; false if a chapter overruns it. */
    private static boolean noteOffs(byte[] buf, int from, int to, ReleasedNotes released) {
        int channel = (buf[from] >>> 3) & 0x0F;
        int chapters = buf[from + 2] & 0xFF;
        if ((chapters & 0x08) == 0) return true;           // no chapter N
        int pos = from + 3;
        if ((chapters & 0x80) != 0) pos += 3;              // P
        if ((chapters & 0x40) != 0) {                      // C
            if (pos >= to) return false;
            pos += 1 + 2 * ((buf[pos] & 0x7F) + 1);
        }
        if ((chapters & 0x20) != 0) {                      // M
            if (to - pos < 2) return false;
            int length = ((buf[pos] & 0x03) << 8) | (buf[pos + 1] & 0xFF);
            if (length < 2) return false;
            pos += length;
        }
        if ((chapters & 0x10) != 0) pos += 2;              // W
        if (to - pos < 2) return false;
        int logs = buf[pos] & 0x7F;
        int low = (buf[pos + 1] >>> 4) & 0x0F;
        int high = buf[pos + 1] & 0x0F;
        if (logs == 127 && low == 15 && high == 0) logs = 128;
        pos += 2 + 2 * logs;
        if (low > high) return pos <= to;
        int offBytes = high - low + 1;
        if (to - pos < offBytes) return false;
        for (int k = 0; k < offBytes; k++) {
            int bits = buf[pos + k] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                if ((bits & (0x80 >>> bit)) != 0) released.released(channel, 8 * (low + k) + bit);
            }
        }
        return true;
    }
}
