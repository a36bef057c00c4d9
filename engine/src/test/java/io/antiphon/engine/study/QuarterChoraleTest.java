package io.antiphon.engine.study;

import io.antiphon.engine.token.TimedNote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterChoraleTest {

    /** Two quarters of sixteenths: S 74 74 74 74 | 76 76 -1 -1 ; bass ends on D (38), so the chorale moves down 2. */
    private static final int[][] SIXTEENTHS = {
            {74, 69, 65, 50}, {74, 69, 65, 50}, {74, 69, 65, 50}, {74, 69, 65, 50},
            {76, 69, 62, 38}, {76, 69, 62, 38}, {-1, 69, 62, 38}, {-1, 69, 62, 38},
            {76, 67, 64, 38}, {76, 67, 64, 38}, {76, 67, 64, 38}, {76, 67, 64, 38},
    };

    @Test
    void samplesEveryQuarterAndTransposesTheLastBassNoteToC() {
        QuarterChorale chorale = QuarterChorale.of("x", SIXTEENTHS);

        assertThat(chorale.frames()).hasNumberOfRows(3);
        assertThat(chorale.frames()[0]).containsExactly(72, 67, 63, 48);
        assertThat(chorale.frames()[1]).containsExactly(74, 67, 60, 36);
        assertThat(chorale.frames()[2]).containsExactly(74, 65, 62, 36);
    }

    @Test
    void shiftsByAtMostATritoneEitherWay() {
        assertThat(QuarterChorale.shiftToC(new int[][]{{60, 55, 52, 43}})).isEqualTo(5);    // G -> C above
        assertThat(QuarterChorale.shiftToC(new int[][]{{60, 55, 52, 42}})).isEqualTo(-6);   // F# -> C below
        assertThat(QuarterChorale.shiftToC(new int[][]{{60, 55, 52, 49}})).isEqualTo(-1);   // C# -> C
        assertThat(QuarterChorale.shiftToC(new int[][]{{60, 55, 52, 48}, {60, -1, -1, -1}})).isZero();
    }

    @Test
    void aPitchHeldOverFramesIsOneNote() {
        QuarterChorale chorale = new QuarterChorale("x", new int[][]{{72, 60, 55, 48}, {72, 60, 55, 48}, {-1, 60, 55, 48}, {72, 60, 55, 48}});

        assertThat(chorale.voiceNotes(QuarterChorale.SOPRANO)).containsExactly(
                new TimedNote(72, 80, 0, 48), new TimedNote(72, 80, 72, 96));
        List<TimedNote> all = chorale.allNotes();
        assertThat(all).hasSize(5);
        assertThat(all.get(0).startTick()).isZero();
        assertThat(chorale.roll(true)[2]).containsOnly(false);
        assertThat(chorale.roll(false)[2]).contains(true);
    }
}
