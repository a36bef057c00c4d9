package io.antiphon.engine.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.PackedWeights;
import io.antiphon.engine.kernel.RandomWeights;
import org.junit.jupiter.api.Test;

/** The double-buffered hand-over: the buffer written is never the one read, stale weights never enter. */
class WeightsSlotTest {

    private static final int V = 24;
    private final LstmWeights trainedWeights = RandomWeights.weights(V, 1, 8, 3L, 0.2, LstmWeights.Output.SOFTMAX);
    private final LstmWeights tunedWeights = RandomWeights.weights(V, 1, 8, 4L, 0.2, LstmWeights.Output.SOFTMAX);
    private final LstmStepKernel kernel = LstmStepKernel.of(trainedWeights);
    private final PackedWeights trained = kernel.weights();
    private final WeightsSlot slot = new WeightsSlot(kernel, trainedWeights);

    private float[] step(LstmStepKernel k, int token) {
        float[] p = new float[V];
        k.step(token, p);
        return p;
    }

    @Test
    void publishedWeightsEnterOnlyWhenThePerformerTakesThem() {
        PackedWeights buffer = slot.free();
        buffer.load(tunedWeights);
        slot.publish(buffer, slot.generation());

        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(slot.free()).as("nothing to write until the last hand-over is taken").isNull();
        assertThat(slot.swapAtPhraseBoundary()).isTrue();
        assertThat(kernel.weights()).isSameAs(buffer);
        assertThat(step(kernel, 3)).containsExactly(step(LstmStepKernel.of(tunedWeights), 3));
    }

    @Test
    void theBufferToWriteIsNeverTheOneTheKernelReads() {
        for (int round = 0; round < 5; round++) {
            PackedWeights buffer = slot.free();
            assertThat(buffer).isNotSameAs(kernel.weights()).isNotSameAs(trained);
            buffer.load(tunedWeights);
            slot.publish(buffer, slot.generation());
            slot.swapAtPhraseBoundary();
            assertThat(kernel.weights()).isSameAs(buffer);
        }
    }

    @Test
    void forgettingReturnsToTheTrainedWeightsAndDropsWhatWasPreparedBefore() {
        PackedWeights buffer = slot.free();
        int generation = slot.generation();
        buffer.load(tunedWeights);
        slot.publish(buffer, generation);
        slot.swapAtPhraseBoundary();
        PackedWeights next = slot.free();
        int before = slot.generation();

        slot.restoreTrained();
        next.load(tunedWeights);
        slot.publish(next, before);   // prepared for the session just forgotten

        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(slot.swapAtPhraseBoundary()).isFalse();
        assertThat(kernel.weights()).isSameAs(trained);
        assertThat(slot.readingTrained()).isTrue();
    }

    @Test
    void aSwapKeepsWhatTheKernelHeard() {
        LstmStepKernel reference = LstmStepKernel.of(trainedWeights);
        step(kernel, 5);
        step(reference, 5);
        PackedWeights buffer = slot.free();
        buffer.load(trainedWeights);   // the same function, in the other buffer
        slot.publish(buffer, slot.generation());
        slot.swapAtPhraseBoundary();

        assertThat(step(kernel, 6)).containsExactly(step(reference, 6));
    }
}
