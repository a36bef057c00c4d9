package io.antiphon.engine.study;

import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.token.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Temperature's effect on what an event-token model plays: for each held-out piece, the model hears the piece's
 * first {@code primerTokens} tokens and generates {@code tokens} more at each temperature (seeded); the generated
 * onsets are measured by {@link GenerationStatistics}, beside the same statistics of the held-out pieces themselves.
 */
public final class EventTemperatureStudy {

    private EventTemperatureStudy() {
    }

    /**
     * @return the statistics per temperature, in the order given, and under the key {@code "held-out music"} those
     *         of the pieces themselves
     */
    public static Map<String, GenerationStatistics> run(StepModel model, List<Piece> pieces, double[] temperatures,
                                                        int primerTokens, int tokens, long seed) {
        List<int[]> primers = new ArrayList<>();
        List<int[]> reference = new ArrayList<>();
        for (Piece piece : pieces) {
            int[] all = piece.tokens();
            if (all.length <= primerTokens) continue;
            primers.add(Arrays.copyOf(all, primerTokens));
            reference.add(onsetPitches(all));
        }
        Map<String, GenerationStatistics> result = new LinkedHashMap<>();
        result.put("held-out music", GenerationStatistics.of(reference));
        for (double temperature : temperatures) {
            Sampler sampler = new Sampler(seed);
            List<int[]> generated = new ArrayList<>(primers.size());
            for (int[] primer : primers) generated.add(EventGeneration.onsets(model, primer, tokens, temperature, sampler));
            result.put(TemperatureLabel.of(temperature), GenerationStatistics.of(generated));
        }
        return result;
    }

    static int[] onsetPitches(int[] tokens) {
        return Arrays.stream(tokens).filter(Vocabulary::isNoteOn).map(Vocabulary::pitch).toArray();
    }
}
