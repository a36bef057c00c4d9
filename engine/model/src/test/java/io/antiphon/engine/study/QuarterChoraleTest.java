package io.antiphon.engine.study;

import io.antiphon.engine.token.TimedNote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterChoraleTest {

    private static final QuarterChorale CHORALE = new QuarterChorale("x", new int[][]{
            {48, 55, 60, 72}, {48, 55, 60, 72}, {48, 55, 60}, {48, 55, 64, 72}, {}});

    @Test
    void theSopranoIsTheHighestKeyAndTheFloorTheOneBelowIt() {
        assertThat(CHORALE.soprano(0)).isEqualTo(72);
        assertThat(CHORALE.soprano(2)).as("the alto's 60 is the top of this frame").isEqualTo(60);
        assertThat(CHORALE.soprano(4)).isEqualTo(QuarterChorale.REST);
        assertThat(CHORALE.highestLowerVoice(3)).isEqualTo(64);
        assertThat(new QuarterChorale("solo", new int[][]{{72}}).highestLowerVoice(0)).isEqualTo(QuarterChorale.REST);
    }

    @Test
    void aKeyHeldOverFramesIsOneNote() {
        assertThat(CHORALE.sopranoNotes()).containsExactly(
                new TimedNote(72, 80, 0, 48), new TimedNote(60, 80, 48, 72), new TimedNote(72, 80, 72, 96));
        List<TimedNote> all = CHORALE.allNotes();
        assertThat(all).containsExactly(
                new TimedNote(48, 80, 0, 96), new TimedNote(55, 80, 0, 96), new TimedNote(60, 80, 0, 72),
                new TimedNote(72, 80, 0, 48), new TimedNote(64, 80, 72, 96), new TimedNote(72, 80, 72, 96));
    }

    @Test
    void theRollHoldsEveryKeyOrTheSopranoAlone() {
        assertThat(sounding(CHORALE.roll(true)[3])).isEqualTo(1);
        assertThat(CHORALE.roll(true)[3][72 - 21]).isTrue();
        assertThat(sounding(CHORALE.roll(false)[3])).isEqualTo(4);
        assertThat(CHORALE.roll(false)[4]).containsOnly(false);
    }

    private static int sounding(boolean[] frame) {
        int n = 0;
        for (boolean on : frame) if (on) n++;
        return n;
    }
}
