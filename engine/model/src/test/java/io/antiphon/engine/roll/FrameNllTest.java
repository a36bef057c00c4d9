package io.antiphon.engine.roll;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FrameNllTest {

    @Test
    void aFrameSumsTheBernoulliNllOfAll88Keys() {
        float[] logits = new float[RollPiece.KEYS];
        logits[39] = 2f;   // sounds:  -log σ(2)      = log(1 + e^-2) = 0.126928
        logits[43] = -1f;  // silent:  -log(1 - σ(-1)) = log(1 + e^-1) = 0.313262
        // key 50 sounds with logit 0 (log 2); the other 85 keys are silent with logit 0 (log 2 each).
        double byHand = 0.126928011 + 0.313261687 + 86 * Math.log(2);
        assertThat(FrameNll.frameNll(logits, 0, new int[]{39, 50})).isCloseTo(byHand, within(1e-6));
        assertThat(byHand).isCloseTo(60.05084, within(1e-4));
    }

    @Test
    void extremeLogitsStayFinite() {
        assertThat(FrameNll.keyNll(-200, true)).isCloseTo(200, within(1e-9));
        assertThat(FrameNll.keyNll(200, true)).isCloseTo(0, within(1e-12));
        assertThat(FrameNll.keyNll(200, false)).isCloseTo(200, within(1e-9));
    }

    @Test
    void networkScoreEqualsTheNllOfItsOwnSigmoidOutputsPooledOverFrames() {
        MultiLayerNetwork net = RollNetworkFactory.build(RollBundlesTest.TINY, 0, 0);
        Random random = new Random(11);
        List<RollPiece> pieces = new ArrayList<>();
        for (int p = 0; p < 5; p++) pieces.add(randomPiece("p" + p, 3 + 7 * p, random));
        pieces.add(randomPiece("single", 1, random));

        double expected = 0;
        long frames = 0;
        for (RollPiece piece : pieces) {
            if (piece.length() < 2) continue;
            int steps = piece.length() - 1;
            INDArray input = Nd4j.zeros(1, RollPiece.KEYS, steps);
            for (int t = 0; t < steps; t++) for (int key : piece.keys(t)) input.putScalar(new int[]{0, key, t}, 1);
            INDArray p = net.output(input, false);
            for (int t = 0; t < steps; t++) {
                for (int key = 0; key < RollPiece.KEYS; key++) {
                    double prob = p.getDouble(0, key, t);
                    expected -= piece.sounds(t + 1, key) ? Math.log(prob) : Math.log(1 - prob);
                }
                frames++;
            }
        }
        FrameNll.Score score = FrameNll.score(net, pieces);
        assertThat(score.frames()).isEqualTo(frames).isEqualTo(2 + 9 + 16 + 23 + 30);
        assertThat(score.sumNll()).isCloseTo(expected, within(1e-3 * frames));
        assertThat(score.mean()).isCloseTo(expected / frames, within(1e-4));
    }

    static RollPiece randomPiece(String name, int length, Random random) {
        int[][] frames = new int[length][];
        for (int t = 0; t < length; t++) {
            int voices = random.nextInt(5);
            frames[t] = new int[voices];
            for (int v = 0; v < voices; v++) frames[t][v] = 20 + random.nextInt(40);
        }
        return new RollPiece(name, frames);
    }
}
