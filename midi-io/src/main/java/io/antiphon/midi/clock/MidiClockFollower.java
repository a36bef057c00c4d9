package io.antiphon.midi.clock;

/**
 * Follows an external MIDI clock: the transport state (Start, Continue, Stop), the song position in ticks of 1/24
 * quarter note (Song Position Pointer, then one tick per Timing Clock), and a robust tempo estimate. A plain object
 * fed stamped messages ({@link #onMessage}) and the passing of time ({@link #advance}); no wall clock, no threads,
 * nothing allocated after construction.
 *
 * <p>Semantics (MIDI 1.0): after Start the next Timing Clock is song position 0; after Continue, or a Song Position
 * Pointer (in sixteenths, 6 ticks each), the next Timing Clock is at the current position, and each further one
 * advances it by one. Ticks that arrive while the transport is stopped (many hosts send the clock all the time) teach
 * the tempo but move nothing.
 *
 * <p>Tempo: a least-squares line through the arrival times of the last {@value #WINDOW_INTERVALS} tick intervals (one
 * beat), so a tempo change is fully taken in one beat after it and the jitter of single arrivals is averaged over the
 * beat. A tick far off the line (more than {@value #OUTLIER_SCALES} robust standard deviations of the residuals, and
 * more than a quarter of a tick) is left out of the fit, at most a quarter of the window; the newest tick is never
 * left out (it may be the start of a tempo change); it is judged once the next one arrives. The window restarts when
 * ticks resume after they had ceased. A fitted tempo outside {@value #MIN_BPM}..{@value #MAX_BPM} BPM is ignored
 * and counted (the previous estimate stays). When the transport runs and no tick has come for {@value #STALL_TICKS}
 * tick lengths (half a beat; {@value #STALL_NANOS_WITHOUT_TEMPO} ns before any tempo is known), the clock has
 * stalled ({@link ClockEvent#STALL}); the next tick re-anchors ({@link ClockEvent#FIRST_TICK}) and the song position
 * continues from the count of ticks received: the sender's count is authoritative.
 */
public final class MidiClockFollower {

    /** Timing Clock messages per quarter note. */
    public static final int TICKS_PER_QUARTER = 24;
    /** Ticks per Song Position Pointer unit (a sixteenth note). */
    public static final int TICKS_PER_POSITION_UNIT = 6;
    /** Tick intervals the tempo is fitted over: one beat. */
    public static final int WINDOW_INTERVALS = 24;
    /** Slowest tempo believed. */
    public static final double MIN_BPM = 20;
    /** Fastest tempo believed. */
    public static final double MAX_BPM = 400;
    /** Missing tick lengths after which a running clock has stalled. */
    public static final int STALL_TICKS = 12;
    /** The stall limit before any tempo is known. */
    public static final long STALL_NANOS_WITHOUT_TEMPO = 500_000_000L;
    /** Robust standard deviations beyond which a tick is an outlier. */
    static final double OUTLIER_SCALES = 4;
    /** Never an outlier within this fraction of a tick of the line. */
    static final double OUTLIER_FLOOR_TICKS = 0.25;
    /** Outlier rejection starts with this many intervals in the window. */
    static final int MIN_INTERVALS_FOR_OUTLIERS = 6;

    private static final int TIMING_CLOCK = 0xF8;
    private static final int START = 0xFA;
    private static final int CONTINUE = 0xFB;
    private static final int STOP = 0xFC;
    private static final int SONG_POSITION = 0xF2;
    /** Median absolute deviation to standard deviation, for normal noise. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final long[] stamps = new long[WINDOW_INTERVALS + 1];
    private final boolean[] used = new boolean[WINDOW_INTERVALS + 1];
    private final double[] deviations = new double[WINDOW_INTERVALS + 1];
    private int size;
    private double fitSlope;
    private double fitIntercept;

    private boolean running;
    private boolean stalled;
    private boolean anchorPending;
    private long nextPosition;
    private long position = -1;
    private boolean anyTick;
    private long lastTickNanos;
    private long lastActivityNanos;
    private double nanosPerTick = Double.NaN;

    private long ticks;
    private long irregularTicks;
    private long rejectedTempos;
    private long stalls;

    /**
     * A message stamped {@code nanos}: Timing Clock, Start, Continue, Stop or Song Position Pointer (any other status
     * returns {@link ClockEvent#NONE}). Stamps should not decrease.
     */
    public ClockEvent onMessage(long nanos, int status, int data1, int data2) {
        switch (status) {
            case TIMING_CLOCK:
                return tick(nanos);
            case START:
                running = true;
                stalled = false;
                nextPosition = 0;
                anchorPending = true;
                lastActivityNanos = nanos;
                return ClockEvent.START;
            case CONTINUE:
                if (running) return ClockEvent.NONE;
                running = true;
                stalled = false;
                anchorPending = true;
                lastActivityNanos = nanos;
                return ClockEvent.CONTINUE;
            case STOP:
                if (!running) return ClockEvent.NONE;
                running = false;
                stalled = false;
                return ClockEvent.STOP;
            case SONG_POSITION:
                nextPosition = (long) ((data2 & 0x7F) << 7 | (data1 & 0x7F)) * TICKS_PER_POSITION_UNIT;
                if (running) anchorPending = true;
                return ClockEvent.POSITION;
            default:
                return ClockEvent.NONE;
        }
    }

    /** Time passes to {@code nanos}: returns {@link ClockEvent#STALL} once when a running clock's ticks have ceased. */
    public ClockEvent advance(long nanos) {
        if (running && !stalled && nanos - lastActivityNanos > stallNanos()) {
            stalled = true;
            stalls++;
            return ClockEvent.STALL;
        }
        return ClockEvent.NONE;
    }

