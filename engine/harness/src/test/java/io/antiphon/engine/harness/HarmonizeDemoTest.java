package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.roll.RollNetworkFactory;
import io.antiphon.engine.roll.RollPiece;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;
import io.antiphon.midi.render.WavRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harmonize demo end to end (the JDK sequencer plays the shipped melody in real time, ~20 s) and the check made on
 * its MIDI file from outside: every melody note has at least one accompanying note sounding with it, all below it,
 * and no note hangs.
 */
class HarmonizeDemoTest {

    @TempDir
    Path directory;

    @Test
    void everyMelodyNoteOfTheDemoSoundsWithAtLeastOneVoiceAllBelowItAndNothingHangs() throws Exception {
        HarmonizeDemoResult result = HarmonizeDemo.run(options(null));

        MidiFileContent midi = MidiFileReader.read(result.recording().midi());
        MidiFileContent shipped = MidiFileReader.read(HarmonizeDemo.class.getResourceAsStream(HarmonizeDemo.BUNDLED_MELODY), "melody");
        assertThat(midi.pairing().unmatchedNoteOns()).as("hanging notes in the file").isZero();
        List<Note> melody = midi.notes().stream().filter(note -> note.track() == 1).toList();
        List<Note> voices = midi.notes().stream().filter(note -> note.track() > 1).toList();
        assertThat(melody).extracting(Note::pitch).containsExactlyElementsOf(shipped.notes().stream().map(Note::pitch).toList());
        for (Note m : melody) {
            List<Note> with = voices.stream().filter(v -> v.startTick() < m.endTick() && v.endTick() > m.startTick()).toList();
            assertThat(with).as("voices sounding with melody note %s", m).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.pitch()).as("voice under %s", m).isLessThan(m.pitch()));
        }

        assertThat(result.melodyNotes()).isEqualTo(shipped.notes().size());
        assertThat(result.accompaniedMelodyNotes()).isEqualTo(result.melodyNotes());
        assertThat(result.voicesNotBelow()).isZero();
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.finished()).isTrue();
        assertThat(result.voicesPerNote()).doesNotContainKey(0);
        assertThat(result.voicesPerNote().keySet()).allMatch(voicesPerNote -> voicesPerNote <= 3);
        assertThat(result.recording().latency().inputToOutput().count()).as("melody messages passed through and voices started by a note")
                .isGreaterThan(2L * result.melodyNotes());
        assertThat(result.toMap()).containsKeys("melody_notes", "accompanied_melody_notes", "voice_notes", "voices_per_note",
                "mean_voices_per_note", "voices_not_below", "chords", "hanging_notes", "late_melody_notes", "input_to_output_us", "mid",
                "wav", "png");
        assertThat(result.lateMelodyNotes()).as("melody note-ons and note-offs late").isBetween(0, 2 * result.melodyNotes());
        assertThat(WavRenderer.rms(result.recording().wav())).isGreaterThan(0.001);
        BufferedImage roll = ImageIO.read(result.recording().pianoRoll().toFile());
        assertThat(roll.getWidth()).isEqualTo(1400);
    }

    @Test
    void onThePlayerClockTheMelodysTempoIsHeardNotReadFromTheFile() throws Exception {
        PerformerParameters parameters = new PerformerParameters();   // tempo_bpm 120: the prior, not the melody's 96
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        HarmonizeDemoResult result = HarmonizeDemo.run(new HarmonizeDemoOptions(directory.resolve("player"), tinyRoll(),
                Harmonizer.frameTicksOf(1), parameters, 3L, null, 10));

        assertThat(result.clock()).isEqualTo("player");
        assertThat(result.beatFound()).as("the melody's beat found").isTrue();
        assertThat(result.tempoBpm()).as("the melody's tempo as heard").isCloseTo(96, within(2.0));
        assertThat(parameters.tempoBpm()).as("the prior, not the file's tempo").isEqualTo(120);
        assertThat(result.accompaniedMelodyNotes()).isEqualTo(result.melodyNotes());
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.toMap()).containsEntry("clock", "player").containsKeys("tempo_bpm", "beat_found");
        assertThat(MidiFileReader.read(result.recording().midi()).tempoMap().bpmAt(0)).as("the file at the tempo heard")
                .isCloseTo(result.tempoBpm(), within(0.01));
    }

    @Test
    void aMelodyFileThatIsNotMidiIsRefusedBeforeAnythingPlays() throws Exception {
        Path text = Files.writeString(directory.resolve("melody.mid"), "not a MIDI file");

        assertThatThrownBy(() -> HarmonizeDemo.run(options(text))).hasMessageContaining(text.toString());
    }

    private HarmonizeDemoOptions options(Path melody) {
        return new HarmonizeDemoOptions(directory.resolve("out"), tinyRoll(), Harmonizer.frameTicksOf(1), new PerformerParameters(),
                3L, melody, 10);
    }

    /** A real, untrained 1x32 piano-roll LSTM on the allocation-free kernel. */
    private static RollStepModel tinyRoll() {
        return StepModels.createRoll(RollNetworkFactory.build(NetworkSpec.defaults(RollPiece.KEYS).withShape(1, 32).withSeed(7), 0, 0),
                StepEngine.KERNEL);
    }
}
