package io.antiphon.engine.train;

import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingProgressTest {

    /** An epoch of 100,000 tokens served in steps of 1,000. */
    private static final class Feed implements EpochFeed {
        long served;

        @Override
        public int epoch() {
            return 0;
        }

        @Override
        public long epochTokens() {
            return 100_000;
        }

        @Override
        public long tokensServed() {
            return served;
        }
    }

    @Test
    void theBarKeepsItsWidthWhateverTheTerminalAndEndsOnItsOwnLine() {
        MultiLayerNetwork net = NetworkFactory.build(new NetworkSpec(8, 1, 4, 0.0, 0.01, 1.0, 8, 1L));
        Feed feed = new Feed();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TrainingProgress progress = new TrainingProgress(feed, 30, 8, "tok", out, true);
        for (int i = 1; i <= 100; i++) {
            feed.served = i * 1_000L;
            progress.iterationDone(net, i, 0);
        }
        progress.close();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith(System.lineSeparator());
        List<String> renders = Arrays.stream(text.strip().split("\r")).filter(r -> !r.isBlank()).toList();
        assertThat(renders).isNotEmpty().allSatisfy(render -> {
            assertThat(render.length()).isLessThanOrEqualTo(TrainingProgress.WIDTH);
            assertThat(render).startsWith("epoch 1/30");
            int bar = render.indexOf(']') - render.indexOf('[') - 1;
            assertThat(bar).as("bar width in %s", render).isGreaterThanOrEqualTo(10);
        });
        assertThat(renders.get(renders.size() - 1)).contains("100%");
    }
}
