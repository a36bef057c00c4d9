package io.antiphon.engine.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccentsTest {

    @Test
    void eachPlacePlaysItsNotesLouderWhereItSays() {
        double[] beats = {0, 0.5, 1, 2, 2.5, 3, 4, 4.25};
        int[] none = {0, 0, 0, 0, 0, 0, 0, 0};
        int[] downbeats = {8, 0, 0, 0, 0, 0, 8, 0};
        int[] onTheBeat = {8, 0, 5, 5, 0, 5, 8, 0};
        for (int i = 0; i < beats.length; i++) {
            assertEquals(none[i], Accents.NONE.at(beats[i]), "none at " + beats[i]);
            assertEquals(downbeats[i], Accents.DOWNBEATS.at(beats[i]), "downbeats at " + beats[i]);
            assertEquals(onTheBeat[i], Accents.BEATS.at(beats[i]), "beats at " + beats[i]);
        }
    }
}
