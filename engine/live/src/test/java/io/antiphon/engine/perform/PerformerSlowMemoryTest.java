package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.antiphon.engine.adapt.SessionLearner;
import io.antiphon.engine.adapt.SessionTokens;
import io.antiphon.engine.adapt.WeightsSlot;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.PackedWeights;
import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The slow memory's hand-over inside the performer: the human's tokens reach the learner's ring, fine-tuned weights
 * enter the kernel only at a phrase boundary, and forgetting returns to the trained weights.
 */
class PerformerSlowMemoryTest {

    private final LstmWeights trainedWeights = RandomWeights.weights(Vocabulary.SIZE, 1, 48, 7L, 0.3, LstmWeights.Output.SOFTMAX);
    private final LstmWeights tunedWeights = RandomWeights.weights(Vocabulary.SIZE, 1, 48, 8L, 0.3, LstmWeights.Output.SOFTMAX);
    private final LstmStepKernel kernel = LstmStepKernel.of(trainedWeights);
    private final PackedWeights trained = kernel.weights();
    /** The hand-over as the model side's learner holds it; here the test plays the learner's part by hand. */
    private final SessionLearner handOver = new SessionLearner() {
        private final SessionTokens tokens = new SessionTokens(1024);
        private final WeightsSlot slot = new WeightsSlot(kernel, trainedWeights);

        @Override
        public SessionTokens tokens() {
            return tokens;
        }

        @Override
        public WeightsSlot weights() {
            return slot;
        }

        @Override
        public void close() {
        }
    };
    private final PerformanceDriver driver = new PerformanceDriver(kernel, PerformanceDriver.asTheModelPlays(), 11L);

    PerformerSlowMemoryTest() {
        driver.performer.attachLearner(handOver);
    }

    private PackedWeights publishTuned() {
        PackedWeights buffer = handOver.weights().free();
        buffer.load(tunedWeights);
        handOver.weights().publish(buffer, handOver.weights().generation());
        return buffer;
    }

    private void call(long startMs) {
        driver.note(startMs, 200, 60, 80).note(startMs + 240, 200, 64, 80).note(startMs + 480, 200, 67, 80);
    }

    @Test
    void theHumansTokensReachTheLearnersRing() {
        call(0);
        driver.runTo(700 * MS);

        int[] heard = new int[64];
        int count = handOver.tokens().copyLatest(handOver.tokens().written(), heard);
        assertThat(java.util.Arrays.stream(heard, 0, count).filter(Vocabulary::isNoteOn).toArray())
                .containsExactly(Vocabulary.noteOn(60), Vocabulary.noteOn(64), Vocabulary.noteOn(67));
    }

    @Test
    void newWeightsEnterOnlyAtThePhraseBoundary() {
        PackedWeights tuned = publishTuned();
        call(0);
        driver.runTo(700 * MS);
        assertThat(driver.status().answers()).isZero();
        assertThat(kernel.weights()).as("mid-phrase").isSameAs(trained);

        assertThat(driver.runUntil(s -> s.answers() == 1, 5_000 * MS)).isTrue();

        assertThat(kernel.weights()).as("the call ended").isSameAs(tuned);
        assertThat(handOver.tokens().phrasesEnded()).isEqualTo(1);
        assertThat(handOver.weights().swaps()).isEqualTo(1);
    }

    @Test
    void inAJamNewWeightsEnterWhenTheHumansPhraseEnds() {
        driver.performer.parameters().set(Parameter.MODE, PerformerMode.JAM.ordinal());
        PackedWeights tuned = publishTuned();
        call(0);
        driver.runTo(700 * MS);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.JAMMING);
        assertThat(kernel.weights()).as("mid-phrase").isSameAs(trained);

        driver.runTo(5_000 * MS);

        assertThat(kernel.weights()).as("the human's phrase ended, the machine jams on").isSameAs(tuned);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.JAMMING);
        assertThat(handOver.tokens().phrasesEnded()).isEqualTo(1);
    }

    @Test
    void withAdaptAtZeroThePhraseBoundaryPlaysTheTrainedWeightsAndKeepsTheLearningWaiting() {
        PackedWeights tuned = publishTuned();
        driver.performer.parameters().set(Parameter.ADAPT, 0);
        call(0);

        assertThat(driver.runUntil(s -> s.answers() == 1, 5_000 * MS)).isTrue();
        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(handOver.weights().waiting()).isTrue();

        driver.performer.parameters().set(Parameter.ADAPT, 1);
        driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, 20_000 * MS);
        call(driver.now() / MS + 10);
        assertThat(driver.runUntil(s -> s.answers() == 2, driver.now() + 5_000 * MS)).isTrue();
        assertThat(kernel.weights()).isSameAs(tuned);
    }

    @Test
    void forgettingTheLearningReturnsToTheTrainedWeightsAndKeepsTheHiddenState() {
        publishTuned();
        call(0);
        assertThat(driver.runUntil(s -> s.answers() == 1, 5_000 * MS)).isTrue();
        driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING, 20_000 * MS);
        long tokensBefore = driver.status().tokensFed();
        io.antiphon.engine.kernel.RecurrentState heard = saved(kernel);

        driver.message(driver.now() + MS, 0xB0, 103, 127);   // forget_learning
        driver.runTo(driver.now() + 2 * MS);

        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(driver.status().tokensFed()).isEqualTo(tokensBefore);
        assertThat(saved(kernel)).usingRecursiveComparison().isEqualTo(heard);
    }

    @Test
    void resetMemoryReturnsToTheTrainedWeightsToo() {
        publishTuned();
        call(0);
        assertThat(driver.runUntil(s -> s.answers() == 1, 5_000 * MS)).isTrue();

        driver.message(driver.now() + MS, 0xB0, 81, 127);   // reset_memory
        driver.runTo(driver.now() + 2 * MS);

        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(handOver.tokens().copyLatest(handOver.tokens().written(), new int[8])).isZero();
    }

    private static io.antiphon.engine.kernel.RecurrentState saved(LstmStepKernel k) {
        io.antiphon.engine.kernel.RecurrentState state = k.newState();
        k.saveState(state);
        return state;
    }
}
