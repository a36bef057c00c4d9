package io.antiphon.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final int A = Vocabulary.noteOn(60);
    private static final int B = Vocabulary.noteOn(64);
    private static final int C = Vocabulary.noteOff(60);
    private static final int D = Vocabulary.timeShift(12);
    private static final int DRAWS = 40_000;

    private final TokenMask all = allowing();

    /** 0.5, 0.3, 0.15, 0.05 on A, B, C, D; zero elsewhere. */
    private static float[] fourTokens() {
        float[] p = new float[Vocabulary.SIZE];
        p[A] = 0.5f;
        p[B] = 0.3f;
        p[C] = 0.15f;
        p[D] = 0.05f;
        return p;
    }

    private static TokenMask allowing() {
        TokenMask mask = new TokenMask();
        mask.allowAll();
        return mask;
    }

    private static double[] frequencies(Sampler sampler, float[] p, TokenMask mask, double temperature, int topK, double topP) {
        double[] counts = new double[Vocabulary.SIZE];
        for (int i = 0; i < DRAWS; i++) counts[sampler.sample(p, mask, temperature, topK, topP)]++;
        for (int t = 0; t < counts.length; t++) counts[t] /= DRAWS;
        return counts;
    }

    @Test
    void atTemperatureOneTheDrawsFollowTheDistribution() {
        double[] f = frequencies(new Sampler(1), fourTokens(), all, 1.0, 0, 1.0);

        assertThat(f[A]).isCloseTo(0.5, offset(0.01));
        assertThat(f[B]).isCloseTo(0.3, offset(0.01));
        assertThat(f[C]).isCloseTo(0.15, offset(0.01));
        assertThat(f[D]).isCloseTo(0.05, offset(0.01));
    }

    @Test
    void aHighTemperatureFlattensTheDistribution() {
        double[] f = frequencies(new Sampler(2), fourTokens(), all, 2.0, 0, 1.0);

        // p^(1/2), normalised
        double z = Math.sqrt(0.5) + Math.sqrt(0.3) + Math.sqrt(0.15) + Math.sqrt(0.05);
        assertThat(f[A]).isCloseTo(Math.sqrt(0.5) / z, offset(0.01));
        assertThat(f[D]).isCloseTo(Math.sqrt(0.05) / z, offset(0.01));
        assertThat(f[D]).isGreaterThan(0.1);
    }

    @Test
    void temperatureTowardsZeroBehavesLikeArgmax() {
        Sampler sampler = new Sampler(3);
        float[] p = fourTokens();
        for (double temperature : new double[] {0.0, Sampler.MIN_TEMPERATURE, 0.01}) {
            assertThat(frequencies(sampler, p, all, temperature, 0, 1.0)[A]).as("temperature %s", temperature).isEqualTo(1.0);
        }
    }

    @Test
    void topKKeepsOnlyTheKMostProbableTokens() {
        double[] f = frequencies(new Sampler(4), fourTokens(), all, 1.0, 2, 1.0);

        assertThat(f[C] + f[D]).isZero();
        assertThat(f[A]).isCloseTo(0.5 / 0.8, offset(0.01));
        assertThat(f[B]).isCloseTo(0.3 / 0.8, offset(0.01));
        assertThat(frequencies(new Sampler(4), fourTokens(), all, 1.0, 1, 1.0)[A]).isEqualTo(1.0);
    }

    @Test
    void topPKeepsTheSmallestSetHoldingThatShareOfTheMass() {
        double[] twoOfFour = frequencies(new Sampler(5), fourTokens(), all, 1.0, 0, 0.75);
        double[] threeOfFour = frequencies(new Sampler(5), fourTokens(), all, 1.0, 0, 0.85);

        assertThat(twoOfFour[C] + twoOfFour[D]).isZero();
        assertThat(twoOfFour[B]).isCloseTo(0.3 / 0.8, offset(0.01));
        assertThat(threeOfFour[D]).isZero();
        assertThat(threeOfFour[C]).isCloseTo(0.15 / 0.95, offset(0.01));
    }

    @Test
    void topKThenTopPApplyTogether() {
        // top-k 3 leaves 0.5, 0.3, 0.15 (sum 0.95); top-p 0.8 of that is 0.76: A and B
        double[] f = frequencies(new Sampler(6), fourTokens(), all, 1.0, 3, 0.8);

        assertThat(f[A] + f[B]).isEqualTo(1.0);
    }

    @Test
    void maskedTokensAreNeverDrawnHoweverProbable() {
        TokenMask mask = allowing();
        mask.forbid(A);

        double[] f = frequencies(new Sampler(7), fourTokens(), mask, 1.0, 0, 1.0);

        assertThat(f[A]).isZero();
        assertThat(f[B]).isCloseTo(0.3 / 0.5, offset(0.01));
        assertThat(new Sampler(7).sample(fourTokens(), mask, 0.0, 0, 1.0)).isEqualTo(B);
    }

    @Test
    void whenOnlyZeroProbabilityTokensAreAllowedOneIsDrawnUniformly() {
        TokenMask onlyTwo = allowingOnly(Vocabulary.noteOn(70), Vocabulary.noteOn(72));

        double[] f = frequencies(new Sampler(8), fourTokens(), onlyTwo, 1.0, 0, 1.0);

        assertThat(f[Vocabulary.noteOn(70)]).isCloseTo(0.5, offset(0.01));
        assertThat(f[Vocabulary.noteOn(72)]).isCloseTo(0.5, offset(0.01));
    }

    @Test
    void whenTheMaskAllowsNothingTheShortestTimeShiftComes() {
        TokenMask none = allowingOnly();

        assertThat(new Sampler(9).sample(fourTokens(), none, 1.0, 0, 1.0))
                .isEqualTo(Sampler.FALLBACK_TOKEN).isEqualTo(Vocabulary.timeShift(1));
    }

    @Test
    void aSeedFixesTheDraws() {
        float[] p = randomDistribution(10);
        int[] first = draws(new Sampler(42), p);
        int[] again = draws(new Sampler(42), p);
        int[] other = draws(new Sampler(43), p);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Tag("timing")

    @Test
    void samplingAllocatesNothingOnceWarm() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        float[][] distributions = new float[16][];
        for (int i = 0; i < distributions.length; i++) distributions[i] = randomDistribution(100 + i);
        Sampler sampler = new Sampler(11);
        TokenMask mask = allowing();
        mask.forbidRange(Vocabulary.VELOCITY_BASE, Vocabulary.SIZE);
        int[] sink = new int[1];

        double truncated = new AllocationMeter().bytesPerCall(
                i -> sink[0] += sampler.sample(distributions[i & 15], mask, 0.9, 40, 0.9), 20_000, 20_000);
        double plain = new AllocationMeter().bytesPerCall(
                i -> sink[0] += sampler.sample(distributions[i & 15], mask, 1.2, 0, 1.0), 20_000, 20_000);

        // any allocation per draw would be 16 bytes or more a draw; once, C2 compiling this test's lambda may intern
        // this class's strings on this thread (416 bytes in 20,000 draws were seen in CI): AllocationRounds has the why
        assertThat(truncated).isLessThan(1.0);
        assertThat(plain).isLessThan(1.0);
        assertThat(sink[0]).isNotZero();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        Sampler sampler = new Sampler(12);
        float[] p = fourTokens();

        assertThatThrownBy(() -> sampler.sample(p, all, -0.1, 0, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperature -0.1");
        assertThatThrownBy(() -> sampler.sample(p, all, 1.0, -1, 1.0)).hasMessageContaining("top-k -1");
        assertThatThrownBy(() -> sampler.sample(p, all, 1.0, 0, 0.0)).hasMessageContaining("top-p 0.0");
    }

    private static TokenMask allowingOnly(int... tokens) {
        TokenMask mask = allowing();
        for (int t = 0; t < Vocabulary.SIZE; t++) {
            boolean keep = false;
            for (int k : tokens) keep |= k == t;
            if (!keep) mask.forbid(t);
        }
        return mask;
    }

    private static int[] draws(Sampler sampler, float[] p) {
        int[] out = new int[200];
        for (int i = 0; i < out.length; i++) out[i] = sampler.sample(p, allowing(), 1.0, 50, 0.95);
        return out;
    }

    private static float[] randomDistribution(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[Vocabulary.SIZE];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.exp(3 * random.nextDouble());
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= (float) sum;
        return p;
    }

    @Test
    void theHeapSortSortsAsArraysSortDoesWithoutAllocatingEvenOnLongSortedRuns() {
        SplittableRandom random = new SplittableRandom(9);
        long[] a = new long[Vocabulary.SIZE];
        long[] b = new long[Vocabulary.SIZE];
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(Vocabulary.SIZE + 1);
            for (int i = 0; i < n; i++) a[i] = trial % 3 == 0 ? Vocabulary.SIZE - i : random.nextLong(-50, 50);
            System.arraycopy(a, 0, b, 0, n);
            Sampler.heapSort(a, n);
            java.util.Arrays.sort(b, 0, n);
            assertThat(java.util.Arrays.copyOf(a, n)).containsExactly(java.util.Arrays.copyOf(b, n));
        }
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        Runnable round = () -> {
            for (int trial = 0; trial < 2_000; trial++) {
                for (int i = 0; i < Vocabulary.SIZE; i++) a[i] = Vocabulary.SIZE - i + (i > 100 ? trial : 0);
                Sampler.heapSort(a, Vocabulary.SIZE);
            }
        };
        AllocationRounds.bytesPerRound(3, round); // the JIT settles

        AllocationRounds.assertNothingAllocatedOnceWarm(AllocationRounds.bytesPerRound(5, round));
    }
}
