package io.antiphon.cli;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --set NAME=VALUE} and {@code --tempo BPM} on play and demo: names, values, one-sentence refusals, and their effect. */
class ParameterOptionsTest {

    @TempDir
    Path dir;

    private static ParameterOptions options(Double tempo, String... settings) {
        ParameterOptions options = new ParameterOptions();
        options.tempo = tempo;
        options.settings = List.of(settings);
        return options;
    }

    @Test
    void keysAndScalesGoByNameAndNumbersByValue() {
        Map<Parameter, Double> values = options(96.0, "key_root=D", "scale=dorian", "temperature=0.7", "key_root=Bb").check();
        assertThat(values).containsEntry(Parameter.TEMPO_BPM, 96.0).containsEntry(Parameter.SCALE, 4.0)
                .containsEntry(Parameter.TEMPERATURE, 0.7).containsEntry(Parameter.KEY_ROOT, 10.0);
    }

    @Test
    void aBadNameOrValueIsOneSentenceNamingItAndWhatIsAllowed() {
        assertThatThrownBy(() -> options(null, "colour=blue").check())
                .hasMessageStartingWith("--set colour=blue: unknown performer parameter 'colour'; valid parameters: mode, temperature");
        assertThatThrownBy(() -> options(null, "scale=dorianx").check())
                .hasMessageStartingWith("--set scale=dorianx: performer parameter 'scale' takes one of chromatic, major, minor")
                .hasMessageContaining("dorian");
        assertThatThrownBy(() -> options(null, "temperature=5").check())
                .hasMessage("--set temperature=5: performer parameter 'temperature' must be within 0.0..2.0, got 5.0");
        assertThatThrownBy(() -> options(500.0).check())
                .hasMessage("--tempo 500.0: performer parameter 'tempo_bpm' must be within 30.0..300.0, got 500.0");
        assertThatThrownBy(() -> options(null, "key_root").check()).hasMessageStartingWith("--set key_root: give NAME=VALUE");
        assertThatThrownBy(() -> options(null, "mode=jam").check()).hasMessage("--set mode=jam: mode is set with --mode");
    }

    @Test
    void playAndDemoRefuseABadSettingBeforeAnyWork() {
        CommandRun play = CommandRun.of("play", "--in", "no such port", "--set", "scale=dorianx");
        assertThat(play.exitCode()).isEqualTo(2);
        assertThat(play.err().strip()).startsWith("antiphon: --set scale=dorianx: ").doesNotContain("\n");
        CommandRun demo = CommandRun.of("demo", "--out", dir.toString(), "--tempo", "10");
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err().strip()).isEqualTo("antiphon: --tempo 10.0: performer parameter 'tempo_bpm' must be within 30.0..300.0, got 10.0");
    }

    @Test
    void theDemoAnswersInTheKeyAndScaleSetByName() throws Exception {
        CommandRun run = CommandRun.of("demo", "--out", dir.toString(), "--set", "key_root=D", "--set", "scale=major_pentatonic");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Note> answer = MidiFileReader.read(dir.resolve("session.mid")).notes().stream().filter(n -> n.track() == 2).toList();
        assertThat(answer).isNotEmpty();
        Set<Integer> dMajorPentatonic = Set.of(2, 4, 6, 9, 11);
        assertThat(answer).allSatisfy(n -> assertThat(dMajorPentatonic).as("pitch class of " + n).contains(n.pitch() % 12));
    }
}
