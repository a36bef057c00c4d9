package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;
import org.junit.jupiter.api.Test;

class RecordedNotesTest {

    private static final long MS = 1_000_000L;
    private static final TempoMap TEMPO = TempoMap.constant(480, 120);   // 1 ms ≈ 0.96 ticks

    @Test
    void pairsTheOldestSoundingNoteOfAKeyFirstAndCountsWhatIsLeft() {
        List<RecordedMessage> messages = List.of(
                new RecordedMessage(1_000 * MS, 0x90, 60, 100),
                new RecordedMessage(1_100 * MS, 0x90, 60, 80),     // the same key again
                new RecordedMessage(1_500 * MS, 0x80, 60, 0),      // ends the first
                new RecordedMessage(1_600 * MS, 0x91, 60, 0),      // another channel: stray
                new RecordedMessage(2_000 * MS, 0x90, 60, 0),      // ends the second
                new RecordedMessage(2_000 * MS, 0x90, 64, 70),     // never released
                new RecordedMessage(2_100 * MS, 0xB0, 123, 0));

        RecordedNotes notes = RecordedNotes.pair(messages, 1_000 * MS, TEMPO, 2);

        assertThat(notes.notes()).containsExactly(
                new Note(60, 100, 0, 2, 0, 480, 0.0, 0.5),
                new Note(60, 80, 0, 2, 96, 960, 0.1, 1.0));
        assertThat(notes.hanging()).isEqualTo(1);
        assertThat(notes.strayOffs()).isEqualTo(1);
    }

    @Test
    void aNoteReleasedAtOnceStillLastsATick() {
        RecordedNotes notes = RecordedNotes.pair(List.of(new RecordedMessage(5 * MS, 0x90, 60, 90),
                new RecordedMessage(5 * MS, 0x80, 60, 0)), 0, TEMPO, 1);

        assertThat(notes.notes()).singleElement().satisfies(note -> assertThat(note.durationTicks()).isEqualTo(1));
    }

    @Test
    void refusesMessagesBeforeTheOrigin() {
        List<RecordedMessage> early = List.of(new RecordedMessage(5, 0x90, 60, 90));

        assertThatThrownBy(() -> RecordedNotes.pair(early, 10, TEMPO, 1)).hasMessageContaining("earlier than the origin 10 ns");
    }
}
