package io.antiphon.midi.file;

/**
 * What the reader could not turn into notes while pairing note-ons with note-offs.
 *
 * @param unmatchedNoteOns  note-ons never released, ended at their track's end (if it is later)
 * @param strayNoteOffs     note-offs (or velocity-0 note-ons) with no sounding note to release; ignored
 * @param zeroLengthDropped notes released at the tick they began (or unmatched at their track's last tick); dropped
 */
public record NotePairingCounts(int unmatchedNoteOns, int strayNoteOffs, int zeroLengthDropped) {

    /** Counts of a file whose every note-on met its note-off. */
    public static final NotePairingCounts CLEAN = new NotePairingCounts(0, 0, 0);

    public NotePairingCounts plus(NotePairingCounts other) {
        return new NotePairingCounts(unmatchedNoteOns + other.unmatchedNoteOns, strayNoteOffs + other.strayNoteOffs,
                zeroLengthDropped + other.zeroLengthDropped);
    }
}
