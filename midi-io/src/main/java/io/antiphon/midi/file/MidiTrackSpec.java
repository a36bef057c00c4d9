package io.antiphon.midi.file;

import java.util.List;
import java.util.Objects;

/**
 * One instrument's notes to write or render: every note plays on {@code channel} with {@code program};
 * the notes' own channel and track fields are ignored, their ticks and velocities used.
 *
 * @param name    track name (written as the track's name meta event)
 * @param channel MIDI channel 0..15
 * @param program General MIDI program 0..127
 * @param notes   the notes; velocities 1..127 (a velocity-0 note-on would be a note-off)
 */
public record MidiTrackSpec(String name, int channel, int program, List<Note> notes) {

    public MidiTrackSpec {
        Objects.requireNonNull(name, "name");
        if (channel < 0 || channel > 15) throw new IllegalArgumentException("track '" + name + "': channel out of range 0..15: " + channel);
        if (program < 0 || program > 127) throw new IllegalArgumentException("track '" + name + "': program out of range 0..127: " + program);
        notes = List.copyOf(notes);
        for (Note note : notes) {
            if (note.velocity() < 1) {
                throw new IllegalArgumentException("track '" + name + "': note " + note.pitch() + " at tick " + note.startTick()
                        + " has velocity 0, which MIDI reads as a note-off");
            }
            if (note.startTick() < 0) {
                throw new IllegalArgumentException("track '" + name + "': note " + note.pitch() + " starts at negative tick " + note.startTick());
            }
        }
    }
}
