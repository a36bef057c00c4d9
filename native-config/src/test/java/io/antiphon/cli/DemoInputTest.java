package io.antiphon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A call or melody with nothing the performer could hear is refused in one sentence before any model loads. */
class DemoInputTest {

    @TempDir
    Path dir;

    private Path midiFile(String name, int... pitches) throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 96);
        Track track = sequence.createTrack();
        long tick = 0;
        for (int pitch : pitches) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 90), tick));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), tick + 90));
            tick += 96;
        }
        Path file = dir.resolve(name);
        MidiSystem.write(sequence, 0, file.toFile());
        return file;
    }

    @Test
    void aCallWhoseNotesAreAllOutsideThe88KeysIsRefused() throws Exception {
        Path call = midiFile("out-of-range.mid", 5, 12, 20, 109, 120, 127);
        CommandRun run = CommandRun.of("demo", "--out", dir.resolve("out").toString(), "--call", call.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("antiphon: --call " + call + ": none of its 6 notes is on the 88 keys of a piano"
                + " (MIDI 21..108, A0..C8), so there is nothing to answer");
        Path melody = midiFile("empty.mid");
        CommandRun empty = CommandRun.of("demo", "--mode", "harmonize", "--out", dir.resolve("out").toString(), "--melody", melody.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("antiphon: --melody " + melody + " has no notes to play");
    }
}
