package io.antiphon.engine.harness;

import java.util.Objects;

/**
 * How {@link GrooveEvaluation#run} performs each melody.
 *
 * @param tempos    the tempi to perform each melody at, BPM
 * @param maxDrift  the largest tempo drift over a melody (0.1: the end up to 10% faster or slower), drawn per case
 * @param maxRubato the largest depth of the tempo's breathing (0.04: ±4%), drawn per case
 * @param rests     whether the melody at the i-th tempo gets a rest of {@code i % 3} beats (0, 1, 2) inserted inside the
 *                  phrase ({@link TestMelodies#withRest}): the answer must wait for the phrase's end
 * @param restAfter where the rest goes: after the first note on a beat at or after this beat of the melody, or, NaN,
 *                  after the middle one of those on beats 4..10
 * @param jitterMs  the size of the human's onset jitter, ms; 0 for one drawn per case from 10..20
 * @param jitter    its shape: {@code jitterMs} is a standard deviation (Gaussian) or a bound (uniform)
 * @param accents   where the human plays louder over the velocity contour
 * @param seed      the seed of the human timing, the contours and the sampling
 */
public record GrooveOptions(double[] tempos, double maxDrift, double maxRubato, boolean rests, double restAfter,
                            double jitterMs, JitterShape jitter, Accents accents, long seed) {

    public GrooveOptions {
        Objects.requireNonNull(tempos, "tempos");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(accents, "accents");
        if (tempos.length == 0) throw new IllegalArgumentException("at least one tempo");
        if (!(maxDrift >= 0) || !(maxRubato >= 0) || !(jitterMs >= 0)) {
            throw new IllegalArgumentException("drift, rubato and jitter must not be negative");
        }
    }
}
