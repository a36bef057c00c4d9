package io.antiphon.engine.harness;

import java.util.SplittableRandom;

/** How a simulated player's onsets scatter around the grid ({@link HumanPerformance}). */
public enum JitterShape {
    /** Gaussian, the size its standard deviation: most onsets within it, now and then one two or three times as far. */
    GAUSSIAN,
    /** Uniform within plus or minus the size ("±12 ms"): a standard deviation of the size over the square root of 3. */
    UNIFORM;

    /** One onset's deviation, in the size's unit. */
    double draw(SplittableRandom random, double size) {
        return switch (this) {
            case GAUSSIAN -> gaussian(random) * size;
            case UNIFORM -> (2 * random.nextDouble() - 1) * size;
        };
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
