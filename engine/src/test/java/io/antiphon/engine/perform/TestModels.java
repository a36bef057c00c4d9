package io.antiphon.engine.perform;

import java.util.Map;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.kernel.StepModels;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Real small event LSTMs for the performer tests: NetworkFactory's network (1x48), untrained, its parameters nudged
 * by seeded noise so that distributions differ from step to step, stepped by the allocation-free kernel.
 */
final class TestModels {

    private static MultiLayerNetwork net;

    private TestModels() {
    }

    /** A fresh kernel over the shared test network: every kernel made here computes the same function. */
    static StepModel kernel() {
        return StepModels.create(network(), StepEngine.KERNEL);
    }

    /** A fresh kernel over another network of the same shape. */
    static StepModel otherKernel() {
        return StepModels.create(perturbed(2, 32, 99L), StepEngine.KERNEL);
    }

    private static synchronized MultiLayerNetwork network() {
        if (net == null) net = perturbed(1, 48, 7L);
        return net;
    }

    private static MultiLayerNetwork perturbed(int layers, int hidden, long seed) {
        MultiLayerNetwork network = NetworkFactory.build(
                NetworkSpec.defaults(Vocabulary.SIZE).withShape(layers, hidden).withSeed(seed).withDropout(0));
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < network.getnLayers(); l++) {
            for (Map.Entry<String, INDArray> param : network.getLayer(l).paramTable().entrySet()) {
                INDArray values = param.getValue();
                float[] noise = new float[Math.toIntExact(values.length())];
                for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.3 * (random.nextDouble() * 2 - 1));
                values.addi(Nd4j.createFromArray(noise).reshape(values.shape()).castTo(values.dataType()));
            }
        }
        return network;
    }
}
