package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.SharedData;
import io.antiphon.engine.corpus.Split;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KeyFrequencyBaselineTest {

    @Test
    void probabilitiesAreTrainingFrequenciesWithAFloor() {
        // 4 frames: key 10 sounds in 3, key 20 in 1, key 30 in all 4; every other key never.
        RollPiece a = new RollPiece("a", new int[][]{{10, 30}, {10, 20, 30}});
        RollPiece b = new RollPiece("b", new int[][]{{30}, {10, 30}});
        KeyFrequencyBaseline baseline = KeyFrequencyBaseline.fit(List.of(a, b));
        assertThat(baseline.probability(10)).isEqualTo(0.75);
        assertThat(baseline.probability(20)).isEqualTo(0.25);
        assertThat(baseline.probability(30)).isEqualTo(1 - KeyFrequencyBaseline.FLOOR);
        assertThat(baseline.probability(0)).isEqualTo(KeyFrequencyBaseline.FLOOR);

        // Scored on one piece of 2 frames: only the second frame {10, 30} is predicted.
        RollPiece held = new RollPiece("held", new int[][]{{20}, {10, 30}});
        double silent = 85 * -Math.log(1 - 1e-6);
        double byHand = -Math.log(0.75) - Math.log(1 - 0.25) - Math.log(1 - 1e-6) + silent;
        FrameNll.Score score = baseline.score(List.of(held));
        assertThat(score.frames()).isEqualTo(1);
        assertThat(score.mean()).isCloseTo(byHand, within(1e-9));
    }

    @Test
    void reproducesThePublishedSanityBaselineOnJsb() throws IOException {
        PianoRollCorpus jsb = PianoRollCorpus.jsb(SharedData.require(PianoRollCorpus.JSB_FILE));
        KeyFrequencyBaseline baseline = KeyFrequencyBaseline.fit(jsb.pieces(Split.TRAIN));
        FrameNll.Score test = baseline.score(jsb.pieces(Split.TEST));
        assertThat(test.frames()).isEqualTo(4_725 - 77);
        assertThat(test.mean()).isCloseTo(11.09, within(0.005));
        assertThat(baseline.score(jsb.pieces(Split.VALID)).mean()).isCloseTo(10.98, within(0.005));
    }

    @Test
    void reproducesThePublishedSanityBaselineOnNottingham() throws IOException {
        PianoRollCorpus nottingham = PianoRollCorpus.nottingham(SharedData.require(PianoRollCorpus.NOTTINGHAM_FILE));
        KeyFrequencyBaseline baseline = KeyFrequencyBaseline.fit(nottingham.pieces(Split.TRAIN));
        FrameNll.Score test = baseline.score(nottingham.pieces(Split.TEST));
        assertThat(test.frames()).isEqualTo(44_463 - 170);
        assertThat(test.mean()).isCloseTo(10.26, within(0.005));
        assertThat(baseline.score(nottingham.pieces(Split.VALID)).mean()).isCloseTo(10.01, within(0.005));
    }
}
