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

    @Test
    void theShareCountsTheAnswersIntervalGramsFoundInTheCall() {
        int[] call = {60, 62, 64, 65, 67};        // +2 +2 +1 +2
        int[] answer = {50, 52, 54, 55, 50, 51};  // +2 +2 +1 | +2 +1 -5 | +1 -5 +1 : one of three 3-grams found

        assertThat(MotifShare.intervalShare(call, answer, 3)).isCloseTo(1 / 3.0, offset(1e-9));
        assertThat(MotifShare.intervalShare(call, new int[] {60}, 3)).isNaN();
        assertThat(MotifShare.keyShare(new int[] {60, 62, 64, 65, 67, 69, 71}, new int[] {60, 61, 62, 64})).isCloseTo(0.75, offset(1e-9));
    }

    /**
     * The motif stated, then stated again a fourth higher, as a person plays: onsets a tick off the grid now and then,
     * notes held short of their value, a crescendo.
     */
    private static List<TimedNote> motifPerformed(int[] motif, int root, java.util.SplittableRandom random) {
        List<TimedNote> call = new ArrayList<>();
        long tick = 0;
        int index = 0;
        for (int transpose : new int[] {0, 5}) {
            for (int step : motif) {
                long on = Math.max(0, tick + random.nextInt(3) - 1);
                call.add(new TimedNote(root + transpose + step, 50 + 2 * index++, on, on + 9 + random.nextInt(2)));
                tick += 12;
            }
        }
        return call;
    }

    @Test
    void withTheSessionsLearningAnswersToCallsPlayedAsAPersonPlaysReuseMoreOfTheCall() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<List<TimedNote>> calls = List.of(
                motifPerformed(new int[] {0, 4, 7, 5, 4, 2, 0, 2, 4, 0, 7, 12}, 60, random),
                motifPerformed(new int[] {0, 2, 3, 5, 7, 5, 3, 2, 0, -5, 0, 3}, 57, random),
                motifPerformed(new int[] {7, 5, 4, 2, 0, 2, 4, 5, 7, 9, 7, 4}, 62, random));

        AnswerStudy.Result result = AnswerStudy.run(
                () -> RandomWeights.eventKernel(Vocabulary.SIZE, 1, 48, 7L, 0.3), new PerformerParameters(), calls, 4, 0.95);

        assertThat(result.adapted().answers()).isEqualTo(12);
        assertThat(result.adapted().answerNotes()).isGreaterThan(4);
        assertThat(result.adapted().motifs3()).isGreaterThan(result.trained().motifs3() + 0.15);
        assertThat(result.toMap()).containsKeys("motif3_share_adapted", "motif3_share_static", "key_share_adapted");
    }
}
