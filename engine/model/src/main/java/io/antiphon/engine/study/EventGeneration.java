package io.antiphon.engine.study;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.sampling.TokenMask;
import io.antiphon.engine.token.Vocabulary;

import java.util.Arrays;

/**
 * Free generation from an event-token model, for the temperature study: the model hears a primer, then samples
 * {@code tokens} tokens at one temperature (no top-k, no top-p), fed back one by one. The only mask keeps the stream
 * well-formed, as on stage: no onset of a key already down, no release of a key that is up. Returns the pitches of
 * the generated onsets in order.
 */
public final class EventGeneration {

    private EventGeneration() {
    }

    public static int[] onsets(StepModel model, int[] primer, int tokens, double temperature, Sampler sampler) {
        if (primer.length == 0) throw new IllegalArgumentException("the primer is empty");
        model.reset();
        float[] distribution = new float[model.vocabularySize()];
        boolean[] down = new boolean[Vocabulary.HIGHEST_PITCH + 1];
        for (int token : primer) {
            model.step(token, distribution);
            track(token, down);
        }
        TokenMask mask = new TokenMask();
        int[] pitches = new int[tokens];
        int count = 0;
        for (int i = 0; i < tokens; i++) {
            mask.allowAll();
            for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
                mask.forbid(down[pitch] ? Vocabulary.noteOn(pitch) : Vocabulary.noteOff(pitch));
            }
            int token = sampler.sample(distribution, mask, temperature, 0, 1.0);
            if (Vocabulary.isNoteOn(token)) pitches[count++] = Vocabulary.pitch(token);
            track(token, down);
            model.step(token, distribution);
        }
        return Arrays.copyOf(pitches, count);
    }

    private static void track(int token, boolean[] down) {
        if (Vocabulary.isNoteOn(token)) down[Vocabulary.pitch(token)] = true;
        else if (Vocabulary.isNoteOff(token)) down[Vocabulary.pitch(token)] = false;
    }
}
