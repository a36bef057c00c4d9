package io.antiphon.engine.roll;

import io.antiphon.engine.network.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RollEnsembleTest {

    private static MultiLayerNetwork member(int hidden, long seed) {
        MultiLayerNetwork net = RollNetworkFactory.build(new NetworkSpec(RollPiece.KEYS, 2, hidden, 0, 1e-3, 1, 64, seed), 0, 0);
        // Random biases too, so that a misplaced gate block would show.
        net.params().addi(Nd4j.rand(new Random(seed).nextLong(), net.params().shape()).subi(0.5));
        return net;
    }

    @Test
    void theMergedNetworkAveragesTheMembersLogitsAtEveryStep() {
        MultiLayerNetwork a = member(6, 1L);
        MultiLayerNetwork b = member(10, 2L);
        MultiLayerNetwork merged = RollEnsemble.merge(List.of(a, b), new NetworkSpec(RollPiece.KEYS, 2, 16, 0, 1e-3, 1, 64, 3L));

        Random random = new Random(4);
        INDArray input = Nd4j.zeros(2, RollPiece.KEYS, 12);
        for (int n = 0; n < 2; n++) for (int t = 0; t < 12; t++) for (int v = 0; v < 4; v++) input.putScalar(new int[]{n, 20 + random.nextInt(50), t}, 1);
        INDArray pa = a.output(input);
        INDArray pb = b.output(input);
        INDArray pm = merged.output(input);
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < RollPiece.KEYS; k += 7) {
                for (int t = 0; t < 12; t++) {
                    double logit = (logit(pa.getDouble(n, k, t)) + logit(pb.getDouble(n, k, t))) / 2;
                    assertThat(logit(pm.getDouble(n, k, t))).as("key %d step %d", k, t).isCloseTo(logit, within(2e-3));
                }
            }
        }
    }

    @Test
    void membersMustHaveTheSameDepthAndTheSpecTheSummedWidth() {
        MultiLayerNetwork a = member(6, 1L);
        MultiLayerNetwork shallow = RollNetworkFactory.build(new NetworkSpec(RollPiece.KEYS, 1, 6, 0, 1e-3, 1, 64, 1L), 0, 0);
        assertThatThrownBy(() -> RollEnsemble.merge(List.of(a, shallow), new NetworkSpec(RollPiece.KEYS, 2, 12, 0, 1e-3, 1, 64, 3L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 LSTM layers");
        assertThatThrownBy(() -> RollEnsemble.merge(List.of(a, member(6, 2L)), new NetworkSpec(RollPiece.KEYS, 2, 13, 0, 1e-3, 1, 64, 3L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x12");
        assertThatThrownBy(() -> RollEnsemble.merge(List.of(a), new NetworkSpec(RollPiece.KEYS, 2, 6, 0, 1e-3, 1, 64, 3L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
