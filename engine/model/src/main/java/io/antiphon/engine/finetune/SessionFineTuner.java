package io.antiphon.engine.finetune;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.antiphon.engine.adapt.SessionLearner;
import io.antiphon.engine.adapt.SessionTokens;
import io.antiphon.engine.adapt.WeightsSlot;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.PackedWeights;
import io.antiphon.engine.weights.Dl4jWeights;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow memory's learner (docs/design.md, Learning the player): after each phrase the performer ends, it fine-tunes
 * a copy of the network on the session's latest tokens ({@link DynamicEvaluation}, at most
 * {@link TuningBudget#stepsPerPhrase} passes), converts the result to the kernel's weights into the free buffer of the
 * {@link WeightsSlot} and publishes it; the performer swaps it in at its next phrase boundary. Runs on one daemon thread
 * of the lowest priority ({@link BackgroundPriority}: {@code SCHED_IDLE} on Linux), resting after each round so that its work is at most {@link TuningBudget#dutyCycle} of the time
 * (the launcher runs ND4J on one OpenMP thread, so that is one core's share). When the session's learning is forgotten
 * (the slot's generation changes), the copy returns to the trained weights and learns afresh.
 *
 * <p>{@link #learnOnce} is the thread's round, also callable directly (without {@link #start}) for deterministic use.
 */
public final class SessionFineTuner implements SessionLearner {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFineTuner.class);
    /** Tokens the ring keeps: well over a window. */
    private static final int RING_TOKENS = 8192;
    /** How often an idle learner looks for a new phrase. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Fewer tokens than this are no phrase to learn from (a stray note). */
    private static final int MIN_TOKENS = 8;

    private final SessionTokens tokens = new SessionTokens(RING_TOKENS);
    private final WeightsSlot slot;
    private final DynamicEvaluation tuning;
    private final TuningBudget budget;
    private final int[] window;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong workNanos = new AtomicLong();
    private volatile boolean closed;
    private volatile String priority = "not started";
    private Thread thread;

    private int generation;
    private long phrasesSeen;
    /** Learned since the last publication, waiting for a free buffer. */
    private boolean unpublished;
    /** Passes learned since the session's learning last began (the last forgetting). */
    private volatile long passesSinceForget;

    /**
     * @param trained the network the kernel was made from (not changed: a copy is tuned)
     * @param kernel  the kernel the performer steps, reading {@code trained}'s weights
     * @param budget  what the learning may spend
     */
    public SessionFineTuner(MultiLayerNetwork trained, LstmStepKernel kernel, TuningBudget budget) {
        LstmWeights weights = Dl4jWeights.read(trained);
        this.slot = new WeightsSlot(kernel, weights);
        this.tuning = new DynamicEvaluation(trained, budget);
        this.budget = budget;
        this.window = new int[budget.windowTokens()];
        this.generation = slot.generation();
    }

    /** Starts the learning thread; returns this. */
    public synchronized SessionFineTuner start() {
        if (thread != null) throw new IllegalStateException("the learner has started already");
        thread = new Thread(this::run, "antiphon-session-learner");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return this;
    }

    @Override
    public SessionTokens tokens() {
        return tokens;
    }

    @Override
    public WeightsSlot weights() {
        return slot;
    }

    /**
     * One round: forgets when the session's learning was forgotten; learns from the latest phrase if one ended since
     * the last round; publishes what was learned when a buffer is free.
     *
     * @return whether new weights were published
     */
    public boolean learnOnce() {
        int current = slot.generation();
        if (current != generation) {
            tuning.reset();
            generation = current;
            phrasesSeen = tokens.phrasesEnded();
            unpublished = false;
            passesSinceForget = 0;
        }
        long phrases = tokens.phrasesEnded();
        if (phrases != phrasesSeen) {
            phrasesSeen = phrases;
            int count = tokens.copyLatest(tokens.latestPhraseEnd(), window);
            if (count >= MIN_TOKENS) {
                for (int step = 0; step < budget.stepsPerPhrase() && !closed; step++) {
                    tuning.learn(window, count);
                    passes.incrementAndGet();
                    passesSinceForget++;
                }
                unpublished = true;
            }
        }
        // adapt went to 0 at a phrase boundary: the kernel reads the trained weights; offer the learning again for later
        if (passesSinceForget > 0 && slot.readingTrained() && !slot.waiting()) unpublished = true;
        if (!unpublished || slot.generation() != generation) return false;
        PackedWeights buffer = slot.free();
        if (buffer == null) return false;   // the last weights still wait for a phrase boundary
        buffer.load(Dl4jWeights.read(tuning.network()));
        slot.publish(buffer, generation);
        unpublished = false;
        published.incrementAndGet();
        return true;
    }

    private void run() {
        priority = BackgroundPriority.lower();
        try {
            while (!closed) {
                long start = System.nanoTime();
                long before = passes.get();
                boolean didWork = learnOnce();
                if (passes.get() == before && !didWork) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    continue;
                }
                long work = System.nanoTime() - start;
                workNanos.addAndGet(work);
                rest(budget.restNanos(work));
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("the session's fine-tuning stopped ({}); the model keeps the weights it has", e.toString());
        }
    }

    private void rest(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !closed; left = until - System.nanoTime()) LockSupport.parkNanos(this, left);
    }

    /** The learning thread's scheduling priority, in a few words ({@code SCHED_IDLE} on Linux). */
    public String priority() {
        return priority;
    }

    /** Weights published so far. */
    public long published() {
        return published.get();
    }

    /** Passes over a window learned so far. */
    public long passes() {
        return passes.get();
    }

    /** Time spent learning on the thread, in nanoseconds (its rests excluded). */
    public long workNanos() {
        return workNanos.get();
    }

    /** The fine-tuned network; read it after {@link #close} (or without a thread). */
    public MultiLayerNetwork tunedNetwork() {
        return tuning.network();
    }

    /** Whether anything was learned since the session's learning last began. */
    public boolean learnedAnything() {
        return passesSinceForget > 0;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) return;
        LockSupport.unpark(t);
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
