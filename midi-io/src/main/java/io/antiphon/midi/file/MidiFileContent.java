package io.antiphon.midi.file;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The notes of a Standard MIDI File with the tempo map that times them.
 *
 * @param source          where the file came from (path or caller-given name), for messages
 * @param format          SMF format, 0 or 1
 * @param ticksPerQuarter the file's resolution; for an SMPTE-timed file, the ticks in half a second
 *                        (a quarter note at the default 120 BPM), since such a file has no quarter notes
 * @param tempoMap        tick to seconds through every tempo change of the file
 * @param notes           all notes, percussion included, sorted by (startTick, pitch, track)
 * @param pairing         what note pairing ignored, ended early or dropped
 */
public record MidiFileContent(String source, int format, int ticksPerQuarter, TempoMap tempoMap,
                              List<Note> notes, NotePairingCounts pairing) {

    /** The order of {@link #notes()}: start tick, then pitch, then track (then channel, end tick). */
    public static final Comparator<Note> NOTE_ORDER = Comparator.comparingLong(Note::startTick)
            .thenComparingInt(Note::pitch).thenComparingInt(Note::track)
            .thenComparingInt(Note::channel).thenComparingLong(Note::endTick);

    public MidiFileContent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tempoMap, "tempoMap");
        Objects.requireNonNull(pairing, "pairing");
        if (ticksPerQuarter <= 0) throw new IllegalArgumentException("ticksPerQuarter must be positive: " + ticksPerQuarter);
        notes = notes.stream().sorted(NOTE_ORDER).toList();
    }

    /** Content with nothing reported by note pairing (for content built in code). */
    public MidiFileContent(String source, int format, int ticksPerQuarter, TempoMap tempoMap, List<Note> notes) {
        this(source, format, ticksPerQuarter, tempoMap, notes, NotePairingCounts.CLEAN);
    }

    /** The notes not on the General MIDI percussion channel (zero-based channel 9), in the same order. */
    public List<Note> pitchedNotes() {
        return notes.stream().filter(n -> !n.isPercussion()).toList();
    }
}
