package io.antiphon.engine.weights;

import java.util.Map;
import java.util.SplittableRandom;

import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.roll.RollNetworkFactory;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Networks for the kernel tests: an event LSTM or a piano roll with its initial parameters nudged by seeded noise. */
public final class TestNetworks {

    /** Noise on the biases: the forget block is no longer exactly 1 and no two gate blocks look alike. */
    static final double BIAS_NOISE = 0.3;
    /**
     * Noise on the weights, about a fifth of their Xavier spread. Much more (0.1 was tried) pushes a 2x256 net into
     * chaos, where float rounding alone makes any two implementations part after a few hundred steps.
     */
    static final double WEIGHT_NOISE = 0.01;

    private TestNetworks() {
    }

    /** A {@code layers x hidden} event LSTM (240 tokens) with Gaussian noise on every parameter. */
    public static MultiLayerNetwork perturbed(int layers, int hidden, long seed) {
        MultiLayerNetwork net = NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(layers, hidden).withSeed(seed));
        perturb(net, seed);
        return net;
    }

    /** A {@code layers x hidden} piano-roll LSTM (RollNetworkFactory: 88 keys many-hot in, 88 sigmoids out) with Gaussian noise on every parameter. */
    static MultiLayerNetwork perturbedRoll(int layers, int hidden, long seed) {
        MultiLayerNetwork net = RollNetworkFactory.build(NetworkSpec.defaults(RollPiece.KEYS).withShape(layers, hidden).withSeed(seed), 0, 0);
        perturb(net, seed);
        return net;
    }

    private static void perturb(MultiLayerNetwork net, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < net.getnLayers(); l++) {
            for (Map.Entry<String, INDArray> param : net.getLayer(l).paramTable().entrySet()) {
                boolean bias = param.getKey().equals(DefaultParamInitializer.BIAS_KEY);
                addNoise(param.getValue(), bias ? BIAS_NOISE : WEIGHT_NOISE, random);
            }
        }
    }

    private static void addNoise(INDArray param, double sigma, SplittableRandom random) {
        float[] noise = new float[Math.toIntExact(param.length())];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (sigma * gaussian(random));
        }
        param.addi(Nd4j.createFromArray(noise).reshape(param.shape()).castTo(param.dataType()));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
