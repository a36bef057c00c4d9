package io.antiphon.midi.file;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Converts a MIDI file's ticks to seconds and back through every tempo change.
 * Before the first tempo event the tempo is {@value #DEFAULT_MICROS_PER_QUARTER} µs per quarter (120 BPM).
 * Elapsed time at each change is kept as an exact integer count of µs·(1/ticksPerQuarter), so long
 * rubato tempo maps accumulate no rounding error.
 */
public final class TempoMap {

    /** The tempo a Standard MIDI File has until its first tempo event: 120 BPM. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    private final int ticksPerQuarter;
    private final long[] startTicks;     // first segment starts at tick 0
    private final long[] startUnits;     // exact elapsed time units at each segment start
    private final long[] unitsPerTick;   // rate of each segment
    private final double unitsPerSecond;

    private TempoMap(int ticksPerQuarter, long[] startTicks, long[] unitsPerTick, double unitsPerSecond) {
        this.ticksPerQuarter = ticksPerQuarter;
        this.startTicks = startTicks;
        this.unitsPerTick = unitsPerTick;
        this.unitsPerSecond = unitsPerSecond;
        this.startUnits = new long[startTicks.length];
        for (int i = 1; i < startTicks.length; i++) {
            startUnits[i] = startUnits[i - 1] + (startTicks[i] - startTicks[i - 1]) * unitsPerTick[i - 1];
        }
    }

    /**
     * A tempo map from tempo events.
     *
     * @param ticksPerQuarter          the file's resolution
     * @param microsPerQuarterByTick   tempo (µs per quarter note) taking effect at each tick; ticks {@code >= 0}
     */
    public static TempoMap of(int ticksPerQuarter, NavigableMap<Long, Integer> microsPerQuarterByTick) {
        if (ticksPerQuarter <= 0) throw new IllegalArgumentException("ticksPerQuarter must be positive: " + ticksPerQuarter);
        int n = microsPerQuarterByTick.containsKey(0L) ? microsPerQuarterByTick.size() : microsPerQuarterByTick.size() + 1;
        long[] ticks = new long[n];
        long[] rates = new long[n];
        int i = 0;
        if (!microsPerQuarterByTick.containsKey(0L)) {
            rates[i++] = DEFAULT_MICROS_PER_QUARTER;
        }
        for (Map.Entry<Long, Integer> change : microsPerQuarterByTick.entrySet()) {
            if (change.getKey() < 0) throw new IllegalArgumentException("tempo change at negative tick " + change.getKey());
            if (change.getValue() <= 0) {
                throw new IllegalArgumentException("tempo at tick " + change.getKey() + " must be positive µs per quarter: " + change.getValue());
            }
            ticks[i] = change.getKey();
            rates[i++] = change.getValue();
        }
        return new TempoMap(ticksPerQuarter, ticks, rates, 1e6 * ticksPerQuarter);
    }

    /** A single tempo, rounded to whole µs per quarter note as a MIDI file stores it. */
    public static TempoMap constant(int ticksPerQuarter, double bpm) {
        return of(ticksPerQuarter, new TreeMap<>(Map.of(0L, microsPerQuarter(bpm))));
    }

    /**
     * The time base of an SMPTE-division file: a fixed number of ticks per second, tempo events ignored.
     *
     * @param framesPerSecond 24, 25, 29.97 (drop frame) or 30
     * @param ticksPerFrame   ticks per frame
     * @param ticksPerQuarter nominal resolution to report for {@link #bpmAt}
     */
    static TempoMap smpte(float framesPerSecond, int ticksPerFrame, int ticksPerQuarter) {
        boolean dropFrame = Math.abs(framesPerSecond - 29.97f) < 0.01f;
        long unitsPerTick = dropFrame ? 1001 : 1;
        double unitsPerSecond = dropFrame ? 30_000.0 * ticksPerFrame : Math.round(framesPerSecond) * (double) ticksPerFrame;
        return new TempoMap(ticksPerQuarter, new long[] {0}, new long[] {unitsPerTick}, unitsPerSecond);
    }

    /** Whole µs per quarter note for a tempo in BPM (what a MIDI tempo event stores). */
    public static int microsPerQuarter(double bpm) {
        if (!(bpm > 0)) throw new IllegalArgumentException("tempo must be a positive BPM: " + bpm);
        long micros = Math.round(60_000_000.0 / bpm);
        if (micros < 1 || micros > 0xFFFFFF) {
            throw new IllegalArgumentException("tempo " + bpm + " BPM does not fit a MIDI tempo event (1..16777215 µs per quarter)");
        }
        return (int) micros;
    }

    /** Seconds from the file's start at {@code tick} (extrapolated at the first tempo before tick 0). */
    public double seconds(long tick) {
        int i = segmentOfTick(tick);
        return (startUnits[i] + (double) (tick - startTicks[i]) * unitsPerTick[i]) / unitsPerSecond;
    }

    /** The tick nearest to {@code seconds} from the file's start. */
    public long tick(double seconds) {
        double units = seconds * unitsPerSecond;
        int i = segmentOfUnits(units);
        return startTicks[i] + Math.round((units - startUnits[i]) / unitsPerTick[i]);
    }

    /** The tempo in quarter notes per minute in force at {@code tick}. */
    public double bpmAt(long tick) {
        return 60.0 * unitsPerSecond / ((double) unitsPerTick[segmentOfTick(tick)] * ticksPerQuarter);
    }

    /** Number of distinct tempo segments (1 for a file without tempo changes). */
    public int segmentCount() {
        return startTicks.length;
    }

    private int segmentOfTick(long tick) {
        int found = Arrays.binarySearch(startTicks, tick);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    private int segmentOfUnits(double units) {
        int lo = 0;
        int hi = startUnits.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startUnits[mid] <= units) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
