package io.antiphon.engine.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SameKeyOverlapsTest {

    private static TimedNote note(int pitch, int velocity, long start, long end) {
        return new TimedNote(pitch, velocity, start, end);
    }

    @Test
    void notesWithoutSameKeyOverlapOnlyGetSortedByOnsetThenPitch() {
        List<TimedNote> notes = List.of(note(64, 80, 6, 12), note(60, 80, 6, 30), note(60, 90, 0, 6), note(62, 80, 0, 40));
        assertThat(SameKeyOverlaps.resolve(notes))
                .containsExactly(note(60, 90, 0, 6), note(62, 80, 0, 40), note(60, 80, 6, 30), note(64, 80, 6, 12));
    }

    @Test
    void aReStrikeBeforeReleaseEndsTheSoundingNote() {
        assertThat(SameKeyOverlaps.resolve(List.of(note(60, 100, 6, 30), note(60, 80, 0, 12))))
                .containsExactly(note(60, 80, 0, 6), note(60, 100, 6, 30));
    }

    @Test
    void aUnisonWithTheSameOnsetKeepsTheLongerNote() {
        assertThat(SameKeyOverlaps.resolve(List.of(note(53, 40, 0, 6), note(53, 90, 0, 12))))
                .containsExactly(note(53, 90, 0, 12));
    }

    @Test
    void aCoveredNoteMergesIntoTheCoveringOne() {
        assertThat(SameKeyOverlaps.resolve(List.of(note(53, 80, 0, 24), note(53, 120, 6, 24), note(53, 1, 12, 18))))
                .containsExactly(note(53, 80, 0, 24));
    }

    @Test
    void chainsOfReStrikesResolveOneAfterAnother() {
        assertThat(SameKeyOverlaps.resolve(List.of(note(70, 80, 0, 20), note(70, 80, 10, 30), note(70, 80, 15, 40))))
                .containsExactly(note(70, 80, 0, 10), note(70, 80, 10, 15), note(70, 80, 15, 40));
    }
}
