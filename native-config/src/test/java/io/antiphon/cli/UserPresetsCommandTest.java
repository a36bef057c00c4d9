package io.antiphon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.realtime.LoadedProgram;
import io.antiphon.presets.UserPresetFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey from a folder of your own MIDI files to a preset you play: a tiny network trained on three files written
 * here, saved in a user preset folder (a temporary one), listed, scored, loaded by name and by Program Change, exported
 * and imported; and a preset file's missing field named.
 */
class UserPresetsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String before;
    private Path music;

    @BeforeEach
    void aUserPresetFolderAndThreeTunes() throws Exception {
        before = System.getProperty(UserPresetFolder.PROPERTY);
        System.setProperty(UserPresetFolder.PROPERTY, dir.resolve("presets").toString());
        music = Files.createDirectories(dir.resolve("my-tunes"));
        int[] tune = {60, 62, 64, 65, 67, 65, 64, 62, 60, 64, 67, 72, 67, 64, 60, 55, 57, 59, 60, 62, 64, 62, 60, 59, 60};
        for (int f = 0; f < 3; f++) {
            Sequence sequence = new Sequence(Sequence.PPQ, 480);
            Track track = sequence.createTrack();
            for (int i = 0; i < tune.length; i++) {
                long on = i * 240L;
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, tune[i] + 2 * f, 90), on));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, tune[i] + 2 * f, 0), on + 240));
                if (i % 4 == 0) {
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 1, 48 + 2 * f, 70), on));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 1, 48 + 2 * f, 0), on + 960));
                }
            }
            MidiSystem.write(sequence, 1, music.resolve("tune" + f + ".mid").toFile());
        }
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(UserPresetFolder.PROPERTY);
        else System.setProperty(UserPresetFolder.PROPERTY, before);
    }

    @Test
    void threeFilesTrainIntoAPresetThatIsListedScoredAndPlayedByNameAndByProgramChange() throws Exception {
        CommandRun train = CommandRun.of("train", "--corpus", music.toString(), "--from-scratch", "--layers", "1", "--hidden", "8",
                "--epochs", "3", "--window", "32", "--tbptt", "16");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("the last 20% of each piece is held out");
        Path folder = dir.resolve("presets/my-tunes");
        assertThat(train.out()).contains("saved the preset 'my-tunes' in " + folder).contains("antiphon demo --preset my-tunes")
                .contains("stopped after 3 epochs: it reached the maximum of 3 epochs (--epochs)")
                .contains("test part of your music: NLL")
                .as("an 8-unit network after three epochs predicts worse than the Markov baseline, and says so")
                .contains("warning: this model predicts your music worse than a simple Markov model does");
        Matcher best = Pattern.compile("best epoch (\\d+):").matcher(train.out());
        assertThat(best.find()).isTrue();
        JsonNode report = JSON.readTree(folder.resolve("my-tunes.training.json").toFile());
        assertThat(report.get("bestEpoch").asInt()).isEqualTo(Integer.parseInt(best.group(1)));

        JsonNode listed = JSON.readTree(CommandRun.of("presets", "--json").out());
        JsonNode mine = listed.get(listed.size() - 1);
        assertThat(mine.get("name").asText()).isEqualTo("my-tunes");
        assertThat(mine.get("origin").asText()).isEqualTo("yours");
        assertThat(mine.get("modes").toString()).isEqualTo("[\"call\",\"jam\"]");
        assertThat(mine.get("nll").isNumber()).isTrue();
        int program = mine.get("program").asInt();
        assertThat(program).isEqualTo(listed.size() - 1);

        CommandRun eval = CommandRun.of("eval", "--model", "my-tunes", "--corpus", music.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("test split").contains("LSTM    NLL").contains("Markov  NLL");

        assertThat(LoadedPreset.load("my-tunes", StepEngine.KERNEL).entry().preset().name()).isEqualTo("my-tunes");
        assertThat(LoadedPreset.load(folder.resolve("my-tunes.bundle").toString(), StepEngine.KERNEL).model()).isNotNull();
        LoadedProgram byProgram = ProgramPresets.forEvents(StepEngine.KERNEL).apply(program);
        assertThat(byProgram).isNotNull();
        assertThat(byProgram.preset().name()).isEqualTo("my-tunes");

        CommandRun export = CommandRun.of("presets", "export", "my-tunes", dir.resolve("shared").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CommandRun taken = CommandRun.of("presets", "import", dir.resolve("shared").toString());
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("You have a preset named 'my-tunes' already");
        CommandRun imported = CommandRun.of("presets", "import", dir.resolve("shared").toString(), "--name", "tunes-copy");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(CommandRun.of("presets").out()).contains("tunes-copy").contains("my-tunes");
        assertThat(LoadedPreset.load("tunes-copy", StepEngine.KERNEL).entry().preset().name()).isEqualTo("tunes-copy");
    }

    @Test
    void threeFilesTrainAHarmonizerPreset() throws Exception {
        CommandRun train = CommandRun.of("train-roll", "--corpus", music.toString(), "--from-scratch", "--layers", "1", "--hidden", "8",
                "--epochs", "2", "--name", "my-voices");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("saved the preset 'my-voices'").contains("frame NLL");
        JsonNode listed = JSON.readTree(CommandRun.of("presets", "--json").out());
        assertThat(listed.get(listed.size() - 1).get("modes").toString()).isEqualTo("[\"harmonize\"]");
        assertThat(ModelSource.harmonizes("my-voices")).isTrue();
        assertThat(LoadedRollPreset.load("my-voices", StepEngine.KERNEL).frameTicks()).isEqualTo(12);
        CommandRun eval = CommandRun.of("eval-roll", "--model", "my-voices", "--corpus", music.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
    }

    @Test
    void aPresetFileIsRefusedNamingItsMissingField() throws Exception {
        Files.write(dir.resolve("mine.bundle"), new byte[]{1});
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"bundle\": \"mine.bundle\"}");   // as issue 13 found it: a Jackson message about null into int
        CommandRun demo = CommandRun.of("demo", "--preset", file.toString(), "--out", dir.resolve("demo").toString());
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err().strip()).isEqualTo("antiphon: " + file + ": the fields \"format\", \"formatVersion\" and \"name\" are missing;"
                + " a preset needs \"format\": \"antiphon-preset\", \"formatVersion\": 1, a \"name\" and its \"bundle\" file.");
        Files.writeString(file, "{\"format\": \"antiphon-preset\", \"formatVersion\": \"1\", \"name\": \"mine\", \"bundle\": \"mine.bundle\","
                + " \"parameters\": {\"key_root\": \"H\"}}");
        CommandRun key = CommandRun.of("demo", "--preset", file.toString(), "--out", dir.resolve("demo").toString());
        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).contains("'key_root' takes one of C, C#, D").contains("not 'H'");
    }

    @Test
    void aNameThatIsTakenOrInvalidIsRefusedBeforeTraining() {
        CommandRun taken = CommandRun.of("train", "--corpus", music.toString(), "--name", "folk");
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err().strip()).isEqualTo("antiphon: 'folk' is a shipped preset's name; choose another with --name.");
        CommandRun both = CommandRun.of("train", "--corpus", music.toString(), "--from", "folk", "--from-scratch");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--from and --from-scratch exclude each other");
    }
}
