package io.antiphon.engine.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;

/**
 * Notes paired from recorded messages: a note-off ends the oldest sounding note of its channel and key.
 *
 * @param notes        paired notes, in order of their note-offs, timed from the origin through the tempo map; a note
 *                     lasts at least one tick (so a file never holds a release before its strike)
 * @param hanging      note-ons never released
 * @param strayOffs    note-offs with no sounding note
 */
public record RecordedNotes(List<Note> notes, int hanging, int strayOffs) {

    public RecordedNotes {
        notes = List.copyOf(notes);
    }

    /**
     * Pairs {@code messages} (in arrival order) into notes of track {@code track}; times are measured from
     * {@code originNanos} and converted to ticks through {@code tempo}. Messages before the origin are refused.
     */
    public static RecordedNotes pair(List<RecordedMessage> messages, long originNanos, TempoMap tempo, int track) {
        Map<Integer, ArrayDeque<RecordedMessage>> sounding = new HashMap<>();
        List<Note> notes = new ArrayList<>();
        int stray = 0;
        for (RecordedMessage message : messages) {
            if (message.nanos() < originNanos) {
                throw new IllegalArgumentException("message " + message + " is earlier than the origin " + originNanos + " ns");
            }
            int key = message.channel() << 7 | message.data1();
            if (message.isNoteOn()) {
                sounding.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(message);
            } else if (message.isNoteOff()) {
                ArrayDeque<RecordedMessage> queue = sounding.get(key);
                if (queue == null || queue.isEmpty()) {
                    stray++;
                } else {
                    notes.add(note(queue.removeFirst(), message.nanos(), originNanos, tempo, track));
                }
            }
        }
        int hanging = sounding.values().stream().mapToInt(ArrayDeque::size).sum();
        return new RecordedNotes(notes, hanging, stray);
    }

    private static Note note(RecordedMessage on, long offNanos, long originNanos, TempoMap tempo, int track) {
        double start = (on.nanos() - originNanos) / 1e9;
        double end = (offNanos - originNanos) / 1e9;
        long startTick = tempo.tick(start);
        long endTick = Math.max(startTick + 1, tempo.tick(end));
        return new Note(on.data1(), on.data2(), on.channel(), track, startTick, endTick, start, end);
    }
}
