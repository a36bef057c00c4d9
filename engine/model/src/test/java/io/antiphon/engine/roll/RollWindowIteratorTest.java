package io.antiphon.engine.roll;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollWindowIteratorTest {

    private static RollPiece ramp(String name, int length) {
        int[][] frames = new int[length][];
        for (int t = 0; t < length; t++) frames[t] = new int[]{t % RollPiece.KEYS, (t + 40) % RollPiece.KEYS};
        return new RollPiece(name, frames);
    }

    @Test
    void labelsAreTheNextFrameAndPaddingIsMasked() {
        List<RollPiece> pieces = List.of(ramp("short", 4), ramp("long", 9));
        RollWindowIterator iterator = new RollWindowIterator(epoch -> pieces, 100, 2, 1L);
        assertThat(iterator.epochTokens()).isEqualTo(3 + 8);
        DataSet batch = iterator.next();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(iterator.tokensServed()).isEqualTo(11);
        INDArray features = batch.getFeatures();
        INDArray labels = batch.getLabels();
        assertThat(features.shape()).containsExactly(2L, RollPiece.KEYS, 8L);
        int shortRow = batch.getFeaturesMaskArray().sumNumber().intValue() == 11 && batch.getFeaturesMaskArray().getDouble(0, 7) == 0 ? 0 : 1;
        int longRow = 1 - shortRow;
        assertThat(batch.getLabelsMaskArray().getRow(shortRow).sumNumber().intValue()).isEqualTo(3);
        assertThat(batch.getLabelsMaskArray().getRow(longRow).sumNumber().intValue()).isEqualTo(8);
        for (int t = 0; t < 8; t++) {
            assertThat(features.getDouble(longRow, t, t)).isEqualTo(1.0);
            assertThat(labels.getDouble(longRow, t + 1, t)).isEqualTo(1.0);
            assertThat(labels.getDouble(longRow, t + 41, t)).isEqualTo(1.0);
            assertThat(features.slice(longRow).getColumn(t).sumNumber().intValue()).isEqualTo(2);
        }
        assertThat(features.slice(shortRow).getColumn(3).sumNumber().intValue()).as("padding is empty").isZero();
    }

    @Test
    void longPiecesAreCutIntoWindowsThatShareTheirBoundaryFrame() {
        List<RollPiece> pieces = List.of(ramp("long", 11));
        RollWindowIterator iterator = new RollWindowIterator(epoch -> pieces, 4, 1, 1L);
        assertThat(iterator.epochTokens()).isEqualTo(10);
        List<Long> lengths = new ArrayList<>();
        while (iterator.hasNext()) lengths.add(iterator.next().getFeatures().size(2));
        assertThat(lengths).containsExactlyInAnyOrder(4L, 4L, 2L);
        assertThat(iterator.tokensServed()).isEqualTo(10);
    }

    @Test
    void everyResetAfterAnEpochAsksForTheNextEpochsPieces() {
        List<Integer> asked = new ArrayList<>();
        RollWindowIterator iterator = new RollWindowIterator(epoch -> {
            asked.add(epoch);
            return List.of(ramp("p", 5));
        }, 10, 4, 1L);
        iterator.reset();
        assertThat(asked).containsExactly(0);
        iterator.next();
        iterator.reset();
        assertThat(asked).containsExactly(0, 1);
        assertThat(iterator.epoch()).isEqualTo(1);
    }
}
