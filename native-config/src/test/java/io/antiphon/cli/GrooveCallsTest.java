package io.antiphon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code groove --calls DIR}: a user's own MIDI melodies measured as the test melodies are; what cannot be used is named. */
class GrooveCallsTest {

    @TempDir
    Path dir;

    /** A melody of quarters and pairs of eighths, 96 ticks a quarter, no tempo event. */
    private void melody(Path file) throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 96);
        Track track = sequence.createTrack();
        long tick = 0;
        int[] pitches = {60, 62, 64, 65, 67, 65, 64, 62, 60, 64, 67, 72, 67, 64, 60, 62};
        for (int i = 0; i < pitches.length; i++) {
            long length = i % 3 == 2 ? 96 : 48;
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitches[i], 70 + i), tick));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitches[i], 0), tick + length - 8));
            tick += length;
        }
        MidiSystem.write(sequence, 0, file.toFile());
    }

    @Test
    void aFolderOfMelodiesIsPerformedAndAFileThatCannotBeReadIsPassedOverByName() throws Exception {
        Path calls = Files.createDirectory(dir.resolve("calls"));
        melody(calls.resolve("a-tune.mid"));
        Files.writeString(calls.resolve("b-broken.mid"), "not a MIDI file");
        Files.writeString(calls.resolve("notes.txt"), "not a call");
        CommandRun run = CommandRun.of("groove", "--calls", calls.toString(), "--tempos", "96", "--jitter", "12", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"melodies\" : 1").contains("\"cases\" : 1").contains("b-broken.mid");
        assertThat(run.out()).doesNotContain("notes.txt").doesNotContain("a-tune.mid");
    }

    @Test
    void aFolderThatIsMissingOrHoldsNoMelodyIsRefusedInOneSentence() throws Exception {
        Path missing = dir.resolve("absent");
        CommandRun absent = CommandRun.of("groove", "--calls", missing.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err().strip()).isEqualTo("antiphon: --calls " + missing + " does not exist");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CommandRun none = CommandRun.of("groove", "--calls", empty.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("antiphon: --calls " + empty + " holds no MIDI file with 8 notes or more in its first 4 bars");
    }

    @Test
    void theRestGoesWhereAskedAndABeatOutsideTheCallIsRefusedInOneSentence() throws Exception {
        Path calls = Files.createDirectory(dir.resolve("calls"));
        melody(calls.resolve("a-tune.mid"));
        CommandRun run = CommandRun.of("groove", "--calls", calls.toString(), "--tempos", "96,140,72", "--rest-after", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"rest_after_beat\" : 2.0").contains("\"cases\" : 3");
        CommandRun outside = CommandRun.of("groove", "--calls", calls.toString(), "--rest-after", "16");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err().strip()).isEqualTo("antiphon: --rest-after must be at least 0 and less than 16 (the call's beats), got 16.0");
        CommandRun both = CommandRun.of("groove", "--calls", calls.toString(), "--rest-after", "4", "--no-rests");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("antiphon: --rest-after places the rests that --no-rests leaves out: give one or the other");
    }

    @Test
    void uniformJitterIsReportedWithTheStraightTemposFloorAndAnUnknownShapeIsRefusedInOneSentence() throws Exception {
        Path calls = Files.createDirectory(dir.resolve("calls"));
        melody(calls.resolve("a-tune.mid"));
        CommandRun run = CommandRun.of("groove", "--calls", calls.toString(), "--tempos", "96", "--jitter", "12",
                "--jitter-shape", "uniform", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"jitter_shape\" : \"uniform\"").contains("\"line_on_sixteenth_grid\" : {")
                .contains("\"answer_below_70_percent_too\"");
        CommandRun unknown = CommandRun.of("groove", "--calls", calls.toString(), "--jitter-shape", "triangular");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("antiphon: Invalid value for option '--jitter-shape': expected one of"
                + " [gaussian, uniform] but was 'triangular' (see antiphon groove --help)");
    }
}
