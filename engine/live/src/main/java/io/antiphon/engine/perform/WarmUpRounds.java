package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.RecurrentModel;
import io.antiphon.engine.kernel.RecurrentState;

/**
 * The rounds of a warm-up ({@link HotPathWarmUp}, {@link HarmonizerWarmUp}): played until one allocates nothing on the
 * calling thread or the rounds run out, with the model's recurrent state saved before and restored after, so that its
 * memory is untouched. Allocates; not for the live path.
 */
final class WarmUpRounds {

    /** One round of scripted play on scratch cores over the model. */
    interface Round {
        /** @return the bytes the round allocated on the calling thread, as {@code meter} counts them (0 with no meter) */
        long play(int round, AllocationMeter meter);
    }

    private WarmUpRounds() {
    }

    /** @return whether the last round allocated nothing (always false when this JVM cannot count allocation) */
    static boolean run(RecurrentModel model, int maxRounds, Round round) {
        AllocationMeter meter = AllocationMeter.isSupported() ? new AllocationMeter() : null;
        RecurrentState saved = model.newState();
        model.saveState(saved);
        try {
            for (int r = 0; r < maxRounds; r++) {
                if (round.play(r, meter) == 0 && meter != null) return true;
            }
            return false;
        } finally {
            model.restoreState(saved);
        }
    }
}
