package io.antiphon.engine.jmh;

import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.kernel.KernelMath;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.ScalarKernelMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of one {@link LstmStepKernel} step on an untrained event LSTM, on the Vector API and on the scalar
 * fallback. Run {@link #main} from the test classpath; JMH command-line options pass through (e.g. {@code -p hidden=512}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0", "-XX:+UseParallelGC"})
public class LstmStepKernelBenchmark {

    @Param("2")
    public int layers;

    @Param("256")
    public int hidden;

    /** {@code fastest} (the Vector API when present) or {@code scalar}. */
    @Param({"fastest", "scalar"})
    public String arithmetic;

    private LstmStepKernel kernel;
    private final int[] tokens = new int[1024];
    private float[] probabilities;
    private int next;

    @Setup
    public void setUp() {
        KernelMath math = switch (arithmetic) {
            case "fastest" -> KernelMath.fastest();
            case "scalar" -> new ScalarKernelMath();
            default -> throw new IllegalArgumentException("arithmetic must be fastest or scalar: " + arithmetic);
        };
        kernel = StepModels.kernel(NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(layers, hidden)), math);
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < tokens.length; i++) tokens[i] = random.nextInt(kernel.vocabularySize());
        probabilities = new float[kernel.vocabularySize()];
    }

    @Benchmark
    public float step() {
        kernel.step(tokens[next++ & (tokens.length - 1)], probabilities);
        return probabilities[0];
    }

    /** Runs this benchmark from the test class path. */
    public static void main(String[] args) throws Exception {
        JmhLauncher.run(LstmStepKernelBenchmark.class, "step", args);
    }
}
