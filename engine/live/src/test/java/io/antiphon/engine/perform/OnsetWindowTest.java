package io.antiphon.engine.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnsetWindowTest {

    @Test
    void aFullWindowForgetsItsOldestOnsetAndNoLongerBeginsWithTheFirst() {
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < OnsetWindow.CAPACITY; i++) window.append(1_000L * i, 7L * i, 60 + i);
        assertTrue(window.fromFirstOnset());
        window.append(1_000L * OnsetWindow.CAPACITY, 0, 50);
        window.chordKey(90);
        window.chordKey(70);

        assertEquals(OnsetWindow.CAPACITY, window.count());
        assertFalse(window.fromFirstOnset());
        assertEquals(1_000L, window.time(0));
        assertEquals(7L, window.silence(0));
        assertEquals(61, window.velocity(0));
        assertEquals(90, window.velocity(OnsetWindow.CAPACITY - 1), "a chord's loudest key");
        for (int i = 1; i < window.count(); i++) {
            assertEquals(window.slot(i - 1) + 1, window.slot(i), "each onset appended on the sixteenth after the newest");
        }
    }

    @Test
    void keepingTheNewestOnsetsKeepsThemInOrderAcrossTheRingsEnd() {
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < OnsetWindow.CAPACITY + 5; i++) window.append(1_000L * i, 0, 80);
        window.keepNewest(4);

        assertEquals(4, window.count());
        for (int i = 0; i < 4; i++) assertEquals(1_000L * (OnsetWindow.CAPACITY + 1 + i), window.time(i));
        window.append(99_000L, 0, 80);
        assertEquals(99_000L, window.time(4));
    }

    @Test
    void renumberingMovesEverySlotAndKeptSlotsComeBack() {
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < 6; i++) window.append(1_000L * i, 0, 80);
        window.keepSlots();
        window.renumber(2);
        assertEquals(-2, window.slot(0));
        assertEquals(3, window.slot(5));
        window.restoreSlots();
        assertEquals(0, window.slot(0));
        assertEquals(5, window.slot(5));
    }

    @Test
    void theParityOfSixteenthsIsTheOneClearlyMoreOnsetsKeepTo() {
        OnsetWindow window = new OnsetWindow();
        long[] even = {0, 2, 4, 6, 7, 8, 10, 12};
        for (int i = 0; i < even.length; i++) {
            window.append(i, 0, 80);
            window.setSlot(i, even[i]);
        }
        assertEquals(0, window.sixteenthParity(even.length));
        window.renumber(1);
        assertEquals(1, window.sixteenthParity(even.length));
        window.setSlot(0, 0);
        window.setSlot(1, 2);
        window.setSlot(2, 4);
        assertEquals(-1, window.sixteenthParity(even.length), "four even and four odd: neither");
    }
}
