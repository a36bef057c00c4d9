package io.antiphon.engine.perform;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.Vocabulary;

/**
 * A real {@link StepModel} that would rather rest: after each step, its onsets ({@code NOTE_ON} and {@code VELOCITY})
 * are {@code bias} times less likely and the longest {@code TIME_SHIFT} takes at least half the probability. So, left to
 * itself, it plays a note or two, releases them and falls silent: the failure an answer's rest limit is for.
 */
final class RestingStepModel extends ForwardingStepModel {

    private final double bias;

    RestingStepModel(StepModel model, double bias) {
        super(model);
        this.bias = bias;
    }

    @Override
    public void step(int token, float[] probabilities) {
        model.step(token, probabilities);
        for (int i = Vocabulary.NOTE_ON_BASE; i < Vocabulary.NOTE_OFF_BASE; i++) probabilities[i] /= bias;
        for (int i = Vocabulary.VELOCITY_BASE; i < Vocabulary.SIZE; i++) probabilities[i] /= bias;
        probabilities[Vocabulary.timeShift(Vocabulary.MAX_SHIFT)] += 1;
        float sum = 0;
        for (float p : probabilities) sum += p;
        for (int i = 0; i < probabilities.length; i++) probabilities[i] /= sum;
    }
}
