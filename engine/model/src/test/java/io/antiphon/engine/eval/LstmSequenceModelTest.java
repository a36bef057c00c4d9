package io.antiphon.engine.eval;

import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LstmSequenceModelTest {

    @Test
    void batchedEvaluationEqualsOneByOneEvaluation() {
        MultiLayerNetwork net = NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(2, 16).withSeed(3));
        SplittableRandom random = new SplittableRandom(5);
        List<int[]> sequences = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            int[] tokens = new int[2 + random.nextInt(40)];
            for (int t = 0; t < tokens.length; t++) tokens[t] = random.nextInt(Vocabulary.SIZE);
            sequences.add(tokens);
        }
        sequences.add(new int[]{5}); // too short to score: skipped by both
        LstmSequenceModel model = new LstmSequenceModel(net);
        EvaluationMetrics single = EvaluationMetrics.evaluate(model, sequences);
        EvaluationMetrics batched = model.evaluate(sequences, 3);
        assertThat(batched.tokens()).isEqualTo(single.tokens());
        assertThat(batched.noteOnTokens()).isEqualTo(single.noteOnTokens());
        assertThat(batched.nll()).isCloseTo(single.nll(), within(1e-5));
        assertThat(batched.accuracy()).isEqualTo(single.accuracy());
        assertThat(batched.pitchAccuracy()).isEqualTo(single.pitchAccuracy());
        long tokens = sequences.stream().mapToLong(s -> Math.max(0, s.length - 1)).sum();
        assertThat(model.sumNegativeLogLikelihood(sequences, 4) / tokens).isCloseTo(single.nll(), within(1e-5));
    }
}
