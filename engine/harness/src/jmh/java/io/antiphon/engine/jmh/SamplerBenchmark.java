package io.antiphon.engine.jmh;

import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.sampling.TokenMask;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of one {@link Sampler#sample} over a 240-token distribution with a scale mask, at the shipped presets'
 * settings (temperature 0.9, top-p 0.95) and with top-k. Run {@link #main} from the test classpath.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class SamplerBenchmark {

    /** 0 = top-k off. */
    @Param({"0", "20"})
    public int topK;

    private final float[][] distributions = new float[64][Vocabulary.SIZE];
    private final TokenMask mask = new TokenMask();
    private Sampler sampler;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7L);
        for (float[] p : distributions) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) Math.exp(3 * random.nextGaussian());
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) p[i] /= (float) sum;
        }
        mask.allowAll();
        int[] cMajor = {0, 2, 4, 5, 7, 9, 11};
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
            int pc = pitch % 12;
            if (java.util.Arrays.stream(cMajor).noneMatch(s -> s == pc)) mask.forbid(Vocabulary.noteOn(pitch));
        }
        sampler = new Sampler(42L);
    }

    @Benchmark
    public int sample() {
        return sampler.sample(distributions[next++ & 63], mask, 0.9, topK, 0.95);
    }

    /** Runs this benchmark from the test class path. */
    public static void main(String[] args) throws Exception {
        JmhLauncher.run(SamplerBenchmark.class, "sample", args);
    }
}
