package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing sequence of steps to a short one that still fails, so that a broken invariant is reported with a
 * sequence a person can read: removes chunks of halving size, then single steps, for as long as the failure remains
 * (a bounded number of re-runs).
 */
public final class MinimalFailure {

    private static final int MAX_RUNS = 400;

    private MinimalFailure() {
    }

    /**
     * @param steps a sequence for which {@code failure} returned a message
     * @param failure runs a sequence; returns what broke, or null if nothing did
     * @return the failure message, the seed and the shortest failing sequence found
     */
    public static <T> String describe(long seed, List<T> steps, Function<List<T>, String> failure) {
        List<T> current = new ArrayList<>(steps);
        String message = failure.apply(current);
        if (message == null) return "seed " + seed + ": the failure did not repeat (" + steps.size() + " steps)";
        int runs = 1;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && runs < MAX_RUNS; chunk /= 2) {
            for (int from = 0; from < current.size() && runs < MAX_RUNS; ) {
                List<T> candidate = new ArrayList<>(current.subList(0, from));
                candidate.addAll(current.subList(Math.min(current.size(), from + chunk), current.size()));
                String candidateFailure = failure.apply(candidate);
                runs++;
                if (candidateFailure != null) {
                    current = candidate;
                    message = candidateFailure;
                } else {
                    from += chunk;
                }
            }
        }
        return "seed " + seed + ": " + message + "\n  shortest failing sequence (" + current.size() + " of " + steps.size()
                + " steps): " + current;
    }
}
