package io.antiphon.engine.train;

import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Arrays;
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
public final class TokenWindowIterator extends WindowIterator {

    private final IntFunction<List<int[]>> epochSequences;
    private final int vocabularySize;
    private final int window;
    private final Random shuffle;
    private final List<int[]> windows = new ArrayList<>();

    /**
     * @param epochSequences epoch number to the token sequences of that epoch
     * @param vocabularySize one-hot width
     * @param window         time steps per training window
     * @param batchSize      windows per minibatch
     * @param seed           shuffling seed
     */
    public TokenWindowIterator(IntFunction<List<int[]>> epochSequences, int vocabularySize, int window, int batchSize, long seed) {
        super(vocabularySize, batchSize);
        if (window < 2) throw new IllegalArgumentException("window must be at least 2 steps: " + window);
        this.epochSequences = epochSequences;
        this.vocabularySize = vocabularySize;
        this.window = window;
        this.shuffle = new Random(seed);
        startEpoch();
    }

    @Override
    protected long cutEpoch(int epoch) {
        windows.clear();
        long tokens = 0;
        for (int[] sequence : epochSequences.apply(epoch)) {
            for (int start = 0; start + 1 < sequence.length; start += window) {
                int end = Math.min(sequence.length, start + window + 1);
                int[] w = Arrays.copyOfRange(sequence, start, end);
                windows.add(w);
                tokens += w.length - 1;
            }
        }
        Collections.shuffle(windows, shuffle);
        return tokens;
    }

    @Override
    protected int units() {
        return windows.size();
    }

    @Override
    public DataSet next() {
        return next(batch());
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("epoch " + epoch() + " has no more windows");
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
                stepsServed++;
            }
        }
        cursor += n;
        return minibatch(features, labels, mask, n, steps);
    }
}
