package io.antiphon.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Serves next-token training minibatches from token sequences, for DL4J's {@code fit}: each sequence is cut into
 * windows of {@code window + 1} tokens (features are tokens 0..w-1 one-hot, labels tokens 1..w one-hot),
 * windows are shuffled with a seeded RNG, and short windows are padded and masked.
 *
 * <p>Every {@link #reset()} after a served epoch starts a new one and asks {@code epochSequences} for that epoch's sequences, so a
 * caller can draw a fresh random transposition of each piece per epoch (augmentation).
 */
public final class TokenWindowIterator implements DataSetIterator, EpochFeed {

    private final IntFunction<List<int[]>> epochSequences;
    private final int vocabularySize;
    private final int window;
    private final int batchSize;
    private final Random shuffle;
    private final List<int[]> windows = new ArrayList<>();
    private int epoch = -1;
    private int cursor;
    private long epochTokens;
    private long tokensServed;
    private DataSetPreProcessor preProcessor;

    /**
     * @param epochSequences epoch number to the token sequences of that epoch
     * @param vocabularySize one-hot width
     * @param window         time steps per training window
     * @param batchSize      windows per minibatch
     * @param seed           shuffling seed
     */
    public TokenWindowIterator(IntFunction<List<int[]>> epochSequences, int vocabularySize, int window, int batchSize, long seed) {
        if (window < 2) throw new IllegalArgumentException("window must be at least 2 steps: " + window);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        this.epochSequences = epochSequences;
        this.vocabularySize = vocabularySize;
        this.window = window;
        this.batchSize = batchSize;
        this.shuffle = new Random(seed);
        startEpoch();
    }

    /** Predicted tokens (label time steps) in the current epoch. */
    @Override
    public long epochTokens() {
        return epochTokens;
    }

    /** Predicted tokens served so far in the current epoch. */
    @Override
    public long tokensServed() {
        return tokensServed;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    /** Starts the next epoch; a reset before any window of the current epoch was served keeps that epoch. */
    @Override
    public void reset() {
        if (cursor > 0) startEpoch();
    }

    private void startEpoch() {
        epoch++;
        windows.clear();
        epochTokens = 0;
        for (int[] sequence : epochSequences.apply(epoch)) {
            for (int start = 0; start + 1 < sequence.length; start += window) {
                int end = Math.min(sequence.length, start + window + 1);
                int[] w = java.util.Arrays.copyOfRange(sequence, start, end);
                windows.add(w);
                epochTokens += w.length - 1;
            }
        }
        Collections.shuffle(windows, shuffle);
        cursor = 0;
        tokensServed = 0;
    }

    @Override
    public boolean hasNext() {
        return cursor < windows.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("epoch " + epoch + " has no more windows");
        int n = Math.min(num, windows.size() - cursor);
        int steps = 0;
        for (int i = 0; i < n; i++) steps = Math.max(steps, windows.get(cursor + i).length - 1);
        float[] features = new float[n * vocabularySize * steps];
        float[] labels = new float[n * vocabularySize * steps];
        float[] mask = new float[n * steps];
        for (int b = 0; b < n; b++) {
            int[] w = windows.get(cursor + b);
            for (int t = 0; t + 1 < w.length; t++) {
                features[(b * vocabularySize + w[t]) * steps + t] = 1f;
                labels[(b * vocabularySize + w[t + 1]) * steps + t] = 1f;
                mask[b * steps + t] = 1f;
                tokensServed++;
            }
        }
        cursor += n;
        long[] shape = {n, vocabularySize, steps};
        INDArray maskArray = Nd4j.create(mask, new long[]{n, steps}, 'c');
        DataSet ds = new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c'), maskArray, maskArray);
        if (preProcessor != null) preProcessor.preProcess(ds);
        return ds;
    }

    @Override
    public int inputColumns() {
        return vocabularySize;
    }

    @Override
    public int totalOutcomes() {
        return vocabularySize;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
