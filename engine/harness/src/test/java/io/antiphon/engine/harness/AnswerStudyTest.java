package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class AnswerStudyTest {

    /** A two-bar motif in eighths stated twice, transposed per call: the call that states a motif twice. */
    private static List<TimedNote> motifTwice(int[] motif, int root) {
        List<TimedNote> call = new ArrayList<>();
        long tick = 0;
        for (int time = 0; time < 2; time++) {
            for (int step : motif) {
                call.add(new TimedNote(root + step, 80, tick, tick + 10));
                tick += 12;
            }
        }
        return call;
    }

    @Test
    void theShareCountsTheAnswersIntervalGramsFoundInTheCall() {
        int[] call = {60, 62, 64, 65, 67};        // +2 +2 +1 +2
        int[] answer = {50, 52, 54, 55, 50, 51};  // +2 +2 +1 | +2 +1 -5 | +1 -5 +1 : one of three 3-grams found

        assertThat(MotifShare.intervalShare(call, answer, 3)).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(MotifShare.intervalShare(call, new int[] {60}, 3)).isNaN();
        assertThat(MotifShare.keyShare(new int[] {60, 62, 64, 65, 67, 69, 71}, new int[] {60, 61, 62, 64})).isCloseTo(0.75, offset(1e-9));
    }

    @Test
    void withTheSessionsLearningAnswersReuseMoreOfTheCall() {
        List<List<TimedNote>> calls = List.of(
                motifTwice(new int[] {0, 4, 7, 5, 4, 2, 0, 2, 4, 0, 7, 12}, 60),
                motifTwice(new int[] {0, 2, 3, 5, 7, 5, 3, 2, 0, -5, 0, 3}, 57),
                motifTwice(new int[] {7, 5, 4, 2, 0, 2, 4, 5, 7, 9, 7, 4}, 62));
        PerformerParameters parameters = new PerformerParameters();

        AnswerStudy.Result result = AnswerStudy.run(
                () -> RandomWeights.eventKernel(Vocabulary.SIZE, 1, 48, 7L, 0.3), parameters, calls, 4, 1.0);

        assertThat(result.adapted().answers()).isEqualTo(12);
        assertThat(result.adapted().answerNotes()).isGreaterThan(4);
        assertThat(result.adapted().motifs3()).isGreaterThan(result.trained().motifs3() + 0.05);
        assertThat(result.toMap()).containsKeys("motif3_share_adapted", "motif3_share_static", "key_share_adapted");
    }
}
