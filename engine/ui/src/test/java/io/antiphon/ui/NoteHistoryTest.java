package io.antiphon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The page's notes: a planned note becomes the played note when it goes out; a dropped plan disappears. */
class NoteHistoryTest {

    @Test
    void aPlannedNoteBecomesThePlayedNoteAndADroppedPlanDisappears() {
        NoteHistory notes = new NoteHistory();
        NoteHistory.PageNote first = notes.planned(0, 60, 80, 1000);
        NoteHistory.PageNote other = notes.planned(0, 64, 70, 1200);
        assertThat(notes.planned(0, 60, 0, 1400)).as("the planned release of the latest planned note").isSameAs(first);
        NoteHistory.PageNote second = notes.planned(0, 60, 90, 1500);
        assertThat(first.plannedEndMs).isEqualTo(1400);
        assertThat(first.planned).isTrue();
        assertThat(first.toList()).containsExactly(first.id, "machine", 60, 80, 1000.0, null, true, 1400.0);

        NoteHistory.PageNote played = notes.note(NoteHistory.Part.MACHINE, 0, 60, 80, 1000);
        assertThat(played).as("the same note, now played").isSameAs(first);
        assertThat(first.planned).isFalse();
        assertThat(notes.note(NoteHistory.Part.MACHINE, 0, 60, 0, 1300)).as("cut before its planned release").isSameAs(first);
        assertThat(first.endMs).isEqualTo(1300);

        assertThat(notes.dropped(0, 60, 1500)).isSameAs(second);
        assertThat(notes.dropped(0, 64, 1200)).isSameAs(other);
        List<NoteHistory.PageNote> kept = new ArrayList<>();
        notes.all().forEach(kept::add);
        assertThat(kept).containsExactly(first);
        assertThat(notes.dropped(0, 60, 1500)).as("nothing left to drop").isNull();

        NoteHistory.PageNote unsent = notes.planned(1, 50, 60, 2000);
        assertThat(notes.dropAllPlans()).containsExactly(unsent);
        assertThat(notes.size()).isEqualTo(1);
        assertThat(notes.note(NoteHistory.Part.MACHINE, 1, 50, 60, 2000)).as("a note not planned is a new note").isNotSameAs(unsent);
    }
}
