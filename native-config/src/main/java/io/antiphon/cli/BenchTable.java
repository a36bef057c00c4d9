package io.antiphon.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.antiphon.engine.harness.BenchResult;
import io.antiphon.engine.realtime.LatencyReport.Percentiles;

/** {@code bench}'s text report: a table of latencies (µs) with each path's p99 against the machine's floor. */
final class BenchTable {

    private static final String ROW = "%-34s %8s %9s %9s %9s %9s %10s%n";

    private BenchTable() {
    }

    static void print(PrintStream out, BenchResult result) {
        out.printf(Locale.ROOT, "network %s, kernel %s, latency mode %s, %s%n%n", result.network(),
                result.kernelImplementation(), result.latencyMode().id(), result.priority().sentence());
        out.printf(Locale.ROOT, ROW, "latency (µs)", "count", "p50", "p99", "p99.9", "max", "p99/floor");
        Percentiles floor = result.floor().lateness();
        row(out, "floor: a deadline met, alone", floor, floor);
        for (BenchResult.PathLatency path : result.paths()) row(out, path.label(), path.inputToOutput(), floor);
        row(out, "scheduler lateness", result.shell().schedulerLateness(), floor);
        row(out, "performer step (with work)", result.shell().performerStep(), null);
        row(out, "MIDI input callback", result.shell().midiCallback(), null);
        row(out, "kernel step", result.kernelStep(), null);
        row(out, "DL4J rnnTimeStep", result.dl4jStep(), null);
        out.println();
        out.printf(Locale.ROOT, "heap bytes per step: kernel %.2f, DL4J %.0f; performer per token %.2f%n",
                result.kernelAllocBytesPerStep(), result.dl4jAllocBytesPerStep(), result.performerAllocBytesPerToken());
        out.printf(Locale.ROOT, "unanswered inputs %d, hanging notes %d, messages sent %d, send errors %d%n", result.unanswered(),
                result.hangingNotes(), result.counters().sent(), result.counters().sendErrors());
    }

    private static void row(PrintStream out, String name, Percentiles p, Percentiles floor) {
        String ratio = floor == null ? "" : String.format(Locale.ROOT, "%.2f", BenchResult.ratio(p, floor));
        out.printf(Locale.ROOT, ROW, name, p.count(), f(p.p50()), f(p.p99()), f(p.p999()), f(p.max()), ratio);
    }

    private static String f(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros);
    }
}
