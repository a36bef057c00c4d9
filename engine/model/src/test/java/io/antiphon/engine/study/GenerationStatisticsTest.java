package io.antiphon.engine.study;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GenerationStatisticsTest {

    @Test
    void entropyCountsPitchClassesNotOctaves() {
        assertThat(GenerationStatistics.pitchClassEntropy(new int[]{60, 72, 48})).isZero();
        assertThat(GenerationStatistics.pitchClassEntropy(new int[]{60, 62, 72, 74})).isCloseTo(1.0, within(1e-12));
        int[] chromatic = new int[12];
        for (int i = 0; i < 12; i++) chromatic[i] = 60 + i;
        assertThat(GenerationStatistics.pitchClassEntropy(chromatic)).isCloseTo(Math.log(12) / Math.log(2), within(1e-12));
    }

    @Test
    void aLoopRepeatsItsFourGrams() {
        // 60 62 64 65 twice: 5 four-grams, the last one repeats the first
        assertThat(GenerationStatistics.repeatedGramShare(new int[]{60, 62, 64, 65, 60, 62, 64, 65})).isCloseTo(1 / 5.0, within(1e-12));
        assertThat(GenerationStatistics.repeatedGramShare(new int[]{60, 60, 60, 60, 60, 60})).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(GenerationStatistics.repeatedGramShare(new int[]{60, 61, 62, 63, 64})).isZero();
    }

    @Test
    void averagesOverSequencesAndSkipsEmptyOnes() {
        GenerationStatistics stats = GenerationStatistics.of(List.of(new int[]{60, 72}, new int[]{60, 62}, new int[0]));

        assertThat(stats.sequences()).isEqualTo(2);
        assertThat(stats.onsets()).isEqualTo(4);
        assertThat(stats.pitchClassEntropyBits()).isCloseTo(0.5, within(1e-12));
        assertThat(stats.repeatedFourGramShare()).isNaN();
    }
}
