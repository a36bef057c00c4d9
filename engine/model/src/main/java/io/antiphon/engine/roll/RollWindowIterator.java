package io.antiphon.engine.roll;

import io.antiphon.engine.train.WindowIterator;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Serves next-frame training minibatches of piano rolls for DL4J's {@code fit}: each piece is cut into windows of up
 * to {@code window + 1} frames (a piece no longer than that is one window: JSB chorales are trained whole);
 * features are frames 0..w-1 as 88-key many-hot vectors, labels frames 1..w. Windows are shuffled with a seeded RNG,
 * then grouped with windows of similar length so little is padded; padding is masked and never counted.
 *
 * <p>Every {@link #reset()} after a served epoch starts a new one and asks {@code epochPieces} for that epoch's
 * pieces, so a caller can draw a fresh random transposition of each piece per epoch.
 */
public final class RollWindowIterator extends WindowIterator {

    /** Windows sorted together by length before being cut into minibatches, in minibatches. */
    static final int LENGTH_GROUP = 8;

    private final IntFunction<List<RollPiece>> epochPieces;
    private final int window;
    private final int batchSize;
    private final Random shuffle;
    private final List<List<Window>> batches = new ArrayList<>();
    private int windowCount;

    private record Window(RollPiece piece, int start, int frames) {
    }

    /**
     * @param epochPieces epoch number to the pieces of that epoch
     * @param window      predicted frames per training window at most
     * @param batchSize   windows per minibatch
     * @param seed        shuffling seed
     */
    public RollWindowIterator(IntFunction<List<RollPiece>> epochPieces, int window, int batchSize, long seed) {
        super(RollPiece.KEYS, batchSize);
        if (window < 1) throw new IllegalArgumentException("window must be at least 1 frame: " + window);
        this.epochPieces = epochPieces;
        this.window = window;
        this.batchSize = batchSize;
        this.shuffle = new Random(seed);
        startEpoch();
    }

    /** Mean predicted frames per window in the current epoch. */
    public int meanWindowFrames() {
        return windowCount == 0 ? 1 : (int) Math.max(1, epochTokens() / windowCount);
    }

    @Override
    protected long cutEpoch(int epoch) {
        List<Window> windows = new ArrayList<>();
        long frames = 0;
        for (RollPiece piece : epochPieces.apply(epoch)) {
            for (int start = 0; start + 1 < piece.length(); start += window) {
                int length = Math.min(piece.length(), start + window + 1) - start;
                windows.add(new Window(piece, start, length));
                frames += length - 1;
            }
        }
        windowCount = windows.size();
        Collections.shuffle(windows, shuffle);
        batches.clear();
        int group = LENGTH_GROUP * batchSize;
        for (int from = 0; from < windows.size(); from += group) {
            List<Window> sorted = new ArrayList<>(windows.subList(from, Math.min(windows.size(), from + group)));
            sorted.sort(Comparator.comparingInt(Window::frames));
            for (int b = 0; b < sorted.size(); b += batchSize) batches.add(sorted.subList(b, Math.min(sorted.size(), b + batchSize)));
        }
        Collections.shuffle(batches, shuffle);
        return frames;
    }

    @Override
    protected int units() {
        return batches.size();
    }

    @Override
    public DataSet next() {
        if (!hasNext()) throw new NoSuchElementException("epoch " + epoch() + " has no more minibatches");
        List<Window> batch = batches.get(cursor++);
        int n = batch.size();
        int steps = 0;
        for (Window w : batch) steps = Math.max(steps, w.frames() - 1);
        int keys = RollPiece.KEYS;
        float[] features = new float[n * keys * steps];
        float[] labels = new float[n * keys * steps];
        float[] mask = new float[n * steps];
        for (int b = 0; b < n; b++) {
            Window w = batch.get(b);
            for (int t = 0; t + 1 < w.frames(); t++) {
                for (int key : w.piece().keysView(w.start() + t)) features[(b * keys + key) * steps + t] = 1f;
                for (int key : w.piece().keysView(w.start() + t + 1)) labels[(b * keys + key) * steps + t] = 1f;
                mask[b * steps + t] = 1f;
                stepsServed++;
            }
        }
        return minibatch(features, labels, mask, n, steps);
    }

    /** Minibatches have the size given at construction; DL4J's request for another size is not honoured. */
    @Override
    public DataSet next(int num) {
        return next();
    }
}
