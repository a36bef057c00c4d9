package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code antiphon demo --mode harmonize} as shipped (default preset chorale-roll, built into the jar; the melody
 * played in real time, ~25 s), checked from outside on the MIDI file it writes: every melody note (track 1) has at
 * least one accompanying note sounding with it, every accompanying note sounding with it lies below it, and no note
 * hangs.
 */
class HarmonizeDemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theShippedHarmonizationAccompaniesEveryMelodyNoteFromBelowAndLeavesNothingHanging() throws Exception {
        CommandRun run = CommandRun.of("demo", "--mode", "harmonize", "--out", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"accompanied_melody_notes\" : 28", "\"melody_notes\" : 28", "\"hanging_notes\" : 0");
        MidiFileContent midi = MidiFileReader.read(dir.resolve("session.mid"));
        assertThat(midi.pairing().unmatchedNoteOns()).as("note-ons never released").isZero();
        List<Note> melody = midi.notes().stream().filter(note -> note.track() == 1).toList();
        List<Note> accompaniment = midi.notes().stream().filter(note -> note.track() != 1).toList();
        assertThat(melody).hasSize(28);
        for (Note m : melody) {
            List<Note> with = accompaniment.stream().filter(a -> a.startTick() < m.endTick() && a.endTick() > m.startTick()).toList();
            assertThat(with).as("notes sounding with melody note %s", m).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.pitch()).as("under %s", m).isLessThan(m.pitch()));
        }
    }

    @Test
    void theVoicesPerNoteReadAsWordsNotJavasMapText() {
        assertThat(DemoCommand.voicesInWords(java.util.Map.of(2, 28))).isEqualTo("28 notes with 2 voices");
        assertThat(DemoCommand.voicesInWords(java.util.Map.of(3, 25, 2, 3, 1, 1, 0, 0)))
                .isEqualTo("25 notes with 3 voices, 3 with 2 voices, 1 with 1 voice");
        assertThat(DemoCommand.voicesInWords(java.util.Map.of())).isEqualTo("no melody note heard");
    }
}
