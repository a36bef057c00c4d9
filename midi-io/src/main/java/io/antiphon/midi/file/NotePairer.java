package io.antiphon.midi.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the note-ons and note-offs of one track first-in-first-out per (channel, pitch): a release ends
 * the oldest sounding note of its key. A note released at the tick it began is dropped, never kept as a
 * zero-length note (MuseScore, for one, writes on/off/on at one tick for a single note). Events must
 * arrive in file order.
 */
final class NotePairer {

    private record Sounding(long startTick, int velocity) { }

    private final int track;
    private final TempoMap tempoMap;
    private final Map<Integer, ArrayDeque<Sounding>> sounding = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private int strayNoteOffs;
    private int zeroLengthDropped;
    private int unmatchedNoteOns;

    NotePairer(int track, TempoMap tempoMap) {
        this.track = track;
        this.tempoMap = tempoMap;
    }

    void noteOn(long tick, int channel, int pitch, int velocity) {
        sounding.computeIfAbsent(key(channel, pitch), k -> new ArrayDeque<>()).addLast(new Sounding(tick, velocity));
    }

    void noteOff(long tick, int channel, int pitch) {
        ArrayDeque<Sounding> queue = sounding.get(key(channel, pitch));
        if (queue == null || queue.isEmpty()) {
            strayNoteOffs++;
            return;
        }
        add(channel, pitch, queue.removeFirst(), tick);
    }

    /** Ends every note still sounding at the track's end tick; call once, after the last event. */
    void endTrack(long endTick) {
        sounding.forEach((key, queue) -> {
            for (Sounding note : queue) {
                if (endTick > note.startTick()) unmatchedNoteOns++;
                add(key >> 7, key & 0x7F, note, endTick);
            }
        });
        sounding.clear();
    }

    List<Note> notes() {
        return notes;
    }

    NotePairingCounts counts() {
        return new NotePairingCounts(unmatchedNoteOns, strayNoteOffs, zeroLengthDropped);
    }

    private void add(int channel, int pitch, Sounding on, long endTick) {
        if (endTick <= on.startTick()) {
            zeroLengthDropped++;
            return;
        }
        notes.add(new Note(pitch, on.velocity(), channel, track, on.startTick(), endTick,
                tempoMap.seconds(on.startTick()), tempoMap.seconds(endTick)));
    }

    private static int key(int channel, int pitch) {
        return channel << 7 | pitch;
    }
}
