package io.antiphon.cli;

import io.antiphon.engine.perform.ClockSource;

import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ShellCounters;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The performer's status on stderr while {@code play} runs. On a terminal: one line rewritten in place ({@code \r}) at
 * every update. Otherwise (a log file, nohup, systemd): a plain line at most every {@link #PLAIN_INTERVAL_SECONDS}
 * seconds, so a day of playing writes kilobytes, not tens of megabytes. The clock field reads bar:beat while the
 * clock runs (with the player clock: once the player's beat is found; "listening" before); {@code in->out p99} appears once something the player did has been answered at once (thru, jam,
 * harmonize): call-and-response answers follow silence, not an input.
 */
final class StatusLine {

    static final long PLAIN_INTERVAL_SECONDS = 10;

    private final PrintStream err;
    private final boolean terminal;
    private long lastPlainNanos;
    private boolean printed;
    private boolean rewriting;

    StatusLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Shows the status as of {@code nowNanos} (any monotonic clock). */
    void update(PerformerStatus status, LatencyReport latency, ShellCounters counters, long nowNanos) {
        if (terminal) {
            err.print("\r" + format(status, latency, counters) + "   ");
            err.flush();
            rewriting = true;
            return;
        }
        if (printed && nowNanos - lastPlainNanos < TimeUnit.SECONDS.toNanos(PLAIN_INTERVAL_SECONDS)) return;
        printed = true;
        lastPlainNanos = nowNanos;
        err.println(format(status, latency, counters));
    }

    /** Ends the line being rewritten, if any, so what follows starts on a line of its own. */
    void finish() {
        if (rewriting) err.println();
        rewriting = false;
    }

    static String format(PerformerStatus s, LatencyReport latency, ShellCounters counters) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s %-10s tempo %5.1f %s %s  temp %.2f  keys %d  notes %d  answers %d",
                modeLabel(s.mode()), s.phase().name().toLowerCase(Locale.ROOT),
                s.tempoBpm(), s.clock().name().toLowerCase(Locale.ROOT), s.clockRunning() ? s.bar() + ":" + s.beat()
                        : s.clock() == ClockSource.PLAYER ? "listening" : "stopped",
                s.temperature(), s.humanKeysDown(), s.machineNotesSounding(), s.answers()));
        if (latency.inputToOutput().count() > 0) {
            line.append(String.format(Locale.ROOT, "  in->out p99 %.0f us", latency.inputToOutput().p99()));
        }
        if (counters.inputDropped() != 0) line.append("  dropped ").append(counters.inputDropped());
        if (s.clockRejectedTempos() + s.clockStalls() != 0) {
            line.append("  clock: ").append(s.clockRejectedTempos()).append(" absurd tempi ignored, ").append(s.clockStalls()).append(" stalls");
        }
        return line.toString();
    }

    private static String modeLabel(PerformerMode mode) {
        return switch (mode) {
            case CALL_AND_RESPONSE -> "call";
            case JAM -> "jam";
            case HARMONIZE -> "harm";
        };
    }
}
