package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded player with a groove, for the tests of dynamics and feel under load: phrases of two or four bars of
 * sixteenth-note rhythms from time 0 at a tempo, each sixteenth position played a fixed offset early or late (swing,
 * push, pull) with Gaussian jitter, each phrase a crescendo or a diminuendo with the beats accented, then a rest of one
 * to four bars (long enough for an answer, or short enough to barge into it). A key is never struck while it is down.
 */
final class GroovedPlayer {

    private static final long MS = 1_000_000L;
    private static final double[] PLAYED = {0.9, 0.35, 0.6, 0.35};

    private GroovedPlayer() {
    }

    /** Rows of {time ns, status, key, velocity}, in time order, until {@code lengthNanos}, on {@code channel} (0..15). */
    static long[][] part(long lengthNanos, double bpm, double[] offsets, double jitterMs, int channel, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sixteenth = 60e9 / bpm / 4;
        List<long[]> events = new ArrayList<>();
        long[] upAt = new long[128];
        int pitch = 67;
        double bar = 0;
        while (true) {
            int bars = random.nextBoolean() ? 2 : 4;
            boolean crescendo = random.nextBoolean();
            double from = crescendo ? 40 + random.nextInt(30) : 90 + random.nextInt(30);
            double to = crescendo ? from + 30 + random.nextInt(30) : from - 30 - random.nextInt(30);
            List<Long> onsets = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (int s = 0; s < bars * 16; s++) {
                int slot = s % 4;
                if (random.nextDouble() >= PLAYED[slot]) continue;
                double at = (bar * 16 + s + offsets[slot]) * sixteenth + jitterMs * MS * gaussian(random);
                onsets.add(Math.max(0, Math.round(at)));
                slots.add(s);
            }
            for (int i = 0; i < onsets.size(); i++) {
                long at = onsets.get(i);
                long next = i + 1 < onsets.size() ? onsets.get(i + 1) : at + Math.round(2 * sixteenth);
                long end = at + Math.max(30 * MS, Math.round((next - at) * 0.8));
                if (end >= lengthNanos) return sorted(events);
                pitch = Math.max(52, Math.min(84, pitch + random.nextInt(7) - 3));
                if (upAt[pitch] >= at) continue;
                upAt[pitch] = end;
                double share = (double) slots.get(i) / (bars * 16);
                double velocity = from + (to - from) * share + (slots.get(i) % 4 == 0 ? 8 : 0) + random.nextInt(7) - 3;
                events.add(new long[] {at, 0x90 | channel, pitch, Math.max(1, Math.min(127, Math.round(velocity)))});
                events.add(new long[] {end, 0x80 | channel, pitch, 0});
            }
            bar += bars + 1 + random.nextInt(4);
        }
    }

    private static long[][] sorted(List<long[]> events) {
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
