package io.antiphon.engine.corpus;

import io.antiphon.engine.token.TimedNote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PieceEndSplitTest {

    private static List<TimedNote> line(int notes) {
        List<TimedNote> line = new ArrayList<>();
        for (int i = 0; i < notes; i++) line.add(new TimedNote(60 + i % 12, 80, i * 12L, i * 12L + 12));
        return line;
    }

    @Test
    void eightyTenTenInOnsetOrderWithTheHeldOutPartsStartingAtZero() {
        List<TimedNote> notes = line(40);
        assertThat(PieceEndSplit.part(notes, Split.TRAIN)).isEqualTo(notes.subList(0, 32));
        List<TimedNote> valid = PieceEndSplit.part(notes, Split.VALID);
        assertThat(valid).hasSize(4);
        assertThat(valid.get(0)).isEqualTo(new TimedNote(notes.get(32).pitch(), 80, 0, 12));
        List<TimedNote> test = PieceEndSplit.part(notes, Split.TEST);
        assertThat(test).hasSize(4);
        assertThat(test.get(3)).isEqualTo(new TimedNote(notes.get(39).pitch(), 80, 36, 48));
    }

    @Test
    void aCutNeverSplitsAChord() {
        List<TimedNote> notes = new ArrayList<>(line(11));
        for (int i = 0; i < 4; i++) notes.add(new TimedNote(40 + i, 80, 132, 144));   // a chord, notes 11..14: the 80 % cut (13) falls inside it
        notes.add(new TimedNote(80, 80, 144, 156));
        List<TimedNote> train = PieceEndSplit.part(notes, Split.TRAIN);
        assertThat(train).as("the whole chord stays in training").hasSize(15).contains(notes.get(14));
        assertThat(PieceEndSplit.part(notes, Split.VALID)).isEmpty();
        assertThat(PieceEndSplit.part(notes, Split.TEST)).containsExactly(new TimedNote(80, 80, 0, 12));
    }

    @Test
    void aShortPieceIsAllTraining() {
        List<TimedNote> notes = line(PieceEndSplit.MIN_NOTES - 1);
        assertThat(PieceEndSplit.part(notes, Split.TRAIN)).isEqualTo(notes);
        assertThat(PieceEndSplit.part(notes, Split.VALID)).isEmpty();
        assertThat(PieceEndSplit.part(notes, Split.TEST)).isEmpty();
    }
}
