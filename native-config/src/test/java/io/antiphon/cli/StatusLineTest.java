package io.antiphon.cli;

import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LatencyReport.Percentiles;
import io.antiphon.engine.realtime.ShellCounters;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** play's status line: rewritten in place on a terminal, a plain line every ten seconds elsewhere. */
class StatusLineTest {

    private static final ShellCounters NO_COUNTS = new ShellCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final LatencyReport NOTHING_MEASURED = new LatencyReport(Percentiles.NONE, Percentiles.NONE, Percentiles.NONE, Percentiles.NONE);
    private static final long QUARTER_SECOND = TimeUnit.MILLISECONDS.toNanos(250);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalAPlainLineAtMostEveryTenSeconds() {
        StatusLine line = new StatusLine(err, false);
        PerformerStatus status = new PerformerStatus();
        for (int i = 0; i < 4 * 25; i++) line.update(status, NOTHING_MEASURED, NO_COUNTS, 5_000_000_000L + i * QUARTER_SECOND);
        line.finish();
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("\r");
        assertThat(written.lines()).as("25 s of updates four times a second: at 0, 10 and 20 s").hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("call   listening  tempo   0.0 internal stopped"));
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceAndEndedOnce() {
        StatusLine line = new StatusLine(err, true);
        PerformerStatus status = new PerformerStatus();
        for (int i = 0; i < 3; i++) line.update(status, NOTHING_MEASURED, NO_COUNTS, i * QUARTER_SECOND);
        line.finish();
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(written.chars().filter(c -> c == '\n').count()).as("one line end, after the last update").isEqualTo(1);
        assertThat(written).endsWith("   " + System.lineSeparator());
    }

    @Test
    void inToOutAppearsOnceMeasuredAndNotAsADeadField() {
        PerformerStatus status = new PerformerStatus();
        assertThat(StatusLine.format(status, NOTHING_MEASURED, NO_COUNTS)).doesNotContain("in->out");
        LatencyReport measured = new LatencyReport(Percentiles.NONE, new Percentiles(10, 300, 850, 900, 950), Percentiles.NONE, Percentiles.NONE);
        assertThat(StatusLine.format(status, measured, NO_COUNTS)).endsWith("in->out p99 850 us");
    }
}
