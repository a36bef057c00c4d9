package io.antiphon.cli;

import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon presets}: lists the shipped presets with their bundles and evaluation metrics. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the shipped presets, their model bundles and test-split metrics.")
final class PresetsCommand implements Callable<Integer> {

    /** The folder of the repository that ships the presets (the presets module's resources). */
    static final String SHIPPED_IN = "presets/src/main/resources/io/antiphon/presets/";

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    private static long size(PresetEntry entry) throws java.io.IOException {
        try (java.io.InputStream in = entry.openBundle()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PresetEntry entry : PresetCatalogue.builtIn()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", entry.preset().name());
            row.put("description", entry.preset().description());
            // Where the bundle is kept in the repository; the jar carries the same file at bundle_url.
            row.put("bundle", SHIPPED_IN + entry.preset().name() + "/" + entry.preset().bundle());
            row.put("bundle_url", entry.bundlePath());
            row.put("bundle_bytes", size(entry));
            row.put("preset", entry.location());
            row.putAll(entry.evaluation());
            row.put("parameters", entry.preset().parameters());
            rows.add(row);
        }
        if (json) {
            System.out.println(Json.pretty(rows));
            return 0;
        }
        for (Map<String, Object> row : rows) {
            System.out.printf("%-10s %s%n", row.get("name"), row.get("description"));
            System.out.printf("%-10s bundle %s%n", "", row.get("bundle"));
            if (row.containsKey("baseline_nll")) {
                System.out.printf("%-10s %s test: frame NLL %.3f nats (key-frequency baseline %.3f)%n", "",
                        row.get("corpus"), num(row.get("nll")), num(row.get("baseline_nll")));
            } else if (row.containsKey("nll")) {
                System.out.printf("%-10s %s test: NLL %.3f (Markov %.3f), accuracy %.3f, pitch accuracy %.3f%n", "",
                        row.get("corpus"), num(row.get("nll")), num(row.get("markov_nll")), num(row.get("accuracy")), num(row.get("pitch_accuracy")));
            }
        }
        return 0;
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
