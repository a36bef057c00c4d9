package io.antiphon.engine.study;

import io.antiphon.engine.eval.SequenceModel;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenEncoder;
import io.antiphon.engine.token.Vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The next-pitch measure for an event-token model. Each chorale (its soprano alone, or all its voices) is encoded as
 * tokens and predicted in one pass; for every soprano note after the first, the predicted pitch is the most probable
 * {@code NOTE_ON} in the distribution the model gave just before that note's {@code NOTE_ON}. The model has heard
 * everything before it in the stream, and so the time up to the onset and, with {@link NextPitchContext#FULL_TEXTURE},
 * the lower voices struck at the same instant (the stream orders a chord's onsets upwards). As in {@link RollNextPitch},
 * with the full texture only pitches above the highest lower voice of the frame before are candidates, and when the
 * previous soprano note ends exactly where this one starts, its pitch is not one: the question is "which new pitch". A soprano onset the stream does not hold as its own {@code NOTE_ON} (a unison merged into
 * another voice's note) is not scored.
 */
public final class EventNextPitch {

    private EventNextPitch() {
    }

    public static NextPitchScore score(SequenceModel model, List<QuarterChorale> chorales, NextPitchContext context) {
        NextPitchScore score = new NextPitchScore();
        for (QuarterChorale chorale : chorales) {
            List<TimedNote> soprano = chorale.sopranoNotes();
            if (soprano.size() < 2) continue;
            int[] tokens = TokenEncoder.encode(context == NextPitchContext.MELODY_ONLY ? soprano : chorale.allNotes());
            Map<Long, Integer> onsets = noteOnPositions(tokens);
            float[][] rows = model.predict(tokens);
            for (int i = 1; i < soprano.size(); i++) {
                TimedNote note = soprano.get(i);
                Integer position = onsets.get(key(note.startTick(), note.pitch()));
                if (position == null || position == 0) continue;
                TimedNote previous = soprano.get(i - 1);
                int excluded = previous.endTick() == note.startTick() ? previous.pitch() : QuarterChorale.REST;
                int frame = (int) (note.startTick() / Vocabulary.TICKS_PER_QUARTER);
                int floor = context == NextPitchContext.MELODY_ONLY ? QuarterChorale.REST : chorale.highestLowerVoice(frame - 1);
                score.add(NextPitchCandidates.mostProbable(rows[position - 1], Vocabulary.NOTE_ON_BASE, Vocabulary.PITCHES,
                        Vocabulary.LOWEST_PITCH, floor, excluded), note.pitch());
            }
        }
        return score;
    }

    /** Where each {@code NOTE_ON} lies in the stream, by (tick, pitch). */
    private static Map<Long, Integer> noteOnPositions(int[] tokens) {
        Map<Long, Integer> positions = new HashMap<>();
        long tick = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (Vocabulary.isTimeShift(tokens[t])) tick += Vocabulary.shiftTicks(tokens[t]);
            else if (Vocabulary.isNoteOn(tokens[t])) positions.put(key(tick, Vocabulary.pitch(tokens[t])), t);
        }
        return positions;
    }

    private static long key(long tick, int pitch) {
        return tick * 128 + pitch;
    }

}
