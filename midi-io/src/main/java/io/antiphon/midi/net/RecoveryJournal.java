package io.antiphon.midi.net;

/**
 * The recovery journal of RFC 6295 §5, read only as far as needed to check that it is well formed and to skip it:
 * Antiphon sends no journal and recovers from loss by releasing the keys a lost session held, not by replaying
 * chapters. Layout:
 * <pre>
 *   journal header:  S Y A H TOTCHAN(4) | checkpoint sequence number (16)                        3 bytes
 *   system journal (if Y):   S D V Q F X LENGTH(10) | chapters ...       LENGTH counts its own header
 *   channel journals (if A), TOTCHAN+1 of them:  S CHAN(4) H LENGTH(10) | P C M W N E T A | chapters ...
 * </pre>
 */
public final class RecoveryJournal {

    private RecoveryJournal() {
    }

    /**
     * The length of the journal that starts at {@code buf[off]} and must end by {@code end}, or -1 if it is
     * malformed: truncated, a system journal shorter than its header, or a channel journal shorter than its
     * header or running past the end. Never throws for offsets inside the array.
     */
    public static int length(byte[] buf, int off, int end) {
        if (off < 0 || end > buf.length || end - off < 3) return -1;
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
                pos += length;
            }
        }
        return pos - off;
    }
}
