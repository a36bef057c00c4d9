package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.ScalarKernelMath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The step kernel on a piano roll: many-hot frames in, per-key sigmoids out. */
class RollKernelTest {

    private static final int STEPS = 1_000;
    private static final double TOLERANCE = 1e-4;
    private static MultiLayerNetwork net;

    @BeforeAll
    static void network() {
        net = TestNetworks.perturbedRoll(2, 64, 21L);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"2, 64", "2, 256", "3, 128"})
    void rollKernelMatchesRnnTimeStepOverAThousandFrames(int layers, int hidden) {
        MultiLayerNetwork roll = TestNetworks.perturbedRoll(layers, hidden, 1000L * layers + hidden);

        KernelParity.Result fastest = KernelParity.checkRoll(roll, STEPS, 7L);
        KernelParity.Result scalar = KernelParity.checkRoll(roll, STEPS, 7L, new ScalarKernelMath());

        assertThat(fastest.steps()).isEqualTo(STEPS);
        assertThat(fastest.maxProbabilityDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(fastest.maxStateDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(scalar.maxProbabilityDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(scalar.maxStateDifference()).isLessThanOrEqualTo(TOLERANCE);
    }

    @Tag("timing")

    @Test
    void framesAllocateNothingOnceWarmOnTheFastestArithmetic() {
        assertAllocatesNothingOnceWarm(StepModels.rollKernel(net));
    }

    @Tag("timing")

    @Test
    void framesAllocateNothingOnceWarmOnTheScalarFallback() {
        assertAllocatesNothingOnceWarm(StepModels.rollKernel(net, new ScalarKernelMath()));
    }

    @Test
    void outputsAreIndependentProbabilitiesNotADistribution() {
        LstmStepKernel kernel = StepModels.rollKernel(net);
        float[] p = new float[kernel.keys()];
        kernel.stepFrame(new int[] {39, 43, 46, 51}, 4, p);
        double sum = 0;
        for (float x : p) {
            assertThat(x).isStrictlyBetween(0f, 1f);
            sum += x;
        }
        assertThat(sum).isGreaterThan(1.5); // 88 sigmoids near 0.5 at initialisation; a softmax would sum to 1
    }

    @Test
    void theKeysOfAFrameCountInAnyOrder() {
        LstmStepKernel ascending = StepModels.rollKernel(net);
        LstmStepKernel descending = StepModels.rollKernel(net);
        float[] a = new float[88];
        float[] b = new float[88];
        ascending.stepFrame(new int[] {20, 40, 60}, 3, a);
        descending.stepFrame(new int[] {60, 40, 20}, 3, b);
        for (int k = 0; k < 88; k++) assertThat(b[k]).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void anEmptyFrameIsSilence() {
        LstmStepKernel kernel = StepModels.rollKernel(net);
        Dl4jStepModel reference = Dl4jStepModel.roll(net);
        reference.reset();
        float[] p = new float[88];
        float[] q = new float[88];
        kernel.stepFrame(new int[0], 0, p);
        reference.stepFrame(new int[0], 0, q);
        reference.reset();
        for (int k = 0; k < 88; k++) assertThat(p[k]).isCloseTo(q[k], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void badFramesAreRefused() {
        LstmStepKernel kernel = StepModels.rollKernel(net);
        float[] p = new float[88];
        assertThatThrownBy(() -> kernel.stepFrame(new int[] {88}, 1, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 88 is outside the roll 0..87");
        assertThatThrownBy(() -> kernel.stepFrame(new int[] {1}, 2, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame has 2 keys but the array holds 1");
        assertThatThrownBy(() -> kernel.stepFrame(new int[] {1}, 1, new float[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities has 10 slots; need 88");
    }

    @Test
    void eachKindOfNetworkIsRefusedWhereTheOtherIsExpected() {
        MultiLayerNetwork event = TestNetworks.perturbed(1, 16, 3L);
        assertThatThrownBy(() -> StepModels.rollKernel(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output layer 1 activation is softmax; the step kernel supports only sigmoid");
        assertThatThrownBy(() -> StepModels.kernel(net)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output layer 2 activation is sigmoid; the step kernel supports only softmax");
        assertThatThrownBy(() -> Dl4jStepModel.roll(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supports only sigmoid");
    }

    /** Steps {@code model} on random frames until a window of steps allocates nothing; if none does, fails naming where. */
    private static void assertAllocatesNothingOnceWarm(RollStepModel model) {
        SplittableRandom random = new SplittableRandom(1L);
        int[][] frames = new int[256][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new int[random.nextInt(6)];
            for (int k = 0; k < frames[i].length; k++) frames[i][k] = 30 + 7 * k + random.nextInt(7);
        }
        float[] probabilities = new float[model.keys()];
        AllocationMeter.Body step = i -> {
            int[] frame = frames[i & 255];
            model.stepFrame(frame, frame.length, probabilities);
        };
        AllocationSites.assertNothingOnceWarm(step, "frame");
    }
}
