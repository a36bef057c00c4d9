package io.antiphon.engine.perform;

/**
 * How loud the player plays, measured from the human's note-ons: the <b>level</b> (the mean velocity of the last
 * {@value #LEVEL_NOTES} notes), the <b>contour</b> (the slope of velocity over time across the last
 * {@value #CONTOUR_NOTES} notes within {@value #CONTOUR_BEATS} beats, shrunk towards flat by its standard error, so
 * a crescendo the player clearly makes counts and the scatter of a level passage does not) and the <b>accents</b>
 * by {@link MetricPosition} (each class's mean deviation from the running level over the last {@value #WINDOW} notes,
 * shrunk towards a conventional pattern, bar line above beat above off-beat, in proportion to how few notes it rests
 * on). {@link #velocityAt} turns them into the velocity the player would give a note of the machine's part at a time
 * and position: the level, plus the contour continued through the part (from the part's start, or from the player's
 * last notes when the player plays on, as in a jam) at the player's rate, but reaching at most {@value #MAX_CONTOUR}
 * up or down by the part's end (a steep crescendo heard is spread over the answer, not spent on its first notes),
 * plus the accent, plus the <b>phrase arch</b>: a bounded part swells from {@value #ARCH} below to {@value #ARCH} above
 * towards its middle and eases again towards its end (a cosine, so the part's mean level is kept), as a performer
 * shapes a phrase (the "phrase arch" rule of the KTH performance rules; Friberg 1995).
 *
 * <p>The <b>register</b> ({@link #registerAccent}): a note of the machine's above the recent register (the mean pitch of
 * the last {@value #REGISTER_NOTES} notes, the player's and the machine's) is played louder, one below it softer, by
 * {@value #HIGH_LOUD} per semitone up to {@value #MAX_REGISTER_ACCENT} either way: the "high loud" rule of the KTH performance rules (Friberg,
 * Bresin and Sundberg 2006), by which a melody's dynamics follow its line. A player who holds one level still hears an
 * answer shaped by its own melody, not a row of equal velocities.
 * Allocation-free; owned by the performer thread.
 */
final class PlayerDynamics {

    static final int WINDOW = 32;
    static final int LEVEL_NOTES = 4;
    static final int CONTOUR_NOTES = 8;
    static final double CONTOUR_BEATS = 8;
    /** The most a continued crescendo or diminuendo moves away from the level. */
    static final double MAX_CONTOUR = 12;
    /** How far the phrase arch moves a part's notes from the level: down at its ends, up at its middle. */
    static final double ARCH = 4;
    /** The most an accent moves a note away from the level. */
    static final double MAX_ACCENT = 12;
    /** How many notes' worth of weight the conventional accent pattern has against the player's. */
    static final double PRIOR_NOTES = 4;
    /** The notes whose mean pitch is the register the machine's notes are measured against. */
    static final int REGISTER_NOTES = 8;
    /** Velocity per semitone above (or below) the player's register. */
    static final double HIGH_LOUD = 0.8;
    /** The most the register moves a note away from the level. */
    static final double MAX_REGISTER_ACCENT = 8;
    /** The conventional accents by {@link MetricPosition} class: bar line, beat, eighth off-beat, sixteenth, off the grid. */
    private static final double[] PRIOR = {6, 3, -2, -4, -3};

    private final long[] times = new long[WINDOW];
    private final int[] velocities = new int[WINDOW];
    /**
     * Each note's place on the grid, in ticks from its origin (moved with it: {@link #gridMoved}); NaN for a note heard
     * before the grid was the player's, whose place on it is not known: it counts for the level, not for the accents.
     */
    private final double[] positions = new double[WINDOW];
    /** The bar's length the positions are classed in (the last note's). */
    private int beatsPerBar = 4;
    /** Velocity minus the level of the notes before it; NaN for a note with none before it. */
    private final double[] residuals = new double[WINDOW];
    private int count;
    private int next;
    private final int[] pitches = new int[REGISTER_NOTES];
    private int pitchCount;
    private int nextPitch;

    private double level;
    private long levelTime;
    private double slopePerSecond;
    private final double[] accents = new double[MetricPosition.COUNT];
    /** Scratch of {@link #measureAccents}: each class's sum of deviations and its weight, the prior's included. */
    private final double[] classSums = new double[MetricPosition.COUNT];
    private final double[] classWeights = new double[MetricPosition.COUNT];
    private boolean accentsStale = true;

    /** A human note-on at {@code nanos}, {@code gridTicks} from the grid origin (NaN: not known), when a beat lasts {@code beatNanos}. */
    void hear(long nanos, double gridTicks, int velocity, int beatsPerBar, long beatNanos) {
        double residual = count == 0 ? Double.NaN : velocity - level;
        times[next] = nanos;
        velocities[next] = velocity;
        positions[next] = gridTicks;
        this.beatsPerBar = beatsPerBar;
        residuals[next] = residual;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        measureLevel();
        measureContour(beatNanos);
        accentsStale = true;
    }

    /**
     * The grid origin moved by {@code ticks} (the player's beats were renumbered: the beat's phase decided again at the
     * phrase's end, or its bar lines): the notes heard keep their times, so each now lies that much earlier on the grid,
     * and its accent counts for the place it has there. Measured on the old grid, a call whose beat was moved by half a
     * beat at its end had its on-beat accents counted as off-beat ones, and the answer leaned on its off-beats.
     */
    void gridMoved(double ticks) {
        if (ticks == 0 || count == 0) return;
        for (int i = 0; i < count; i++) positions[i] -= ticks;
        accentsStale = true;
    }

