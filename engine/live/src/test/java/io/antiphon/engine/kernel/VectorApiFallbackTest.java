package io.antiphon.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-modules jdk.incubator.vector} the kernel must fall back to scalar arithmetic and never load
 * the class that names the Vector API. Runs {@link Probe} in a child JVM started without the module.
 */
class VectorApiFallbackTest {

    @Test
    void thisJvmHasTheVectorApiAndUsesIt() {
        assertThat(KernelMath.vectorApiPresent()).as("Surefire passes --add-modules jdk.incubator.vector").isTrue();
        assertThat(KernelMath.fastest()).isInstanceOf(VectorKernelMath.class);
    }

    @Test
    void withoutTheModuleTheKernelRunsScalarAndNeverLoadsTheVectorClass() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("implementation=scalar")
                .contains("probabilities=" + Probe.run(new ScalarKernelMath()))
                .contains("io.antiphon.engine.kernel.ScalarKernelMath source:")
                .doesNotContain("io.antiphon.engine.kernel.VectorKernelMath")
                .doesNotContain("jdk.incubator.vector");
    }

    /** Steps a small random kernel on {@link KernelMath#fastest()} and prints what it ran on and what it produced. */
    static final class Probe {

        public static void main(String[] args) {
            KernelMath math = KernelMath.fastest();
            System.out.println("implementation=" + math.name());
            System.out.println("probabilities=" + run(math));
        }

        /** The last step's probabilities of a seeded random 2x8 kernel over 12 tokens, as exact float bits. */
        static String run(KernelMath math) {
            SplittableRandom random = new SplittableRandom(99L);
            int tokens = 12;
            int hidden = 8;
            List<LstmWeights.LayerWeights> layers = List.of(
                    new LstmWeights.LayerWeights(tokens, hidden, values(random, tokens * 4 * hidden), values(random, hidden * 4 * hidden), values(random, 4 * hidden)),
                    new LstmWeights.LayerWeights(hidden, hidden, values(random, hidden * 4 * hidden), values(random, hidden * 4 * hidden), values(random, 4 * hidden)));
            LstmStepKernel kernel = LstmStepKernel.of(new LstmWeights(layers, values(random, hidden * tokens), values(random, tokens)), math);
            float[] probabilities = new float[tokens];
            for (int i = 0; i < 20; i++) kernel.step(random.nextInt(tokens), probabilities);
            StringBuilder bits = new StringBuilder();
            for (float p : probabilities) bits.append(Integer.toHexString(Float.floatToIntBits(p))).append(',');
            return bits.toString();
        }

        private static float[] values(SplittableRandom random, int count) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) values[i] = (float) (random.nextDouble() - 0.5);
            return values;
        }
    }
}
