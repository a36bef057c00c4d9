package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.antiphon.midi.file.Note;

/**
 * How a melody was accompanied, read off the notes at the output: for each melody note, the voice notes that sound
 * with it (overlapping it for at least a tick: {@code voice.start < melody.end && voice.end > melody.start}), the most
 * of them sounding at once (its chord size: a note held over several steps has several chords), and whether they all
 * lie below it. Also splits the voices into three parts by their rank at their onset: the lowest
 * voice then sounding is the bass, the highest of two or more the alto, one between them the tenor.
 */
final class Accompaniment {

    /** One melody note, the most voices that sounded with it at once, and whether every voice with it was below it. */
    record MelodyNote(Note melody, int voices, boolean allBelow) {
        boolean accompanied() {
            return voices > 0 && allBelow;
        }
    }

    private final List<MelodyNote> notes;

    private Accompaniment(List<MelodyNote> notes) {
        this.notes = List.copyOf(notes);
    }

    static Accompaniment of(List<Note> melody, List<Note> voices) {
        List<MelodyNote> notes = new ArrayList<>();
        for (Note m : melody) {
            List<Note> with = voices.stream().filter(v -> v.startTick() < m.endTick() && v.endTick() > m.startTick()).toList();
            boolean below = with.stream().allMatch(v -> v.pitch() < m.pitch());
            int most = 0;
            for (Note v : with) {
                long at = Math.max(v.startTick(), m.startTick());
                most = Math.max(most, (int) with.stream().filter(o -> o.startTick() <= at && o.endTick() > at).count());
            }
            notes.add(new MelodyNote(m, most, below));
        }
        return new Accompaniment(notes);
    }

    List<MelodyNote> notes() {
        return notes;
    }

    /** Melody notes with at least one voice sounding with them, every such voice below them. */
    int accompanied() {
        return (int) notes.stream().filter(MelodyNote::accompanied).count();
    }

    /** Melody notes with a voice at or above them sounding with them (0 unless something is wrong). */
    int withVoiceNotBelow() {
        return (int) notes.stream().filter(n -> !n.allBelow()).count();
    }

    /** How many melody notes had at most 0, 1, 2, ... voices sounding with them at once. */
    Map<Integer, Integer> voicesPerNote() {
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (MelodyNote n : notes) histogram.merge(n.voices(), 1, Integer::sum);
        return histogram;
    }

    /** Mean over the melody notes of the most voices sounding with one at once. */
    double meanVoices() {
        return notes.stream().mapToInt(MelodyNote::voices).average().orElse(0);
    }

    /** The voices split into [alto, tenor, bass] by their rank among the voices sounding at their onset. */
    static List<List<Note>> parts(List<Note> voices) {
        List<List<Note>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Note v : voices) {
            int lower = 0;
            int higher = 0;
            for (Note other : voices) {
                if (other == v || other.startTick() > v.startTick() || other.endTick() <= v.startTick()) continue;
                if (other.pitch() < v.pitch()) lower++;
                else if (other.pitch() > v.pitch()) higher++;
            }
            int part = lower == 0 ? 2 : higher == 0 ? 0 : 1;
            parts.get(part).add(v);
        }
        return parts;
    }
}
