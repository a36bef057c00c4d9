package io.antiphon.cli;

import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import io.antiphon.presets.PresetException;
import io.antiphon.presets.UserPresetFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon presets}: lists the shipped presets and the user's own, with the mode each serves and its metrics. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the presets: the shipped ones, then your own (from antiphon train, train-roll or presets import),",
                "with the Program Change number that selects each while playing, the mode each serves and its test metrics."},
        subcommands = {PresetsExportCommand.class, PresetsImportCommand.class})
final class PresetsCommand implements Callable<Integer> {

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
        List<String> names = PresetCatalogue.names();
        for (int program = 0; program < names.size(); program++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", names.get(program));
            row.put("program", program);
            try {
                PresetEntry entry = PresetCatalogue.find(names.get(program));
                row.put("origin", entry.origin() == PresetEntry.Origin.SHIPPED ? "shipped" : "yours");
                row.put("modes", entry.preset().harmonizes() ? List.of("harmonize") : List.of("call", "jam"));
                row.put("description", entry.preset().description());
                if (entry.origin() != PresetEntry.Origin.SHIPPED) row.put("folder", UserPresetFolder.of(names.get(program)).toString());
                row.put("bundle_bytes", size(entry));
                row.putAll(entry.evaluation());
                row.put("parameters", entry.preset().parameters());
            } catch (PresetException e) {
                row.put("origin", "yours");
                row.put("folder", UserPresetFolder.of(names.get(program)).toString());
                row.put("error", e.getMessage());
            }
            rows.add(row);
        }
        if (json) {
            System.out.println(Json.pretty(rows));
            return 0;
        }
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("name");
            if (row.containsKey("error")) {
                System.out.printf("%-13s cannot be used: %s%n", name, row.get("error"));
                continue;
            }
            System.out.printf("%-13s %s%n", name, row.get("description"));
            System.out.printf("%-13s %s, %s; Program Change %d%s%n", "", row.get("origin"),
                    "modes " + String.join(", ", castList(row.get("modes"))), (Integer) row.get("program"),
                    row.containsKey("folder") ? "; in " + row.get("folder") : "");
            if (row.containsKey("baseline_nll")) {
                System.out.printf("%-13s %s test: frame NLL %.3f nats (key-frequency baseline %.3f)%n", "",
                        row.get("corpus"), num(row.get("nll")), num(row.get("baseline_nll")));
            } else if (row.containsKey("nll")) {
                System.out.printf("%-13s %s test: NLL %.3f (Markov %.3f), accuracy %.3f, pitch accuracy %.3f%n", "",
                        row.get("corpus"), num(row.get("nll")), num(row.get("markov_nll")), num(row.get("accuracy")), num(row.get("pitch_accuracy")));
            }
        }
        System.out.println("your presets are kept in " + UserPresetFolder.path() + " (set " + UserPresetFolder.ENVIRONMENT_VARIABLE + " to move them)");
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
