package io.antiphon.engine.perform;

import java.util.Map;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModels;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.RollNetworkFactory;
import io.antiphon.engine.roll.RollPiece;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A real small piano-roll LSTM for the harmonizer tests: RollNetworkFactory's network (1x32), untrained, its
 * parameters nudged by seeded noise so that predictions differ from frame to frame, stepped by the allocation-free
 * kernel.
 */
final class TestRollModels {

    private static MultiLayerNetwork net;

    private TestRollModels() {
    }

    /** A fresh kernel over the shared test network: every kernel made here computes the same function. */
    static RollStepModel kernel() {
        return StepModels.createRoll(network(), StepEngine.KERNEL);
    }

    private static synchronized MultiLayerNetwork network() {
        if (net == null) {
            net = RollNetworkFactory.build(NetworkSpec.defaults(RollPiece.KEYS).withShape(1, 32).withSeed(5L).withDropout(0), 0, 0);
            SplittableRandom random = new SplittableRandom(5L);
            for (int l = 0; l < net.getnLayers(); l++) {
                for (Map.Entry<String, INDArray> param : net.getLayer(l).paramTable().entrySet()) {
                    INDArray values = param.getValue();
                    float[] noise = new float[Math.toIntExact(values.length())];
                    for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.5 * (random.nextDouble() * 2 - 1));
                    values.addi(Nd4j.createFromArray(noise).reshape(values.shape()).castTo(values.dataType()));
                }
            }
        }
        return net;
    }
}
