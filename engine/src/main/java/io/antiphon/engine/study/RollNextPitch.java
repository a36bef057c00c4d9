package io.antiphon.engine.study;

import io.antiphon.engine.corpus.JsbChoralesCorpus;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.token.Vocabulary;

import java.util.List;

/**
 * The next-pitch measure for a piano-roll model, stepped frame by frame from a cleared state. After frame {@code t}
 * the model gives each key's probability of sounding in frame {@code t+1}; where a new soprano note starts in frame
 * {@code t+1} (any soprano note after the first), the predicted pitch is, with
 * {@link NextPitchContext#MELODY_ONLY}, the most probable key, and with {@link NextPitchContext#FULL_TEXTURE} the
 * highest of the four most probable keys (the roll predicts the whole four-voice frame; the soprano is its top).
 * The soprano's pitch in frame {@code t} is not a candidate ("which new pitch", as in {@link EventNextPitch}). Unlike
 * the event model, the roll model never hears the lower voices of the frame it predicts.
 */
public final class RollNextPitch {

    private static final int VOICES = 4;

    private RollNextPitch() {
    }

    public static NextPitchScore score(RollStepModel model, List<QuarterChorale> chorales, NextPitchContext context) {
        NextPitchScore score = new NextPitchScore();
        float[] probabilities = new float[model.keys()];
        int[] keys = new int[model.keys()];
        for (QuarterChorale chorale : chorales) {
            boolean[][] roll = chorale.roll(context == NextPitchContext.MELODY_ONLY);
            int[][] frames = chorale.frames();
            model.reset();
            boolean firstNoteSeen = false;
            for (int t = 0; t + 1 < frames.length; t++) {
                int count = 0;
                for (int key = 0; key < roll[t].length; key++) if (roll[t][key]) keys[count++] = key;
                model.stepFrame(keys, count, probabilities);
                int current = frames[t][QuarterChorale.SOPRANO];
                int next = frames[t + 1][QuarterChorale.SOPRANO];
                if (t == 0 && current != JsbChoralesCorpus.REST) firstNoteSeen = true;
                if (next == JsbChoralesCorpus.REST || next == current) continue;
                if (!firstNoteSeen) {
                    firstNoteSeen = true;
                    continue;
                }
                int excludedKey = current == JsbChoralesCorpus.REST ? -1 : current - Vocabulary.LOWEST_PITCH;
                int predictedKey = context == NextPitchContext.MELODY_ONLY
                        ? mostProbable(probabilities, excludedKey)
                        : highestOfMostProbable(probabilities, excludedKey, VOICES);
                score.add(predictedKey + Vocabulary.LOWEST_PITCH, next);
            }
        }
        return score;
    }

    private static int mostProbable(float[] probabilities, int excludedKey) {
        return highestOfMostProbable(probabilities, excludedKey, 1);
    }

    /** The highest key among the {@code n} most probable ones, {@code excludedKey} left out (ties: the lower key ranks first). */
    static int highestOfMostProbable(float[] probabilities, int excludedKey, int n) {
        int highest = -1;
        for (int key = 0; key < probabilities.length; key++) {
            if (key == excludedKey) continue;
            int above = 0;
            for (int other = 0; other < probabilities.length && above < n; other++) {
                if (other == excludedKey || other == key) continue;
                if (probabilities[other] > probabilities[key] || (probabilities[other] == probabilities[key] && other < key)) above++;
            }
            if (above < n) highest = key;
        }
        return highest;
    }
}
