package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.MidiFolderCorpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.token.TimedNote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of MIDI files as piano rolls: the pieces and split of {@link MidiFolderCorpus} (a small folder split inside
 * each piece), each sampled at {@code framesPerQuarter} frames a quarter note. A key sounds in a frame when one of its
 * notes starts in the frame or holds at least half of it, so no note is lost however short, and a held note fills the
 * frames it spans.
 */
public final class MidiFolderRollCorpus implements RollCorpus {

    private final MidiFolderCorpus notes;
    private final int framesPerQuarter;

    /** @param framesPerQuarter 1 (a frame a quarter note, as the JSB rolls), 2 (an eighth, as the Nottingham rolls) .. 24 */
    public MidiFolderRollCorpus(MidiFolderCorpus notes, int framesPerQuarter) {
        if (framesPerQuarter < 1 || TICKS_PER_QUARTER % framesPerQuarter != 0) {
            throw new IllegalArgumentException("frames per quarter note must divide " + TICKS_PER_QUARTER + ": " + framesPerQuarter);
        }
        this.notes = notes;
        this.framesPerQuarter = framesPerQuarter;
    }

    /** The model's ticks per quarter note, the notes' time unit. */
    static final int TICKS_PER_QUARTER = 24;

    @Override
    public String name() {
        return notes.name();
    }

    @Override
    public int framesPerQuarter() {
        return framesPerQuarter;
    }

    @Override
    public String splitRule() throws IOException {
        return notes.splitRule();
    }

    @Override
    public List<RollPiece> pieces(Split split) throws IOException {
        List<RollPiece> pieces = new ArrayList<>();
        for (Piece piece : notes.pieces(split)) pieces.add(roll(piece.name(), piece.notes(), TICKS_PER_QUARTER / framesPerQuarter));
        return pieces;
    }

    /** {@code notes} (ticks of 1/24 quarter) as a roll of frames {@code frameTicks} long. */
    static RollPiece roll(String name, List<TimedNote> notes, int frameTicks) {
        long end = 0;
        for (TimedNote note : notes) end = Math.max(end, note.endTick());
        int frames = (int) Math.max(1, (end + frameTicks - 1) / frameTicks);
        List<List<Integer>> keys = new ArrayList<>(frames);
        for (int t = 0; t < frames; t++) keys.add(new ArrayList<>());
        for (TimedNote note : notes) {
            int first = (int) (note.startTick() / frameTicks);
            for (int t = first; t < frames && (long) t * frameTicks < note.endTick(); t++) {
                long frameStart = (long) t * frameTicks;
                long held = Math.min(note.endTick(), frameStart + frameTicks) - Math.max(note.startTick(), frameStart);
                if (t == first || 2 * held >= frameTicks) keys.get(t).add(note.pitch() - RollPiece.LOWEST_PITCH);
            }
        }
        int[][] frameKeys = new int[frames][];
        for (int t = 0; t < frames; t++) frameKeys[t] = keys.get(t).stream().mapToInt(Integer::intValue).toArray();
        return new RollPiece(name, frameKeys);
    }
}
