package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a piano-roll model on a corpus split with the benchmark's frame NLL ({@link FrameNll}), beside the
 * {@link KeyFrequencyBaseline} fitted on the same corpus's training split, on the same frames.
 */
public final class RollEvaluation {

    private RollEvaluation() {
    }

    /**
     * The evaluation's numbers.
     *
     * @param corpus      corpus name
     * @param split       split scored
     * @param pieces      pieces in the split
     * @param frames      predicted frames (T-1 per piece)
     * @param nll         the model's NLL per predicted frame, nats
     * @param baselineNll the key-frequency baseline's NLL on the same frames
     */
    public record Result(String corpus, Split split, int pieces, long frames, double nll, double baselineNll) {

        /** Relative NLL reduction against the baseline (0.25 = 25 % lower). */
        public double nllReductionVsBaseline() {
            return 1.0 - nll / baselineNll;
        }

        /** The report, with the keys {@code antiphon eval-roll --json} prints. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("corpus", corpus);
            json.put("split", split.name().toLowerCase(Locale.ROOT));
            json.put("pieces", pieces);
            json.put("frames", frames);
            json.put("nll", nll);
            json.put("baseline_nll", baselineNll);
            json.put("baseline_model", KeyFrequencyBaseline.NAME);
            json.put("nll_reduction_vs_baseline", nllReductionVsBaseline());
            Map<String, Double> published = PublishedResults.testNll(corpus);
            if (split == Split.TEST && !published.isEmpty()) json.put("published_test_nll", published);
            return json;
        }
    }

    /**
     * @throws IllegalArgumentException if the bundle's frames are not the corpus's (e.g. a JSB quarter-note model on
     *                                  the eighth-note Nottingham rolls)
     */
    public static Result run(ModelBundle bundle, RollCorpus corpus, Split split) throws IOException {
        BundleMetadata metadata = bundle.metadata();
        int modelRate = RollBundles.framesPerQuarter(metadata);
        if (modelRate != corpus.framesPerQuarter()) {
            throw new IllegalArgumentException("the model was trained on " + modelRate + " frame(s) per quarter note (corpus "
                    + metadata.corpus() + ") but the " + corpus.name() + " rolls have " + corpus.framesPerQuarter() + ".");
        }
        List<RollPiece> pieces = corpus.pieces(split);
        if (pieces.isEmpty()) throw new IOException("corpus " + corpus.name() + " has no " + split.name().toLowerCase(Locale.ROOT) + " pieces");
        FrameNll.Score model = FrameNll.score(bundle.network(), pieces);
        FrameNll.Score baseline = KeyFrequencyBaseline.fit(corpus.pieces(Split.TRAIN)).score(pieces);
        return new Result(corpus.name(), split, pieces.size(), model.frames(), model.mean(), baseline.mean());
    }
}
