package io.antiphon.engine.study;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.token.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Temperature's effect on what a piano-roll model plays: for each held-out chorale, the model hears the first
 * {@code primerFrames} frames (all voices) and generates {@code frames} more at each temperature, every key drawn on
 * or off by itself with probability {@code sigmoid(logit(p) / temperature)} and the drawn frame fed back. A key is an
 * onset where it sounds and did not in the frame before; onsets are ordered by frame, then upwards, and measured by
 * {@link GenerationStatistics} beside the same statistics of the held-out chorales themselves.
 */
public final class RollTemperatureStudy {

    private RollTemperatureStudy() {
    }

    public static Map<String, GenerationStatistics> run(RollStepModel model, List<QuarterChorale> chorales, double[] temperatures,
                                                        int primerFrames, int frames, long seed) {
        List<boolean[][]> primers = new ArrayList<>();
        List<int[]> reference = new ArrayList<>();
        for (QuarterChorale chorale : chorales) {
            boolean[][] roll = chorale.roll(false);
            if (roll.length <= primerFrames) continue;
            primers.add(Arrays.copyOf(roll, primerFrames));
            reference.add(onsetPitches(roll));
        }
        Map<String, GenerationStatistics> result = new LinkedHashMap<>();
        result.put("held-out music", GenerationStatistics.of(reference));
        for (double temperature : temperatures) {
            if (!(temperature > 0)) throw new IllegalArgumentException("a temperature must be above 0, not " + temperature);
            SplittableRandom random = new SplittableRandom(seed);
            List<int[]> generated = new ArrayList<>(primers.size());
            for (boolean[][] primer : primers) generated.add(onsetPitches(generate(model, primer, frames, temperature, random)));
            result.put(TemperatureLabel.of(temperature), GenerationStatistics.of(generated));
        }
        return result;
    }

    /** The primer's last frame followed by {@code frames} generated ones. */
    static boolean[][] generate(RollStepModel model, boolean[][] primer, int frames, double temperature, SplittableRandom random) {
        int width = model.keys();
        float[] probabilities = new float[width];
        int[] keys = new int[width];
        model.reset();
        boolean[][] out = new boolean[frames + 1][];
        for (boolean[] frame : primer) step(model, frame, keys, probabilities);
        out[0] = primer[primer.length - 1];
        for (int t = 1; t <= frames; t++) {
            boolean[] frame = new boolean[width];
            for (int key = 0; key < width; key++) frame[key] = random.nextDouble() < tempered(probabilities[key], temperature);
            out[t] = frame;
            step(model, frame, keys, probabilities);
        }
        return out;
    }

    static double tempered(double p, double temperature) {
        if (p <= 0 || p >= 1) return p;
        double logit = Math.log(p / (1 - p)) / temperature;
        return 1 / (1 + Math.exp(-logit));
    }

    private static void step(RollStepModel model, boolean[] frame, int[] keys, float[] probabilities) {
        int count = 0;
        for (int key = 0; key < frame.length; key++) if (frame[key]) keys[count++] = key;
        model.stepFrame(keys, count, probabilities);
    }

    /** Pitches of the onsets after the first frame (which only says what was already sounding). */
    static int[] onsetPitches(boolean[][] roll) {
        List<Integer> pitches = new ArrayList<>();
        for (int t = 1; t < roll.length; t++) {
            for (int key = 0; key < roll[t].length; key++) {
                if (roll[t][key] && !roll[t - 1][key]) pitches.add(key + Vocabulary.LOWEST_PITCH);
            }
        }
        return pitches.stream().mapToInt(Integer::intValue).toArray();
    }
}
