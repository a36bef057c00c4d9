package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.antiphon.engine.token.TimedNote;

/**
 * How much of a call an answer reuses, read on melodies (docs/models.md, Learning the player): the share of the
 * answer's pitch-interval n-grams (n consecutive intervals of its top line) that occur anywhere in the call's top line,
 * and the share of the answer's notes in the call's key (the major scale, on any of the 12 roots, that holds the most
 * call notes; a minor key shares its relative major's notes).
 */
public final class MotifShare {

    private MotifShare() {
    }

    /** The top line: at each onset tick, the highest note starting there, in time order. */
    public static int[] topLine(List<TimedNote> notes) {
        List<TimedNote> sorted = new ArrayList<>(notes);
        sorted.sort((a, b) -> a.startTick() != b.startTick() ? Long.compare(a.startTick(), b.startTick()) : Integer.compare(b.pitch(), a.pitch()));
        List<Integer> line = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (TimedNote n : sorted) {
            if (n.startTick() == last) continue;
            last = n.startTick();
            line.add(n.pitch());
        }
        return line.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The share of {@code answer}'s interval n-grams found in {@code call}'s; NaN when the answer has none. */
    public static double intervalShare(int[] call, int[] answer, int n) {
        Set<List<Integer>> known = grams(call, n);
        int found = 0;
        int total = 0;
        for (List<Integer> gram : gramList(answer, n)) {
            total++;
            if (known.contains(gram)) found++;
        }
        return total == 0 ? Double.NaN : found / (double) total;
    }

    /** The share of {@code answer}'s notes in the call's major scale (see the class comment); NaN with no answer. */
    public static double keyShare(int[] call, int[] answer) {
        int bestRoot = 0;
        int bestCount = -1;
        for (int root = 0; root < 12; root++) {
            int count = 0;
            for (int p : call) if (inMajor(p, root)) count++;
            if (count > bestCount) {
                bestCount = count;
                bestRoot = root;
            }
        }
        if (answer.length == 0) return Double.NaN;
        int in = 0;
        for (int p : answer) if (inMajor(p, bestRoot)) in++;
        return in / (double) answer.length;
    }

    private static boolean inMajor(int pitch, int root) {
        int degree = Math.floorMod(pitch - root, 12);
        return degree == 0 || degree == 2 || degree == 4 || degree == 5 || degree == 7 || degree == 9 || degree == 11;
    }

    private static Set<List<Integer>> grams(int[] line, int n) {
        return new HashSet<>(gramList(line, n));
    }

    private static List<List<Integer>> gramList(int[] line, int n) {
        List<List<Integer>> grams = new ArrayList<>();
        for (int i = 0; i + n < line.length; i++) {
            List<Integer> gram = new ArrayList<>(n);
            for (int k = 0; k < n; k++) gram.add(line[i + k + 1] - line[i + k]);
            grams.add(gram);
        }
        return grams;
    }
}
