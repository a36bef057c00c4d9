package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

/** The session's learning inside the model stream: it hears what the model hears, rolls back and forgets with it. */
class ModelStreamLearningTest {

    private final ModelStream stream = new ModelStream(TestModels.kernel(), (time, status, data1, data2) -> { });

    private void playMotif() {
        for (int pitch : new int[] {60, 64, 67, 64}) {
            stream.feedNoteOn(pitch, 80);
            stream.feedSilenceUntil(stream.tick() + 12);
            stream.feedNoteOff(pitch);
        }
    }

    @Test
    void theMemoryHearsEveryTokenTheModelHears() {
        playMotif();

        assertThat(stream.learned().memorySize()).isEqualTo((int) stream.tokensFed());
    }

    @Test
    void aMotifPlayedTwiceIsWhatTheAdaptedDistributionExpects() {
        playMotif();
        playMotif();
        stream.feedNoteOn(60, 80);
        stream.feedSilenceUntil(stream.tick() + 12);
        stream.feedNoteOff(60);
        int next = Vocabulary.noteOn(64);

        assertThat(stream.adaptedProbabilities(1.0)[next]).isGreaterThan(0.5f);
        assertThat(stream.adaptedProbabilities(0.0)).isSameAs(stream.probabilities());
    }

    @Test
    void forgettingTheLearningKeepsTheModelsState() {
        playMotif();
        float[] before = stream.probabilities().clone();

        stream.forgetLearning();

        assertThat(stream.learned().memorySize()).isZero();
        assertThat(stream.probabilities()).containsExactly(before);
        assertThat(stream.adaptedProbabilities(1.0)[Vocabulary.noteOn(64)]).isLessThan(0.5f);
    }

    @Test
    void aResetForgetsTheLearningToo() {
        playMotif();

        stream.reset(0);

        assertThat(stream.learned().memorySize()).isZero();
    }

    @Test
    void generatedTimeThatDidNotSoundIsUnlearnedOnRollback() {
        playMotif();
        int heard = stream.learned().memorySize();
        stream.feedGenerated(Vocabulary.timeShift(24));
        stream.feedGenerated(Vocabulary.timeShift(24));
        assertThat(stream.learned().memorySize()).isEqualTo(heard + 2);

        stream.rollback();

        assertThat(stream.learned().memorySize()).isEqualTo(heard);
    }
}
