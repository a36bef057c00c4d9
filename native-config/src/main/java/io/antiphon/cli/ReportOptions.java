package io.antiphon.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The options every measuring command shares (a picocli mixin): which preset is measured, the seed, and whether the
 * report is JSON or text. The text is the same report as the JSON, one figure per line with dotted keys for nested figures.
 */
final class ReportOptions {

    @Option(names = "--preset", defaultValue = "chorale",
            description = "Preset measured: a shipped or user preset's name, a preset .json file or a bundle (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated player and the sampler (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    /** Prints {@code report} as JSON or as aligned text lines, as asked. */
    void print(Map<String, Object> report) {
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            int width = keyWidth(report, "");
            printText(System.out, report, "", width);
        }
    }

    private static int keyWidth(Map<?, ?> map, String prefix) {
        int width = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            width = Math.max(width, entry.getValue() instanceof Map<?, ?> nested ? keyWidth(nested, key + ".") : key.length());
        }
        return width;
    }

    private static void printText(PrintStream out, Map<?, ?> map, String prefix, int width) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                printText(out, nested, key + ".", width);
            } else {
                out.printf(Locale.ROOT, "%-" + width + "s  %s%n", key, text(entry.getValue()));
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof Double d) return String.format(Locale.ROOT, "%.4g", d);
        if (value instanceof Float f) return String.format(Locale.ROOT, "%.4g", f);
        return String.valueOf(value);
    }
}
