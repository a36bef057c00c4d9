package io.antiphon.engine.perform;

import io.antiphon.engine.sampling.MaskRules;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.sampling.TokenMask;
import io.antiphon.engine.token.Vocabulary;

/**
 * Draws the voices under a melody note from a piano-roll model's per-key probabilities, through the project's
 * {@link Sampler} and {@link MaskRules}: key {@code k} of the roll (MIDI 21 + k) is the token {@code NOTE_ON(21 + k)},
 * whose index is {@code k}. Allowed are keys strictly below the melody, within {@code pitch_low..pitch_high}, in the
 * key/scale mask, not held by the human, and neither a semitone nor a whole tone below the melody (nor those plus
 * octaves: a major seventh, a minor or major ninth...): the roll predicts the next frame without knowing its melody, so
 * its voices can clash with the note the human actually plays. Nor does a voice lie a semitone or a whole tone from a
 * voice already drawn. How many voices: the model's expected number of allowed keys sounding (the sum of their
 * probabilities), rounded, at least {@value #MIN_VOICES} (a melody note is harmonized, not doubled: a user's melody
 * unlike the corpus's often gets a low expectation), at most {@value #MAX_VOICES} and {@code max_polyphony}; then that
 * many draws without replacement at the live temperature, top-k and top-p. Allocation-free; one thread.
 */
final class ChordSampler {

    /** Most voices added under a melody note. */
    static final int MAX_VOICES = 3;
    /** Fewest voices added under a melody note, when that many keys are allowed. */
    static final int MIN_VOICES = 2;

    private final Sampler sampler;
    private final TokenMask mask = new TokenMask();
    private final float[] tokens = new float[Vocabulary.SIZE];

    ChordSampler(Sampler sampler) {
        this.sampler = sampler;
    }

    /**
     * @param keyProbabilities per roll key (0..87) the probability of sounding in this frame
     * @param melody           the melody's MIDI key
     * @param humanDown        the keys the human holds, by MIDI key
     * @param into             receives the voices' MIDI keys (room for {@value #MAX_VOICES})
     * @return how many voices were drawn (0 only when no key is allowed)
     */
    int sample(float[] keyProbabilities, int melody, boolean[] humanDown, PerformerParameters parameters, int[] into) {
        int low = Math.max(parameters.pitchLow(), Vocabulary.LOWEST_PITCH);
        int high = Math.min(Math.min(parameters.pitchHigh(), melody - 1), Vocabulary.HIGHEST_PITCH);
        if (low > high) return 0;
        mask.allowAll();
        mask.forbidRange(Vocabulary.NOTE_OFF_BASE, Vocabulary.SIZE);
        MaskRules.pitchRange(mask, low, high);
        MaskRules.scale(mask, parameters.scale(), parameters.keyRoot());
        double expected = 0;
        for (int pitch = low; pitch <= high; pitch++) {
            int token = Vocabulary.noteOn(pitch);
            int interval = Math.floorMod(melody - pitch, 12);
            if (humanDown[pitch] || interval == 1 || interval == 2 || interval == 11) mask.forbid(token);
            if (mask.allows(token)) expected += keyProbabilities[token];
        }
        System.arraycopy(keyProbabilities, 0, tokens, 0, Vocabulary.PITCHES);
        int most = Math.min(MAX_VOICES, parameters.maxPolyphony());
        int voices = (int) Math.min(most, Math.max(MIN_VOICES, Math.round(expected)));
        int drawn = 0;
        while (drawn < voices) {
            int token = sampler.sample(tokens, mask, parameters.temperature(), parameters.topK(), parameters.topP());
            if (!Vocabulary.isNoteOn(token)) break; // the mask allows nothing more
            int pitch = Vocabulary.pitch(token);
            into[drawn++] = pitch;
            for (int neighbour = pitch - 2; neighbour <= pitch + 2; neighbour++) {   // itself, and no second against it
                if (neighbour >= low && neighbour <= high) mask.forbid(Vocabulary.noteOn(neighbour));
            }
        }
        return drawn;
    }
}
