package io.antiphon.engine.adapt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.PackedWeights;

/**
 * The double-buffered hand-over of fine-tuned weights from a {@link SessionLearner} to a running
 * {@link LstmStepKernel}: two preallocated buffers beside the trained weights the kernel started with. The learner
 * writes into the buffer the kernel does not read ({@link #free}) and publishes it; the performer thread, at a phrase
 * boundary, swaps the kernel onto the published buffer (one reference: no lock, no allocation, no copy) and
 * acknowledges it by storing which buffer the kernel now reads; only then is the other buffer free for the learner.
 * So the buffer being written is never the one the kernel reads.
 *
 * <p>With {@code adapt} at 0 the kernel reads the trained weights ({@link #useTrained}), the learning kept for later.
 * Forgetting ({@link #restoreTrained}) swaps the kernel back onto the trained weights and moves to a new
 * generation: a buffer the learner prepared for an older generation is dropped when it arrives, never swapped in.
 */
public final class WeightsSlot {

    private final LstmStepKernel kernel;
    private final PackedWeights trained;
    private final PackedWeights first;
    private final PackedWeights second;
    /** The buffer published and not yet taken; only the learner sets it, only the performer clears it. */
    private final AtomicReference<PackedWeights> published = new AtomicReference<>();
    /** The generation {@link #published} was prepared for. */
    private volatile int publishedGeneration;
    /** The acknowledgement: the weights the kernel reads. */
    private final AtomicReference<PackedWeights> reading;
    private final AtomicInteger generation = new AtomicInteger();
    private long swaps;

    /**
     * @param kernel  the kernel the performer steps; its current weights are the trained ones
     * @param trained the same weights unpacked, to size the two buffers
     */
    public WeightsSlot(LstmStepKernel kernel, LstmWeights trained) {
        this.kernel = kernel;
        this.trained = kernel.weights();
        if (!this.trained.fits(trained)) throw new IllegalArgumentException("the trained weights do not have the kernel's shape");
        this.first = this.trained.sameShape(trained);
        this.second = this.trained.sameShape(trained);
        this.reading = new AtomicReference<>(this.trained);
    }

    /** The kernel the weights are handed to. */
    public LstmStepKernel kernel() {
        return kernel;
    }

    // ---- the performer's side: allocation-free, never waits

    /**
     * At a phrase boundary: swaps the kernel onto the weights published since the last call, if any (and prepared
     * for the current generation), and acknowledges them.
     *
     * @return whether the kernel now reads new weights
     */
    public boolean swapAtPhraseBoundary() {
        PackedWeights next = published.get();
        if (next == null) return false;
        boolean current = publishedGeneration == generation.get();
        if (current) {
            kernel.swapWeights(next);
            reading.set(next);   // acknowledged before the slot empties: a learner that sees it empty sees this
            swaps++;
        }
        published.set(null);
        return current;
    }

    /**
     * At a phrase boundary with {@code adapt} 0: the kernel reads the trained weights (its state stays); what was
     * published keeps waiting for a boundary with {@code adapt} above 0, and the learner keeps what it learned.
     */
    public void useTrained() {
        if (reading.get() == trained) return;
        kernel.swapWeights(trained);
        reading.set(trained);
    }

    /** Forgets the session's fine-tuning: the kernel reads the trained weights again (its state stays). */
    public void restoreTrained() {
        generation.incrementAndGet();
        kernel.swapWeights(trained);
        reading.set(trained);
        published.set(null);
    }

    /** Fine-tuned weights the kernel has taken (performer thread). */
    public long swaps() {
        return swaps;
    }

    // ---- the learner's side

    /** The current generation: it changes when the session's learning is forgotten. */
    public int generation() {
        return generation.get();
    }

    /**
     * The buffer the learner may write now, or null while the last one published has not been taken (or dropped).
     * Never the buffer the kernel reads.
     */
    public PackedWeights free() {
        if (published.get() != null) return null;
        PackedWeights read = reading.get();
        return read == first ? second : first;
    }

    /**
     * Publishes {@code buffer} (got from {@link #free} and written since) for the kernel to take at its next phrase
     * boundary; {@code forGeneration} is the {@link #generation} the learner read before preparing it.
     */
    public void publish(PackedWeights buffer, int forGeneration) {
        if (buffer != first && buffer != second) throw new IllegalArgumentException("not one of this slot's buffers");
        if (published.get() != null) throw new IllegalStateException("the last weights published have not been taken");
        publishedGeneration = forGeneration;
        published.set(buffer);
    }

    /** Whether weights are published and waiting for a phrase boundary. */
    public boolean waiting() {
        return published.get() != null;
    }

    /** Whether the kernel reads the trained weights. */
    public boolean readingTrained() {
        return reading.get() == trained;
    }
}
