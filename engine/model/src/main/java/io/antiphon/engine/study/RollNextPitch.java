package io.antiphon.engine.study;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.token.Vocabulary;

import java.util.List;

/**
 * The next-pitch measure for a piano-roll model, stepped frame by frame from a cleared state. After frame {@code t}
 * the model gives each key's probability of sounding in frame {@code t+1}; where a new soprano note starts in frame
 * {@code t+1} (any soprano note after the first), the predicted pitch is, with
 * {@link NextPitchContext#MELODY_ONLY}, the most probable key, and with {@link NextPitchContext#FULL_TEXTURE} the
 * most probable key above the highest lower voice of frame {@code t} (the roll predicts the whole four-voice frame;
 * the soprano is the voice above the others). The soprano's pitch in frame {@code t} is not a candidate ("which new
 * pitch", as in {@link EventNextPitch}). Unlike the event model, the roll model never hears the lower voices of the
 * frame it predicts.
 */
public final class RollNextPitch {

    private RollNextPitch() {
    }

    public static NextPitchScore score(RollStepModel model, List<QuarterChorale> chorales, NextPitchContext context) {
        NextPitchScore score = new NextPitchScore();
        float[] probabilities = new float[model.keys()];
        int[] keys = new int[model.keys()];
        for (QuarterChorale chorale : chorales) {
            boolean[][] roll = chorale.roll(context == NextPitchContext.MELODY_ONLY);
            model.reset();
            boolean firstNoteSeen = false;
            for (int t = 0; t + 1 < roll.length; t++) {
                int count = 0;
                for (int key = 0; key < roll[t].length; key++) if (roll[t][key]) keys[count++] = key;
                model.stepFrame(keys, count, probabilities);
                int current = chorale.soprano(t);
                int next = chorale.soprano(t + 1);
                if (t == 0 && current != QuarterChorale.REST) firstNoteSeen = true;
                if (next == QuarterChorale.REST || next == current) continue;
                if (!firstNoteSeen) {
                    firstNoteSeen = true;
                    continue;
                }
                int excludedKey = current == QuarterChorale.REST ? -1 : current - Vocabulary.LOWEST_PITCH;
                int floor = context == NextPitchContext.MELODY_ONLY ? QuarterChorale.REST : chorale.highestLowerVoice(t);
                score.add(NextPitchCandidates.mostProbable(probabilities, 0, probabilities.length, Vocabulary.LOWEST_PITCH, floor, current), next);
            }
        }
        return score;
    }

}
