package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A melody played by a simulated human: the score's beats become times through a tempo that drifts linearly and
 * breathes (rubato, a slow sine over four bars), each onset is late or early by jitter (Gaussian or uniform), and the velocities
 * follow a contour (from one level to another across the phrase) with {@link Accents} on the beat. Seeded; the true
 * beat times stay known, so what a follower heard can be checked against them.
 *
 * @param events    the human's MIDI, rows of {nanos, status, key, velocity}, in time order (note-ons on channel 1)
 * @param bpm       the tempo at the start
 * @param drift     the tempo at the end of the melody as a ratio of the start's (1.1 = 10% faster)
 * @param rubato    the depth of the tempo's breathing (0.04 = ±4%)
 * @param startBeat the score beat the first note falls on, played at {@link #START_NANOS}
 * @param endBeat   the score beat where the melody ends (its last note's end)
 * @param velocities the velocity of each note, in score order
 * @param onsetNanos when each note was played, in score order
 * @param onsetBeats the score beat of each note
 */
public record HumanPerformance(long[][] events, double bpm, double drift, double rubato, double startBeat, double endBeat,
                               int[] velocities, long[] onsetNanos, double[] onsetBeats) {

    /** When the first note is played. */
    public static final long START_NANOS = 1_000_000_000L;
    private static final double STEP_BEATS = 1.0 / 48;

    /**
     * Performs {@code melody}.
     *
     * @param melody    score notes: rows of {onset beat, duration in beats, pitch}, in onset order
     * @param jitterMs  the size of the onsets' deviation from the tempo's time, in ms: with {@code jitter}, its standard
     *                  deviation ({@link JitterShape#GAUSSIAN}) or its bound ({@link JitterShape#UNIFORM})
     * @param lowVelocity  the velocity at one end of the contour
     * @param highVelocity the velocity at the other end
     * @param crescendo whether the contour rises (else it falls)
     * @param accents   where the notes are played louder over the contour
     */
    public static HumanPerformance of(double[][] melody, double bpm, double drift, double rubato, double jitterMs,
                                      JitterShape jitter, int lowVelocity, int highVelocity, boolean crescendo, Accents accents,
                                      long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double startBeat = melody[0][0];
        double endBeat = 0;
        for (double[] note : melody) endBeat = Math.max(endBeat, note[0] + note[1]);
        HumanPerformance shape = new HumanPerformance(new long[0][], bpm, drift, rubato, startBeat, endBeat, new int[0],
                new long[0], new double[0]);
        List<long[]> events = new ArrayList<>();
        int[] velocities = new int[melody.length];
        long[] onsetNanos = new long[melody.length];
        double[] onsetBeats = new double[melody.length];
        for (int i = 0; i < melody.length; i++) {
            double[] note = melody[i];
            double share = melody.length == 1 ? 0 : i / (double) (melody.length - 1);
            double level = crescendo ? lowVelocity + (highVelocity - lowVelocity) * share
                    : highVelocity - (highVelocity - lowVelocity) * share;
            int velocity = (int) Math.max(1, Math.min(127, Math.round(level + accents.at(note[0]) + random.nextDouble(-3, 3))));
            velocities[i] = velocity;
            long on = shape.beatNanos(note[0]) + Math.round(jitter.draw(random, jitterMs) * 1e6);
            onsetNanos[i] = on;
            onsetBeats[i] = note[0];
            long off = Math.max(on + 30_000_000L, shape.beatNanos(note[0] + note[1] * 0.92));
            int key = (int) note[2];
            events.add(new long[] {on, 0x90, key, velocity});
            events.add(new long[] {off, 0x80, key, 0});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1] == 0x80 ? 0 : 1));
        return new HumanPerformance(events.toArray(new long[0][]), bpm, drift, rubato, startBeat, endBeat, velocities,
                onsetNanos, onsetBeats);
    }

    /** The straight tempo through this performance's onsets, each at its score beat ({@link TempoLine#fit}). */
    public TempoLine straightTempo() {
        return TempoLine.fit(onsetBeats, onsetNanos);
    }

    /** The tempo at score beat {@code beat}; past the melody's end, the tempo it ended with, without rubato. */
    public double tempoAt(double beat) {
        double length = Math.max(1e-9, endBeat - startBeat);
        double along = Math.min(1, Math.max(0, (beat - startBeat) / length));
        double breathing = beat > endBeat ? 0 : rubato * Math.sin(2 * Math.PI * (beat - startBeat) / 16);
        return bpm * (1 + (drift - 1) * along) * (1 + breathing);
    }

    /** The true time of score beat {@code beat} (before jitter): the player's grid. */
    public long beatNanos(double beat) {
        double nanos = 0;
        for (double b = startBeat; b < beat - 1e-12; b += STEP_BEATS) {
            double step = Math.min(STEP_BEATS, beat - b);
            nanos += step * 60e9 / tempoAt(b + step / 2);
        }
        for (double b = startBeat; b > beat + 1e-12; b -= STEP_BEATS) {
            double step = Math.min(STEP_BEATS, b - beat);
            nanos -= step * 60e9 / tempoAt(b - step / 2);
        }
        return START_NANOS + Math.round(nanos);
    }

    /** The score beat at {@code nanos} (the inverse of {@link #beatNanos}, to a microsecond or so). */
    public double beatAt(long nanos) {
        double low = startBeat - 64;
        double high = endBeat + 256;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (beatNanos(mid) < nanos) low = mid;
            else high = mid;
        }
        return (low + high) / 2;
    }

    /** How far {@code nanos} is from the nearest line of the player's grid of {@code division} lines per beat, in ms. */
    public double gridErrorMs(long nanos, int division) {
        double beat = beatAt(nanos);
        double line = Math.rint(beat * division) / division;
        return Math.abs(nanos - beatNanos(line)) / 1e6;
    }

    /** The time of the last note-on. */
    public long lastOnsetNanos() {
        long last = 0;
        for (long[] e : events) {
            if (e[1] == 0x90) last = Math.max(last, e[0]);
        }
        return last;
    }
}
