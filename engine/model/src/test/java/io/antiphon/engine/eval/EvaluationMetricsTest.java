package io.antiphon.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antiphon.engine.token.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationMetricsTest {

    private static final int[] CYCLE = {Vocabulary.velocity(9), Vocabulary.noteOn(60), Vocabulary.timeShift(24),
            Vocabulary.noteOff(60), Vocabulary.noteOn(67), Vocabulary.timeShift(24), Vocabulary.noteOff(67)};

    private static int[] cycle(int offset, int length) {
        int[] result = new int[length];
        for (int i = 0; i < length; i++) result[i] = CYCLE[(offset + i) % CYCLE.length];
        return result;
    }

    @Test
    void scoresTokensOneToTMinusOneOfEverySequenceAgainstTheRowBefore() {
        MarkovBaseline model = MarkovBaseline.train(List.of(cycle(0, 700)), 3);
        List<int[]> heldOut = List.of(cycle(2, 50), new int[] {Vocabulary.noteOn(60)}, new int[0], cycle(4, 30));

        EvaluationMetrics metrics = EvaluationMetrics.evaluate(model, heldOut);

        MetricsAccumulator expected = new MetricsAccumulator();
        for (int[] sequence : heldOut) {
            float[][] rows = model.predict(sequence);
            for (int t = 0; t + 1 < sequence.length; t++) expected.add(rows[t], sequence[t + 1]);
        }
        assertThat(metrics).isEqualTo(expected.metrics());
        assertThat(metrics.tokens()).isEqualTo(49 + 29);
        // Every token of the cycle but the ambiguous ones right after the sequence start is predicted.
        assertThat(metrics.accuracy()).isGreaterThan(0.95);
    }

    @Test
    void aModelReturningTheWrongNumberOfRowsIsCaught() {
        SequenceModel oneRowShort = new SequenceModel() {
            @Override
            public String name() {
                return "one-row-short";
            }

            @Override
            public float[][] predict(int[] tokens) {
                return new float[tokens.length - 1][Vocabulary.SIZE];
            }
        };
        assertThatThrownBy(() -> EvaluationMetrics.evaluate(oneRowShort, List.of(cycle(0, 5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("one-row-short returned 4 rows for sequence 0 of 5 tokens; expected one row per token");
    }

    @Test
    void aMalformedRowIsReportedWithItsSequenceAndRow() {
        SequenceModel narrowLastRow = new SequenceModel() {
            @Override
            public String name() {
                return "narrow";
            }

            @Override
            public float[][] predict(int[] tokens) {
                float[][] rows = new float[tokens.length][Vocabulary.SIZE];
                for (float[] row : rows) java.util.Arrays.fill(row, 1f / Vocabulary.SIZE);
                rows[1] = new float[3];
                return rows;
            }
        };
        assertThatThrownBy(() -> EvaluationMetrics.evaluate(narrowLastRow, List.of(cycle(0, 2), cycle(0, 4))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("narrow, sequence 1, row 1: distribution has length 3, expected 240");
    }

    @Test
    void inconsistentCountsAreRejected() {
        assertThatThrownBy(() -> new EvaluationMetrics(1, 1, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent counts: 2 tokens, 3 NOTE_ON tokens");
    }
}
