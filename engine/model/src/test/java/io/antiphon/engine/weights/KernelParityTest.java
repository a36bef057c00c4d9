package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.ScalarKernelMath;
import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelParityTest {

    private static final int STEPS = 1_000;
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"2, 64", "2, 256", "3, 128"})
    void kernelMatchesRnnTimeStepOverAThousandSteps(int layers, int hidden) {
        MultiLayerNetwork net = TestNetworks.perturbed(layers, hidden, 1000L * layers + hidden);

        KernelParity.Result fastest = KernelParity.check(net, STEPS, 7L);
        KernelParity.Result scalar = KernelParity.check(net, STEPS, 7L, new ScalarKernelMath());

        assertThat(fastest.steps()).isEqualTo(STEPS);
        assertThat(fastest.maxProbabilityDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(fastest.maxStateDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(scalar.maxProbabilityDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(scalar.maxStateDifference()).isLessThanOrEqualTo(TOLERANCE);
    }
}
