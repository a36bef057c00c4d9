package io.antiphon.midi.clock;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

/**
 * Prints how closely {@link MidiClockFollower} tracks simulated hosts (±2 ms uniform jitter, 200 seeds each): the
 * relative tempo error from one beat after each change, as median, p99 and max. Not a test: run its {@code main} from
 * the test class path: {@code mvn -B -q -o test-compile -pl midi-io && java -cp
 * midi-io/target/classes:midi-io/target/test-classes io.antiphon.midi.clock.ClockTrackingFigures}.
 */
public final class ClockTrackingFigures {

    private static final int BEAT = MidiClockFollower.TICKS_PER_QUARTER;
    private static final long JITTER = 2_000_000L;
    private static final int SEEDS = 200;

    private ClockTrackingFigures() {
    }

    public static void main(String[] args) {
        report("steps 90..150 by 10 every 4 beats", t -> Math.min(150, 90 + 10 * (t / (4 * BEAT))), 8 * 4 * BEAT, 4 * BEAT);
        for (int bars : new int[]{4, 8, 16, 32}) {
            int beats = 4 * bars;
            report("linear ramp 90..150 over " + bars + " bars", t -> 90 + 60 * Math.max(0, Math.min(1, (t - 2.0 * BEAT) / (beats * BEAT))),
                    (beats + 8) * BEAT, 0);
        }
        report("steady 120", t -> 120, 64 * BEAT, 0);
    }

    /** @param changeEvery ticks between tempo steps (0: changes every tick, checked from one beat in) */
    private static void report(String name, LongToDoubleFunction bpm, int ticks, int changeEvery) {
        double[] errors = new double[SEEDS * ticks];
        int n = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            MidiClockFollower follower = new MidiClockFollower();
            JitteredHostClock host = new JitteredHostClock(0, bpm, JITTER, seed);
            while (host.tick() < ticks) {
                follower.onMessage(host.next(), 0xF8, 0, 0);
                long received = host.tick() - 1;
                boolean settled = changeEvery > 0 ? received % changeEvery >= BEAT && received >= BEAT : received >= BEAT;
                if (settled) errors[n++] = Math.abs(follower.bpm() / host.bpmNow() - 1);
            }
        }
        double[] e = Arrays.copyOf(errors, n);
        Arrays.sort(e);
        System.out.printf("%-40s n=%7d  median %.3f%%  p99 %.3f%%  max %.3f%%%n", name, n, 100 * e[n / 2],
                100 * e[(int) (n * 0.99)], 100 * e[n - 1]);
    }
}
