package io.antiphon.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorKernelMath}'s results depend on nothing but its inputs: its {@code e^x} and {@code tanh} are exact
 * operations in a fixed order, so they equal the same steps done one float at a time ({@link #scalarExp}), bit for bit,
 * whether the JIT has compiled them or not; and they are close to {@link Math}'s.
 */
class VectorKernelMathTest {

    private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    /** {@link VectorKernelMath#exp}'s steps on one float, with {@link Math#fma}. */
    private static float scalarExp(float x) {
        float clamped = Math.min(Math.max(x, VectorKernelMath.EXP_LOW), VectorKernelMath.EXP_HIGH);
        float shifted = Math.fma(clamped, 1.44269504088896341f, 12582912f);
        float n = shifted - 12582912f;
        float r = Math.fma(n, -0.693359375f, clamped);
        r = Math.fma(n, 2.12194440e-4f, r);
        float p = Math.fma(r, 1.9875691500e-4f, 1.3981999507e-3f);
        p = Math.fma(p, r, 8.3334519073e-3f);
        p = Math.fma(p, r, 4.1665795894e-2f);
        p = Math.fma(p, r, 1.6666665459e-1f);
        p = Math.fma(p, r, 5.0000001201e-1f);
        float er = p * (r * r) + r + 1f;
        int exponent = (Float.floatToRawIntBits(shifted) - (Float.floatToRawIntBits(12582912f) - 127)) << 23;
        return x < VectorKernelMath.EXP_LOW ? 0f : er * Float.intBitsToFloat(exponent);
    }

    private static float[] inputs(long seed, int count, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[count];
        for (int i = 0; i < count; i++) x[i] = (float) random.nextDouble(low, high);
        return x;
    }

    private static float[] vectorExp(float[] x) {
        float[] y = x.clone();
        VectorKernelMath.expInPlace(y, 0, y.length, 0f, 1f);
        return y;
    }

    @Test
    void expIsTheSameStepsAsOneFloatAtATimeBitForBitBeforeAndAfterTheJitCompilesIt() {
        float[] x = inputs(1, 64 * LANES, -100, 100);
        for (int round = 0; round < 3_000; round++) {
            float[] y = vectorExp(x);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits(scalarExp(x[i]))) {
                    throw new AssertionError("round " + round + ": e^" + x[i] + " = " + y[i] + ", one float at a time " + scalarExp(x[i]));
                }
            }
        }
    }

    @Test
    void expIsWithinTwoUnitsInTheLastPlaceOfMathExp() {
        float[] x = inputs(2, 4096 * LANES, VectorKernelMath.EXP_LOW, VectorKernelMath.EXP_HIGH);
        float[] y = vectorExp(x);
        for (int i = 0; i < x.length; i++) {
            float exact = (float) Math.exp(x[i]);
            assertThat(y[i]).as("e^%s", x[i]).isCloseTo(exact, within(2 * Math.ulp(exact)));
        }
        assertThat(vectorExp(new float[LANES])[0]).isEqualTo(1f);
        float[] padding = new float[LANES];
        padding[0] = Float.NEGATIVE_INFINITY;
        assertThat(vectorExp(padding)[0]).as("e^-infinity").isZero();
    }

    @Test
    void tanhIsWithinThreeTenMillionthsOfMathTanhAndReachesOne() {
        float[] x = inputs(3, 4096 * LANES, -12, 12);
        float[] y = x.clone();
        VectorKernelMath.tanhInPlace(y, 0, y.length);
        for (int i = 0; i < x.length; i++) assertThat((double) y[i]).as("tanh %s", x[i]).isCloseTo(Math.tanh(x[i]), within(3e-7));
        float[] ends = new float[LANES];
        ends[0] = 60f;
        ends[1 % LANES] = -60f;
        VectorKernelMath.tanhInPlace(ends, 0, LANES);
        assertThat(ends[0]).isEqualTo(1f);
        if (LANES > 1) assertThat(ends[1]).isEqualTo(-1f);
    }
}
