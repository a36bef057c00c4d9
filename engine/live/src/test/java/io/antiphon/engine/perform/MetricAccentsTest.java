package io.antiphon.engine.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MetricAccentsTest {

    /**
     * A window of 24 eighths (sixteenths 0, 2, 4 ...), velocities on a contour from {@code from} to {@code to} (±3 drawn
     * from {@code seed}), the notes on the beat {@code onBeat} louder and those on the half beat {@code onHalf} louder.
     */
    private static OnsetWindow eighths(int from, int to, int onBeat, int onHalf, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < 24; i++) {
            long slot = 2L * i;
            boolean beat = slot % 4 == 0;
            double level = from + (to - from) * i / 23.0 + (beat ? onBeat : onHalf) + random.nextDouble(-3, 3);
            window.append(1_000_000L * i, 0, (int) Math.round(level));
            window.setSlot(i, slot);
        }
        return window;
    }

    @Test
    void notesPlayedLouderOnTheBeatPutItThere() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(0, new MetricAccents(eighths(50, 100, 8, 0, seed)).accentedEighth(), "seed " + seed);
        }
    }

    @Test
    void notesPlayedLouderOnTheHalfBeatPutTheBeatThere() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(2, new MetricAccents(eighths(100, 50, 0, 8, seed)).accentedEighth(), "seed " + seed);
        }
    }

    @Test
    void aCrescendoOrADiminuendoIsNoAccent() {
        for (long seed = 1; seed <= 200; seed++) {
            assertEquals(-1, new MetricAccents(eighths(40, 110, 0, 0, seed)).accentedEighth(), "crescendo, seed " + seed);
            assertEquals(-1, new MetricAccents(eighths(110, 40, 0, 0, seed)).accentedEighth(), "diminuendo, seed " + seed);
        }
    }

    @Test
    void aCrescendoFromOffBeatsToBeatsIsNoAccent() {
        // twelve notes on half beats, then twelve on beats, rising from 40 to 110: the beat's notes are louder only
        // because they come later
        for (long seed = 1; seed <= 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            OnsetWindow window = new OnsetWindow();
            for (int i = 0; i < 24; i++) {
                window.append(1_000_000L * i, 0, (int) Math.round(40 + 70 * i / 23.0 + random.nextDouble(-3, 3)));
                window.setSlot(i, i < 12 ? 2 + 4L * i : 4L * i);
            }
            assertEquals(-1, new MetricAccents(window).accentedEighth(), "seed " + seed);
        }
    }

    @Test
    void notesPlayedLouderOnOneBeatOfEachPairMakeThoseTheStrongBeats() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            OnsetWindow even = new OnsetWindow();
            OnsetWindow odd = new OnsetWindow();
            OnsetWindow neither = new OnsetWindow();
            for (int i = 0; i < 24; i++) {
                long slot = 2L * i;
                double level = 60 + random.nextDouble(-3, 3);
                even.append(i, 0, (int) Math.round(level + (slot % 8 == 0 ? 8 : 0)));
                odd.append(i, 0, (int) Math.round(level + (slot % 8 == 4 ? 8 : 0)));
                neither.append(i, 0, (int) Math.round(level + (slot % 4 == 0 ? 8 : 0)));
                even.setSlot(i, slot);
                odd.setSlot(i, slot);
                neither.setSlot(i, slot);
            }
            assertEquals(0, new MetricAccents(even).accentedBeatParity(), "even beats, seed " + seed);
            assertEquals(1, new MetricAccents(odd).accentedBeatParity(), "odd beats, seed " + seed);
            assertEquals(-1, new MetricAccents(neither).accentedBeatParity(), "every beat alike, seed " + seed);
        }
    }

    @Test
    void aLeanOfFourAndAHalfOnTheBeatIsHeard() {
        // a player's +6 on the beat measured 4.9 once the contour was out (the real demo, fink0-93 at 140 BPM): the
        // beat's notes at 74 and 75 by turns, the half beat's at 70, evenly
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < 24; i++) {
            window.append(1_000_000L * i, 0, i % 2 == 1 ? 70 : i % 4 == 0 ? 74 : 75);
            window.setSlot(i, 2L * i);
        }
        assertEquals(0, new MetricAccents(window).accentedEighth());
    }

    @Test
    void aSlightLeanOrUnknownVelocitiesSayNothing() {
        assertEquals(-1, new MetricAccents(eighths(70, 70, 3, 0, 1)).accentedEighth(), "3 louder: within a player's unevenness");
        OnsetWindow taps = new OnsetWindow();
        for (int i = 0; i < 24; i++) {
            taps.append(1_000_000L * i, 0, i % 2 == 0 ? 0 : 90);
            taps.setSlot(i, 2L * i);
        }
        assertEquals(-1, new MetricAccents(taps).accentedEighth(), "only the half beats' velocities known");
    }

    /**
     * A window of 32 quarters (sixteenths 0, 4, 8 ...) at 60 (±3 drawn from {@code seed}), each note {@code accents[b]}
     * louder on beat {@code b} of a bar of {@code accents.length}.
     */
    private static OnsetWindow quarters(int[] accents, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OnsetWindow window = new OnsetWindow();
        for (int i = 0; i < 32; i++) {
            window.append(1_000_000L * i, 0, (int) Math.round(60 + accents[i % accents.length] + random.nextDouble(-3, 3)));
            window.setSlot(i, 4L * i);
        }
        return window;
    }

    @Test
    void theBeatPlayedLouderThanTheBarsOthersIsItsFirst() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(0, new MetricAccents(quarters(new int[] {8, 0, 0, 0}, seed)).accentedBeatOfBar(4), "4/4 from beat 0, seed " + seed);
            assertEquals(3, new MetricAccents(quarters(new int[] {0, 0, 0, 8}, seed)).accentedBeatOfBar(4), "4/4 from beat 3, seed " + seed);
            assertEquals(1, new MetricAccents(quarters(new int[] {0, 8, 0}, seed)).accentedBeatOfBar(3), "3/4 from beat 1, seed " + seed);
            // strong and medium beats: the bar's first stands out from the third too
            assertEquals(2, new MetricAccents(quarters(new int[] {0, 0, 10, 3}, seed)).accentedBeatOfBar(4), "1 > 3 > 2, 4, seed " + seed);
        }
    }

    @Test
    void twoBeatsAlikeOrNoBarSayNothingOfTheBarsFirst() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(-1, new MetricAccents(quarters(new int[] {8, 0, 8, 0}, seed)).accentedBeatOfBar(4), "beats 1 and 3 alike, seed " + seed);
            assertEquals(-1, new MetricAccents(quarters(new int[] {0}, seed)).accentedBeatOfBar(4), "every beat alike, seed " + seed);
            assertEquals(-1, new MetricAccents(quarters(new int[] {8, 0, 0, 0}, seed)).accentedBeatOfBar(1), "a bar of one beat, seed " + seed);
        }
    }
}
