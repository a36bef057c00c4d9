package io.antiphon.engine.study;

import io.antiphon.engine.eval.SequenceModel;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventNextPitchTest {

    /** Soprano 72 72 74 | rest | 74 76 over a C-major triad below. */
    private static final QuarterChorale CHORALE = new QuarterChorale("x", new int[][]{
            {48, 55, 64, 72}, {48, 55, 64, 72}, {48, 55, 64, 74}, {}, {48, 55, 64, 74}, {48, 55, 64, 76}});

    /** A model that always ranks the note-ons 72 > 74 > 76 > everything else. */
    private static final SequenceModel PREFERS_72_74_76 = new SequenceModel() {
        @Override
        public String name() {
            return "prefers 72, 74, 76";
        }

        @Override
        public float[][] predict(int[] tokens) {
            float[][] rows = new float[tokens.length][Vocabulary.SIZE];
            for (float[] row : rows) {
                java.util.Arrays.fill(row, 1e-4f);
                row[Vocabulary.noteOn(72)] = 0.5f;
                row[Vocabulary.noteOn(74)] = 0.3f;
                row[Vocabulary.noteOn(76)] = 0.1f;
            }
            return rows;
        }
    };

    @Test
    void scoresEverySopranoNoteAfterTheFirstAndNeverPredictsTheNoteJustLeft() {
        for (NextPitchContext context : NextPitchContext.values()) {
            NextPitchScore score = EventNextPitch.score(PREFERS_72_74_76, List.of(CHORALE), context);

            // notes 72, 74, 74 (after a rest), 76. Predictions: 74 (72 excluded) right; 72 for the 74 after the rest
            // (nothing excluded) 2 off; 72 for 76 (74 excluded) 4 off.
            assertThat(score.predictions()).as(context.name()).isEqualTo(3);
            assertThat(score.exactRate()).isCloseTo(1 / 3.0, within(1e-12));
            assertThat(score.meanAbsoluteDistance()).isCloseTo(2.0, within(1e-12));
        }
    }
}
