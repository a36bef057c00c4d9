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
    void aMotifPlayedWithAPersonsTimingAndBegunAgainAToneHigherLeadsTheNextNoteToTheMotifsInterval() {
        int[] motif = {60, 64, 67, 65, 69, 67, 62, 64, 60};
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int pitch : motif) playRagged(pitch, random);
        for (int k = 0; k < 4; k++) playRagged(motif[k] + 2, random);   // 62 66 69 67: next in the motif +4, 71, never heard
        int next = Vocabulary.noteOn(71);

        float[] tokensOnly = stream.learned().mix(stream.probabilities(), 1.0).clone();
        float[] adapted = stream.adaptedProbabilities(1.0);

        assertThat(noteOnMass(adapted)).isCloseTo(noteOnMass(tokensOnly), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(adapted[next] / noteOnMass(adapted)).isGreaterThan(2 * tokensOnly[next] / noteOnMass(tokensOnly));
        assertThat(adapted[Vocabulary.timeShift(6)]).isEqualTo(tokensOnly[Vocabulary.timeShift(6)]);
    }

    /** A note as a person plays it: the velocity now and then, the hold and the gap a tick or two off the grid. */
    private void playRagged(int pitch, java.util.SplittableRandom random) {
        stream.feedNoteOn(pitch, 70 + random.nextInt(30));
        stream.feedSilenceUntil(stream.tick() + 9 + random.nextInt(3));
        stream.feedNoteOff(pitch);
        stream.feedSilenceUntil(stream.tick() + 1 + random.nextInt(3));
    }

    private static double noteOnMass(float[] p) {
        double s = 0;
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) s += p[Vocabulary.noteOn(pitch)];
        return s;
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