    private ClockEvent tick(long nanos) {
        boolean ceased = anyTick && nanos - lastTickNanos > stallNanos();
        if (ceased) size = 0; // the old ticks say nothing about the tempo now
        if (running && !stalled && nanos - lastActivityNanos > stallNanos()) {
            stalled = true; // ceased without anyone calling advance
            stalls++;
        }
        addStamp(nanos);
        fitTempo();
        anyTick = true;
        lastTickNanos = nanos;
        lastActivityNanos = nanos;
        ticks++;
        if (!running) return ClockEvent.IDLE_TICK;
        position = nextPosition++;
        if (anchorPending || stalled) {
            anchorPending = false;
            stalled = false;
            return ClockEvent.FIRST_TICK;
        }
        return ClockEvent.TICK;
    }

    private void addStamp(long nanos) {
        if (size == stamps.length) {
            System.arraycopy(stamps, 1, stamps, 0, size - 1);
            size--;
        }
        stamps[size++] = nanos;
    }

    /** Fits the line (with outliers left out) and takes its slope as the tempo, if believable. */
    private void fitTempo() {
        if (size < 2) return;
        for (int i = 0; i < size; i++) used[i] = true;
        int usable = size;
        int maxRejected = size - 1 >= MIN_INTERVALS_FOR_OUTLIERS ? size / 4 : 0;
        fitLine();
        for (int rejected = 0; rejected < maxRejected; rejected++) {
            int worst = worstOutlier(usable);
            if (worst < 0) break;
            used[worst] = false;
            usable--;
            if (worst == size - 2) irregularTicks++; // judged for the first time (the newest is never judged)
            fitLine();
        }
        if (!(fitSlope > 0)) {
            rejectedTempos++;
            return;
        }
        double bpm = bpmOf(fitSlope);
        if (bpm < MIN_BPM || bpm > MAX_BPM) {
            rejectedTempos++;
            return;
        }
        nanosPerTick = fitSlope;
    }

    /** Least squares over the used points: x = index, y = nanos since the first stamp. */
    private void fitLine() {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < size; i++) {
            if (!used[i]) continue;
            n++;
            sx += i;
            sy += stamps[i] - stamps[0];
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < size; i++) {
            if (!used[i]) continue;
            double dx = i - mx;
            sxx += dx * dx;
            sxy += dx * (stamps[i] - stamps[0] - my);
        }
        fitSlope = sxy / sxx;
        fitIntercept = my - fitSlope * mx;
    }

    /** The used point (never the newest) farthest off the line beyond the outlier threshold, or -1. */
    private int worstOutlier(int usable) {
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (used[i]) deviations[k++] = Math.abs(residual(i));
        }
        double mad = median(deviations, usable);
        double threshold = Math.max(OUTLIER_SCALES * MAD_TO_SIGMA * mad, OUTLIER_FLOOR_TICKS * Math.abs(fitSlope));
        int worst = -1;
        double worstDeviation = threshold;
        for (int i = 0; i < size - 1; i++) {
            if (!used[i]) continue;
            double d = Math.abs(residual(i));
            if (d > worstDeviation) {
                worstDeviation = d;
                worst = i;
            }
        }
        return worst;
    }

    private double residual(int i) {
        return stamps[i] - stamps[0] - (fitIntercept + fitSlope * i);
    }

    /** Median of the first {@code n} values (sorts them in place; n is at most 25). */
    private static double median(double[] values, int n) {
        for (int i = 1; i < n; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
        return (n & 1) == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private long stallNanos() {
        return hasTempo() ? Math.round(STALL_TICKS * nanosPerTick) : STALL_NANOS_WITHOUT_TEMPO;
    }

    private static double bpmOf(double nanosPerTick) {
        return 60e9 / (nanosPerTick * TICKS_PER_QUARTER);
    }

    /** Whether the transport runs (Start or Continue, no Stop since), stalled or not. */
    public boolean running() {
        return running;
    }

    /** Whether the transport runs but its ticks have ceased (see {@link ClockEvent#STALL}). */
    public boolean stalled() {
        return stalled;
    }

    /** The song position (ticks since the song's start) of the latest tick played, or -1 before any. */
    public long position() {
        return position;
    }

    /** The song position the next tick played will have. */
    public long nextPosition() {
        return nextPosition;
    }

    /** When the latest tick arrived (any tick, running or not); meaningless before the first. */
    public long lastTickNanos() {
        return lastTickNanos;
    }

    /** Whether a tempo has been estimated. */
    public boolean hasTempo() {
        return !Double.isNaN(nanosPerTick);
    }

    /** The estimated length of a tick in ns, NaN before an estimate. */
    public double nanosPerTick() {
        return nanosPerTick;
    }

    /** The estimated tempo in quarter notes per minute, NaN before an estimate. */
    public double bpm() {
        return hasTempo() ? bpmOf(nanosPerTick) : Double.NaN;
    }

    /** Timing Clock messages received, running or not. */
    public long ticks() {
        return ticks;
    }

    /** Ticks left out of the tempo fit, being far off the line of their neighbours. */
    public long irregularTicks() {
        return irregularTicks;
    }

    /** Fitted tempi ignored: outside {@value #MIN_BPM}..{@value #MAX_BPM} BPM, or ticks not moving forward in time. */
    public long rejectedTempos() {
        return rejectedTempos;
    }

    /** Times the running clock's ticks ceased. */
    public long stalls() {
        return stalls;
    }
}
