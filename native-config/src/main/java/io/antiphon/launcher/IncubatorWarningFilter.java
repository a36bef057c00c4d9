package io.antiphon.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Copies the child JVM's stderr to the launcher's, dropping the one line the JVM prints for the Vector API module the
 * child needs ({@value #WARNING}): a user sees no JDK warning on any command. Only a first line that is exactly that
 * is dropped; everything else passes byte for byte as it arrives (a status line rewritten with {@code \r} included).
 */
final class IncubatorWarningFilter implements Runnable {

    static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final byte[] LINE = WARNING.getBytes(StandardCharsets.US_ASCII);

    private final InputStream from;
    private final OutputStream to;

    IncubatorWarningFilter(InputStream from, OutputStream to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        byte[] head = new byte[LINE.length + 2];   // the warning and its line end (\n, or \r\n)
        int headLength = 0;
        boolean deciding = true;
        try {
            for (int n; (n = from.read(buffer)) > 0; ) {
                int off = 0;
                while (deciding && off < n) {
                    head[headLength++] = buffer[off++];
                    Verdict verdict = verdict(head, headLength);
                    if (verdict == Verdict.UNDECIDED) continue;
                    if (verdict == Verdict.OTHER) to.write(head, 0, headLength);
                    deciding = false;
                }
                if (off < n) to.write(buffer, off, n - off);
                to.flush();
            }
            if (deciding && headLength > 0) to.write(head, 0, headLength);   // the child ended inside its first line
            to.flush();
        } catch (IOException e) {
            // the child or our stderr closed: nothing left to pass on
        }
    }

    enum Verdict { UNDECIDED, WARNING_LINE, OTHER }

    /** What the first {@code length} bytes of the child's stderr are. */
    static Verdict verdict(byte[] head, int length) {
        int prefix = Math.min(length, LINE.length);
        if (!Arrays.equals(head, 0, prefix, LINE, 0, prefix)) return Verdict.OTHER;
        if (length <= LINE.length) return Verdict.UNDECIDED;
        byte next = head[LINE.length];
        if (next == '\n') return Verdict.WARNING_LINE;
        if (next != '\r') return Verdict.OTHER;
        if (length == LINE.length + 1) return Verdict.UNDECIDED;
        return head[LINE.length + 1] == '\n' ? Verdict.WARNING_LINE : Verdict.OTHER;
    }
}
