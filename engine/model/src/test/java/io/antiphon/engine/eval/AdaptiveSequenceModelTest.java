package io.antiphon.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class AdaptiveSequenceModelTest {

    /** Pieces of a random four-bar melody played twice (AA), as folk tunes repeat: what a session memory can learn. */
    private static List<int[]> repeatedPieces(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> pieces = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<Integer> section = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                int pitch = 60 + random.nextInt(12);
                section.add(Vocabulary.noteOn(pitch));
                section.add(Vocabulary.timeShift(random.nextBoolean() ? 12 : 24));
                section.add(Vocabulary.noteOff(pitch));
            }
            int[] piece = new int[2 * section.size()];
            for (int i = 0; i < piece.length; i++) piece[i] = section.get(i % section.size());
            pieces.add(piece);
        }
        return pieces;
    }

    @Test
    void learningTheSessionLowersTheNllOnPiecesThatRepeat() {
        List<int[]> training = repeatedPieces(1, 30);
        List<int[]> held = repeatedPieces(2, 10);
        MarkovBaseline trained = MarkovBaseline.train(training, 2);

        EvaluationMetrics alone = EvaluationMetrics.evaluate(trained, held);
        EvaluationMetrics adaptive = EvaluationMetrics.evaluate(new AdaptiveSequenceModel(trained, 1.0), held);
        EvaluationMetrics off = EvaluationMetrics.evaluate(new AdaptiveSequenceModel(trained, 0.0), held);

        assertThat(adaptive.tokens()).isEqualTo(alone.tokens());
        assertThat(adaptive.nll()).isLessThan(0.7 * alone.nll());
        assertThat(off.nll()).isEqualTo(alone.nll(), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void eachPieceIsAFreshSession() {
        MarkovBaseline trained = MarkovBaseline.train(repeatedPieces(1, 10), 2);
        AdaptiveSequenceModel adaptive = new AdaptiveSequenceModel(trained, 1.0);
        int[] piece = repeatedPieces(5, 1).get(0);

        float[][] first = adaptive.predict(piece);
        adaptive.predict(repeatedPieces(6, 1).get(0));
        float[][] again = adaptive.predict(piece);

        for (int t = 0; t < first.length; t++) assertThat(again[t]).containsExactly(first[t]);
    }

    @Test
    void adaptOutsideZeroToOneIsRefused() {
        MarkovBaseline trained = MarkovBaseline.train(repeatedPieces(1, 3), 2);
        assertThatThrownBy(() -> new AdaptiveSequenceModel(trained, 1.5)).hasMessageContaining("within 0..1");
    }
}
