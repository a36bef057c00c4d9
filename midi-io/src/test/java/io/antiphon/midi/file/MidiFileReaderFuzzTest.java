package io.antiphon.midi.file;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the Standard MIDI File reader with Jazzer. In a normal build this replays the
 * committed seeds in {@code MidiFileReaderFuzzTestInputs/<method>/} as regression tests; with
 * {@code JAZZER_FUZZ=1} it fuzzes (README, "Hostile input").
 */
class MidiFileReaderFuzzTest {

    private static final String SOURCE = "fuzz.mid";

    @FuzzTest
    void anyBytesAreReadOrRefusedInOneSentence(byte[] bytes) {
        MidiFileContent content;
        try {
            content = MidiFileReader.read(new ByteArrayInputStream(bytes), SOURCE);
        } catch (MidiFileException e) {
            assertThat(e.getMessage()).startsWith(SOURCE + ": ").doesNotContain("\n");
            return;
        }
        assertThat(content.format()).isBetween(0, 1);
        assertThat(content.ticksPerQuarter()).isPositive();
        for (Note note : content.notes()) {
            assertThat(note.durationTicks()).isPositive();
            assertThat(note.velocity()).isBetween(1, 127);
            assertThat(note.startSeconds()).isFinite();
            assertThat(note.endSeconds()).isFinite();
        }
    }
}
