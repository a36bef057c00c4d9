package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.TinyPerformers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("timing")
class SoakTest {

    @Test
    void aSimulatedJamThroughTheShellLeavesNothingHangingAndDropsNoHumanNote() {
        SoakResult result = Soak.run(new SoakOptions(TinyPerformers.kernel(), TinyPerformers.parameters(), 2, 0, 1, 20, 3L));

        assertThat(result.humanNotes()).as("human notes in 2 simulated minutes at 20/s").isBetween(2_000L, 2_800L);
        assertThat(result.notesPlayed()).as("machine notes").isPositive();
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.strayNoteOffs()).isZero();
        assertThat(result.droppedHumanNotes()).isZero();
        assertThat(result.longestNoteBeats()).isLessThanOrEqualTo(result.maxNoteBeats() + 1.0 / 24);
        assertThat(result.firstWindow().count()).isPositive();
        assertThat(result.lastWindow().count()).isPositive();
        assertThat(result.counters().sendErrors()).isZero();
        assertThat(result.toMap()).containsKeys("hanging_notes", "heap_growth_bytes", "dropped_human_notes",
                "offheap_growth_bytes", "notes_played", "performer_event_us");
    }
}
