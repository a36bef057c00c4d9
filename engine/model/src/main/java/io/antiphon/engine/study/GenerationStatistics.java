package io.antiphon.engine.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the temperature study measures on a body of music, each figure the mean over its pieces (or generations):
 * the pitch-class entropy of its note onsets in bits (0 for one pitch class, log2 12 = 3.58 for all twelve equally
 * often) and the share of its 4-note pitch n-grams that repeat one heard earlier in the same piece (a loop-stuck
 * generation is near 1).
 *
 * @param pitchClassEntropyBits mean pitch-class entropy of the onsets, bits
 * @param repeatedFourGramShare mean share of onset 4-grams that occurred before in the same sequence
 * @param onsets                onsets counted over all sequences
 * @param sequences             sequences measured (those with at least one onset)
 */
public record GenerationStatistics(double pitchClassEntropyBits, double repeatedFourGramShare, long onsets, int sequences) {

    private static final int GRAM = 4;

    /** The statistics of {@code onsetPitchSequences}, each the pitches of one sequence's onsets in order. */
    public static GenerationStatistics of(List<int[]> onsetPitchSequences) {
        double entropySum = 0;
        double repeatSum = 0;
        int measured = 0;
        int withGrams = 0;
        long onsets = 0;
        for (int[] pitches : onsetPitchSequences) {
            if (pitches.length == 0) continue;
            measured++;
            onsets += pitches.length;
            entropySum += pitchClassEntropy(pitches);
            if (pitches.length >= GRAM) {
                withGrams++;
                repeatSum += repeatedGramShare(pitches);
            }
        }
        return new GenerationStatistics(measured == 0 ? Double.NaN : entropySum / measured,
                withGrams == 0 ? Double.NaN : repeatSum / withGrams, onsets, measured);
    }

    static double pitchClassEntropy(int[] pitches) {
        int[] counts = new int[12];
        for (int pitch : pitches) counts[Math.floorMod(pitch, 12)]++;
        double bits = 0;
        for (int count : counts) {
            if (count == 0) continue;
            double p = count / (double) pitches.length;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    static double repeatedGramShare(int[] pitches) {
        Set<List<Integer>> seen = new HashSet<>();
        int grams = pitches.length - GRAM + 1;
        int repeated = 0;
        for (int i = 0; i < grams; i++) {
            List<Integer> gram = List.of(pitches[i], pitches[i + 1], pitches[i + 2], pitches[i + 3]);
            if (!seen.add(gram)) repeated++;
        }
        return repeated / (double) grams;
    }
}
