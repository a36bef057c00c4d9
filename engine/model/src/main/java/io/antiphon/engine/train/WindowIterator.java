package io.antiphon.engine.train;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What both training feeds share (token windows for the event model, {@link TokenWindowIterator}; frame windows for the
 * piano roll, {@code RollWindowIterator}): epochs that start on a {@link #reset()} after a served minibatch, the
 * count of predicted steps per epoch and served so far, masked next-step minibatches of {@code [n, width, steps]}
 * one-/many-hot features and labels, and DL4J's iterator boilerplate. A subclass cuts each epoch into windows
 * ({@link #cutEpoch}) and builds minibatches from them; it calls {@link #startEpoch()} at the end of its constructor.
 */
public abstract class WindowIterator implements DataSetIterator, EpochFeed {

    private final int width;
    private final int batchSize;
    private int epoch = -1;
    private long epochSteps;
    private DataSetPreProcessor preProcessor;
    /** Minibatch units (windows or minibatches, the subclass's) served so far in the current epoch. */
    protected int cursor;
    /** Predicted steps served so far in the current epoch. */
    protected long stepsServed;

    /**
     * @param width     one-hot or many-hot width of a step (vocabulary size, or the 88 keys)
     * @param batchSize windows per minibatch
     */
    protected WindowIterator(int width, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        this.width = width;
        this.batchSize = batchSize;
    }

    /** Cuts epoch {@code epoch} into windows; returns how many steps they predict. */
    protected abstract long cutEpoch(int epoch);

    /** Minibatch units (as {@link #cursor} counts them) in the current epoch. */
    protected abstract int units();

    /** Starts the next epoch. */
    protected final void startEpoch() {
        epoch++;
        cursor = 0;
        stepsServed = 0;
        epochSteps = cutEpoch(epoch);
    }

    @Override
    public int epoch() {
        return epoch;
    }

    /** Predicted steps (label time steps: tokens or frames) in the current epoch. */
    @Override
    public long epochTokens() {
        return epochSteps;
    }

    /** Predicted steps served so far in the current epoch. */
    @Override
    public long tokensServed() {
        return stepsServed;
    }

    /** Starts the next epoch; a reset before any minibatch of the current epoch was served keeps that epoch. */
    @Override
    public void reset() {
        if (cursor > 0) startEpoch();
    }

    @Override
    public boolean hasNext() {
        return cursor < units();
    }

    /**
     * A minibatch of {@code n} windows over {@code steps} time steps, {@code [n, width, steps]} in 'c' order, the
     * mask {@code [n, steps]} on features and labels alike, passed through the pre-processor if one is set.
     */
    protected final DataSet minibatch(float[] features, float[] labels, float[] mask, int n, int steps) {
        long[] shape = {n, width, steps};
        INDArray maskArray = Nd4j.create(mask, new long[]{n, steps}, 'c');
        DataSet ds = new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c'), maskArray, maskArray);
        if (preProcessor != null) preProcessor.preProcess(ds);
        return ds;
    }

    @Override
    public int inputColumns() {
        return width;
    }

    @Override
    public int totalOutcomes() {
        return width;
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
