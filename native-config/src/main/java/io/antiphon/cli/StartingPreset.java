package io.antiphon.cli;

import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The shipped preset a folder of the user's own music is fine-tuned from when {@code --from} names none: of the shipped
 * presets whose model is of the kind being trained (event models for {@code train}, piano-roll models for
 * {@code train-roll}), the one that already predicts the folder's training part best, i.e. with the lowest mean
 * negative log-likelihood on it before any training. That is the preset whose music is most like the folder's, measured
 * by the models themselves on the user's notes.
 *
 * @param entry  the chosen preset
 * @param bundle its model
 * @param scores every candidate's score on the folder (lower is better), by preset name, in catalogue order
 */
record StartingPreset(PresetEntry entry, ModelBundle bundle, Map<String, Double> scores) {

    /**
     * @param kind  the model kind being trained
     * @param score a candidate's mean NLL on the folder's training part (in the unit the kind is scored in)
     */
    static StartingPreset closest(BundleKind kind, ToDoubleFunction<ModelBundle> score) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        PresetEntry best = null;
        ModelBundle bestBundle = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (PresetEntry entry : PresetCatalogue.builtIn()) {
            if (entry.preset().harmonizes() != (kind == BundleKind.PIANO_ROLL)) continue;
            ModelBundle bundle = ModelSource.load(entry, kind);
            double s = score.applyAsDouble(bundle);
            scores.put(entry.preset().name(), s);
            if (s < bestScore) {
                bestScore = s;
                best = entry;
                bestBundle = bundle;
            }
        }
        if (best == null) throw new IllegalStateException("no shipped preset has " + kind.description() + " to start from; use --from-scratch");
        return new StartingPreset(best, bestBundle, scores);
    }

    /** The candidates' scores for people, e.g. {@code folk 1.32, chorale 2.10}, best first. */
    String describeScores() {
        StringBuilder s = new StringBuilder();
        scores.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            if (s.length() > 0) s.append(", ");
            s.append(e.getKey()).append(String.format(java.util.Locale.ROOT, " %.3f", e.getValue()));
        });
        return s.toString();
    }
}
