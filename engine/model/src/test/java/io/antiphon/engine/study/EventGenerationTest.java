package io.antiphon.engine.study;

import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventGenerationTest {

    private static final StepModel MODEL = StepModels.create(
            NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 16).withSeed(3)), StepEngine.KERNEL);
    private static final int[] PRIMER = new Piece("primer", List.of(new TimedNote(60, 80, 0, 24), new TimedNote(64, 80, 24, 48))).tokens();

    @Test
    void theSameSeedGeneratesTheSameMusic() {
        int[] first = EventGeneration.onsets(MODEL, PRIMER, 400, 1.0, new Sampler(9));
        int[] second = EventGeneration.onsets(MODEL, PRIMER, 400, 1.0, new Sampler(9));

        assertThat(first).isNotEmpty().containsExactly(second);
        assertThat(java.util.Arrays.stream(first).allMatch(Vocabulary::isPlayable)).isTrue();
    }

    @Test
    void theStudyReportsTheHeldOutMusicThenEachTemperature() {
        Piece piece = new Piece("p", List.of(new TimedNote(60, 80, 0, 24), new TimedNote(62, 80, 24, 48),
                new TimedNote(64, 80, 48, 72), new TimedNote(65, 80, 72, 96)));

        Map<String, GenerationStatistics> result = EventTemperatureStudy.run(MODEL, List.of(piece), new double[]{0.5, 1.5}, 4, 200, 1);

        assertThat(result).containsOnlyKeys("held-out music", "temperature 0.5", "temperature 1.5");
        assertThat(result.get("held-out music").onsets()).isEqualTo(4);
        assertThat(result.get("temperature 1.5").sequences()).isEqualTo(1);
    }
}