    /** A note-on's pitch, the player's or the machine's: the register moves with it. */
    void hearPitch(int pitch) {
        pitches[nextPitch] = pitch;
        nextPitch = (nextPitch + 1) % REGISTER_NOTES;
        pitchCount = Math.min(pitchCount + 1, REGISTER_NOTES);
    }

    /** The velocity a machine note at {@code pitch} gains (or loses) by its height against the register; 0 before a pitch is heard. */
    double registerAccent(int pitch) {
        if (pitchCount == 0) return 0;
        double sum = 0;
        for (int i = 0; i < pitchCount; i++) sum += pitches[i];
        double above = pitch - sum / pitchCount;
        return Math.max(-MAX_REGISTER_ACCENT, Math.min(MAX_REGISTER_ACCENT, HIGH_LOUD * above));
    }

    /** Whether any note has been heard: before that, there is nothing to follow. */
    boolean heard() {
        return count > 0;
    }

    /** The mean velocity of the last {@value #LEVEL_NOTES} notes. */
    double level() {
        return level;
    }

    /** The contour, in velocity per second (0 when the player's is not clear). */
    double slopePerSecond() {
        return slopePerSecond;
    }

    /** The accent of {@link MetricPosition} class {@code metricClass}: added to the level. */
    double accent(int metricClass) {
        if (accentsStale) measureAccents();
        return accents[metricClass];
    }

    /**
     * The velocity the player would give a note at {@code nanos}, of {@link MetricPosition} class {@code metricClass},
     * in a part of the machine's from {@code partStart} to {@code partEnd} ({@link Long#MAX_VALUE}: a part without end,
     * whose contour reaches its bound over {@value #CONTOUR_BEATS} beats of {@code beatNanos}). Unrounded and
     * unbounded (the caller bounds it); only after {@link #heard}.
     */
    double velocityAt(long nanos, int metricClass, long partStart, long partEnd, long beatNanos) {
        long from = Math.max(levelTime, partStart);
        double span = partEnd == Long.MAX_VALUE ? CONTOUR_BEATS * beatNanos : Math.max(1, partEnd - from);
        double rate = Math.signum(slopePerSecond) * Math.min(Math.abs(slopePerSecond), MAX_CONTOUR / (span / 1e9));
        double contour = rate * Math.max(0, nanos - from) / 1e9;
        contour = Math.max(-MAX_CONTOUR, Math.min(MAX_CONTOUR, contour));
        return level + contour + accent(metricClass) + arch(nanos, partStart, partEnd);
    }

    /** The phrase arch at {@code nanos} in a part from {@code partStart} to {@code partEnd}; 0 in a part without end. */
    static double arch(long nanos, long partStart, long partEnd) {
        if (partEnd == Long.MAX_VALUE || partEnd <= partStart) return 0;
        double along = Math.max(0, Math.min(1, (nanos - partStart) / (double) (partEnd - partStart)));
        return -ARCH * Math.cos(2 * Math.PI * along);
    }

    /** Index of the {@code back}-th newest note (0 = newest). */
    private int index(int back) {
        return Math.floorMod(next - 1 - back, WINDOW);
    }

    private void measureLevel() {
        int n = Math.min(count, LEVEL_NOTES);
        long newest = times[index(0)];
        double sum = 0;
        double offset = 0;
        for (int i = 0; i < n; i++) {
            int at = index(i);
            sum += velocities[at];
            offset += times[at] - newest;
        }
        level = sum / n;
        levelTime = newest + Math.round(offset / n);
    }

    /** Least squares of velocity on time over the recent notes; the slope is shrunk by one standard error. */
    private void measureContour(long beatNanos) {
        long newest = times[index(0)];
        long oldest = newest - Math.round(CONTOUR_BEATS * beatNanos);
        int n = 0;
        double sumX = 0;
        double sumY = 0;
        int limit = Math.min(count, CONTOUR_NOTES);
        for (; n < limit; n++) {
            int at = index(n);
            if (times[at] < oldest) break;
            sumX += (times[at] - newest) / 1e9;
            sumY += velocities[at];
        }
        slopePerSecond = 0;
        if (n < 4) return;
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            int at = index(i);
            double dx = (times[at] - newest) / 1e9 - meanX;
            sxx += dx * dx;
            sxy += dx * (velocities[at] - meanY);
        }
        if (sxx <= 0) return;
        double slope = sxy / sxx;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            int at = index(i);
            double fitted = meanY + slope * ((times[at] - newest) / 1e9 - meanX);
            double residual = velocities[at] - fitted;
            squares += residual * residual;
        }
        double standardError = Math.sqrt(squares / (n - 2) / sxx);
        slopePerSecond = Math.signum(slope) * Math.max(0, Math.abs(slope) - standardError);
    }

    private void measureAccents() {
        accentsStale = false;
        double total = 0;
        int measured = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(residuals[i])) continue;
            total += residuals[i];
            measured++;
        }
        double mean = measured == 0 ? 0 : total / measured;
        for (int c = 0; c < MetricPosition.COUNT; c++) {
            classSums[c] = PRIOR_NOTES * PRIOR[c];
            classWeights[c] = PRIOR_NOTES;
        }
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(residuals[i]) || Double.isNaN(positions[i])) continue;
            int c = MetricPosition.of(positions[i], beatsPerBar);
            classSums[c] += residuals[i] - mean;
            classWeights[c]++;
        }
        for (int c = 0; c < MetricPosition.COUNT; c++) {
            double sum = classSums[c];
            double weight = classWeights[c];
            accents[c] = Math.max(-MAX_ACCENT, Math.min(MAX_ACCENT, sum / weight));
        }
    }
}
