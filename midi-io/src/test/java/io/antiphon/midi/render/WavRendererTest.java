package io.antiphon.midi.render;

import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.Note;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRendererTest {

    @TempDir
    Path dir;

    @Test
    void playedNotesAreAudibleForTheWholeLengthPlusTail() throws Exception {
        Path wav = dir.resolve("chord.wav");
        WavRenderer.render(List.of(
                TimedMessage.of(0, ShortMessage.NOTE_ON, 0, 60, 100),
                TimedMessage.of(0, ShortMessage.NOTE_ON, 0, 64, 100),
                TimedMessage.of(1_000_000, ShortMessage.NOTE_OFF, 0, 60, 0),
                TimedMessage.of(1_000_000, ShortMessage.NOTE_OFF, 0, 64, 0)), 0.5, wav);

        AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(file.getFormat().matches(WavRenderer.FORMAT)).isTrue();
        assertThat(file.getFrameLength()).isEqualTo(66_150);   // 1.5 s at 44.1 kHz
        assertThat(WavRenderer.rms(wav)).isGreaterThan(0.01);
    }

    @Test
    void withoutNotesTheRenderingIsSilent() throws Exception {
        Path wav = dir.resolve("silence.wav");
        WavRenderer.render(List.of(TimedMessage.of(0, ShortMessage.PROGRAM_CHANGE, 0, 40, 0)), 1.0, wav);

        assertThat(AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength()).isEqualTo(44_100);
        assertThat(WavRenderer.rms(wav)).isZero();
    }

    @Test
    void trackSpecsRenderAtTheirTempo() throws Exception {
        Path wav = dir.resolve("tracks.wav");
        Note c = new Note(60, 100, 0, 0, 0, 480, 0, 0);
        Note g = new Note(67, 100, 0, 0, 480, 960, 0, 0);
        WavRenderer.renderTracks(wav, 480, 120, List.of(new MidiTrackSpec("Piano", 0, 0, List.of(c, g))));

        assertThat(AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength()).isEqualTo(88_200);   // 1 s of notes + 1 s tail
        assertThat(WavRenderer.rms(wav)).isGreaterThan(0.01);
    }
}
