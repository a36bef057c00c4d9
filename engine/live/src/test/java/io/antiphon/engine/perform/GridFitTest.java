package io.antiphon.engine.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridFitTest {

    private static final double BEAT = 500e6;
    private static final double ORIGIN = 1e9;

    /** Sixteen eighths on a 120 BPM grid from beat 0, onset {@code odd} played {@code offMs} late. */
    private static OnsetWindow eighths(int odd, double offMs) {
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < 16; i++) {
            long slot = 2L * i;
            window.append(Math.round(ORIGIN + slot * BEAT / 4 + (i == odd ? offMs * 1e6 : 0)), 0, 80);
            window.setSlot(i, slot);
        }
        return window;
    }

    @Test
    void onsetsOnAGridGiveItsPeriodAndOriginFromAGridThreePercentOff() {
        OnsetWindow window = eighths(-1, 0);
        GridFit fit = new GridFit(window, new TempoPrior(100));
        fit.fit(window.time(15), 0.97 * BEAT, ORIGIN + 3e6, 0, true, true);

        assertEquals(BEAT, fit.period(), 1e3);
        assertEquals(ORIGIN, fit.origin(), 1e3);
    }

    @Test
    void aSteadyPlayersOneFarOnsetDoesNotMoveTheGrid() {
        // a note played 60 ms late among fifteen on the grid: the robust line through the window leaves it out
        OnsetWindow window = eighths(12, 60);
        GridFit robust = new GridFit(window, new TempoPrior(100));
        robust.fit(window.time(15), BEAT, ORIGIN, 1, true, true);
        GridFit weighted = new GridFit(window, new TempoPrior(100));
        weighted.fit(window.time(15), BEAT, ORIGIN, 1, false, true);

        assertEquals(BEAT, robust.period(), 1e3);
        assertEquals(ORIGIN, robust.origin(), 1e3);
        assertTrue(Math.abs(weighted.period() - BEAT) > 1e5, "the line weighted by age and position alone leans to it");
    }

    @Test
    void aLockedTempoKeepsThePriorsPeriodAndFitsOnlyThePhase() {
        OnsetWindow window = eighths(-1, 0);
        TempoPrior prior = new TempoPrior(100);
        prior.setLocked(true);
        GridFit fit = new GridFit(window, prior);
        fit.fit(window.time(15), prior.period(), ORIGIN, 0, true, true);

        assertEquals(prior.period(), fit.period(), 1e-6);
        assertTrue(Math.abs(fit.origin() - ORIGIN) > 1e6, "the prior's slower grid through the player's onsets moves its origin");
    }
}
