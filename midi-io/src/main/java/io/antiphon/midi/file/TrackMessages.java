package io.antiphon.midi.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * The channel messages that play a {@link MidiTrackSpec}, in play order: its program change at tick 0,
 * then note-ons and note-offs by tick, note-offs first at equal ticks so a repeated key is released
 * before it is struck again.
 */
public final class TrackMessages {

    /** A channel message at a tick. */
    public record At(long tick, ShortMessage message) { }

    private TrackMessages() {
    }

    public static List<At> of(MidiTrackSpec spec) {
        List<At> offs = new ArrayList<>();
        List<At> ons = new ArrayList<>();
        for (Note note : spec.notes()) {
            ons.add(new At(note.startTick(), message(ShortMessage.NOTE_ON, spec.channel(), note.pitch(), note.velocity())));
            offs.add(new At(note.endTick(), message(ShortMessage.NOTE_OFF, spec.channel(), note.pitch(), 0)));
        }
        List<At> all = new ArrayList<>();
        all.add(new At(0, message(ShortMessage.PROGRAM_CHANGE, spec.channel(), spec.program(), 0)));
        all.addAll(offs);
        all.addAll(ons);
        all.sort(Comparator.comparingLong(At::tick));   // stable: program first, then offs before ons
        return all;
    }

    private static ShortMessage message(int command, int channel, int data1, int data2) {
        try {
            return new ShortMessage(command, channel, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("invalid MIDI message: " + e.getMessage(), e);
        }
    }
}
