package io.antiphon.midi.render;

import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.TempoMap;
import io.antiphon.midi.file.TrackMessages;
import com.sun.media.sound.AudioSynthesizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Renders MIDI offline to a WAV file with the JDK's Gervill software synthesizer (no audio device
 * needed): Gervill is opened in stream mode, given every message with its timestamp, and its output
 * stream is written for as long as the music lasts plus a tail for the releases.
 * Needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} at compile and run time.
 */
public final class WavRenderer {

    /** What is rendered: 44.1 kHz, 16-bit signed little-endian PCM, stereo. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    private WavRenderer() {
    }

    /**
     * Renders timed messages; the file lasts until the last message plus {@code tailSeconds}.
     * Messages at equal times are played in list order.
     */
    public static void render(List<TimedMessage> messages, double tailSeconds, Path wav) throws IOException {
        if (!(tailSeconds >= 0)) throw new IllegalArgumentException("tail must be zero or more seconds: " + tailSeconds);
        List<TimedMessage> inOrder = new ArrayList<>(messages);
        inOrder.sort(Comparator.comparingLong(TimedMessage::timeMicros));   // stable
        long endMicros = inOrder.isEmpty() ? 0 : inOrder.get(inOrder.size() - 1).timeMicros();
        long frames = (long) Math.ceil((endMicros / 1e6 + tailSeconds) * FORMAT.getFrameRate());

        AudioSynthesizer synthesizer = gervill();
        try (AudioInputStream endless = synthesizer.openStream(FORMAT, null)) {
            Receiver receiver = synthesizer.getReceiver();
            for (TimedMessage message : inOrder) {
                receiver.send(message.message(), message.timeMicros());
            }
            AudioSystem.write(new AudioInputStream(endless, FORMAT, frames), AudioFileFormat.Type.WAVE, wav.toFile());
        } catch (MidiUnavailableException e) {
            throw new IOException("Gervill could not render to " + wav + ": " + e.getMessage(), e);
        } finally {
            synthesizer.close();
        }
    }

    /** Renders tracks at one tempo: each track's program change, then its notes; 1 s of tail. */
    public static void renderTracks(Path wav, int ticksPerQuarter, double bpm, List<MidiTrackSpec> tracks) throws IOException {
        TempoMap tempo = TempoMap.constant(ticksPerQuarter, bpm);
        List<TimedMessage> messages = new ArrayList<>();
        for (MidiTrackSpec track : tracks) {
            for (TrackMessages.At at : TrackMessages.of(track)) {
                messages.add(new TimedMessage(Math.round(tempo.seconds(at.tick()) * 1e6), at.message()));
            }
        }
        render(messages, 1.0, wav);
    }

    /** Root-mean-square level of a PCM WAV file over all samples of all channels, full scale = 1.0. */
    public static double rms(Path wav) throws IOException {
        try (AudioInputStream file = AudioSystem.getAudioInputStream(wav.toFile());
             AudioInputStream pcm = AudioSystem.getAudioInputStream(
                     new AudioFormat(file.getFormat().getSampleRate(), 16, file.getFormat().getChannels(), true, false), file)) {
            byte[] bytes = pcm.readAllBytes();
            int samples = bytes.length / 2;
            if (samples == 0) return 0;
            double sumOfSquares = 0;
            for (int i = 0; i < samples; i++) {
                double sample = (short) (bytes[2 * i] & 0xFF | bytes[2 * i + 1] << 8) / 32768.0;
                sumOfSquares += sample * sample;
            }
            return Math.sqrt(sumOfSquares / samples);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(wav + ": not a PCM audio file this JDK can read (" + e.getMessage() + ")", e);
        }
    }

    private static AudioSynthesizer gervill() throws IOException {
        try {
            Synthesizer synthesizer = MidiSystem.getSynthesizer();
            if (synthesizer instanceof AudioSynthesizer audio) return audio;
            throw new IOException("the default synthesizer (" + synthesizer.getDeviceInfo().getName()
                    + ") is not Gervill and cannot render offline");
        } catch (MidiUnavailableException e) {
            throw new IOException("no software synthesizer available: " + e.getMessage(), e);
        }
    }
}
