package io.antiphon.engine.corpus;

import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.Note;
import java.util.ArrayList;
import java.util.List;

/**
 * The pitched notes of a MIDI file in the model's time: file ticks are scaled to 24 a quarter note and
 * rounded (halves up); a note rounded to zero length lasts one tick; velocity 0 becomes 1. Percussion and
 * notes outside the 88 keys are left out; the latter are counted.
 *
 * @param notes            in onset order
 * @param outsideKeyboard  pitched notes dropped for lying outside 21..108
 */
record MidiFileNotes(List<TimedNote> notes, int outsideKeyboard) {

    static MidiFileNotes of(MidiFileContent content) {
        int ticksPerQuarter = content.ticksPerQuarter();
        List<TimedNote> notes = new ArrayList<>();
        int outside = 0;
        for (Note note : content.pitchedNotes()) {
            if (!Vocabulary.isPlayable(note.pitch())) {
                outside++;
                continue;
            }
            long start = toModelTicks(note.startTick(), ticksPerQuarter);
            long end = Math.max(start + 1, toModelTicks(note.endTick(), ticksPerQuarter));
            notes.add(new TimedNote(note.pitch(), Math.max(1, note.velocity()), start, end));
        }
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return new MidiFileNotes(notes, outside);
    }

    /** File ticks to ticks of 1/24 quarter note, rounded to the nearest (halves up). */
    static long toModelTicks(long fileTicks, int ticksPerQuarter) {
        return Math.floorDiv(2L * Vocabulary.TICKS_PER_QUARTER * fileTicks + ticksPerQuarter, 2L * ticksPerQuarter);
    }
}
