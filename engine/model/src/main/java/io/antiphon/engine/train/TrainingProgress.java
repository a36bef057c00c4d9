package io.antiphon.engine.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.io.PrintStream;

/**
 * A console progress bar for training: one bar per epoch over its predicted units (tokens or frames), with ETA and the
 * running training loss (DL4J's minibatch score divided by the segment length: nats per unit, approximately); the
 * throughput is in each epoch's summary line. The bar is drawn only on a terminal (redrawn lines would fill a log
 * file) and always {@value #WIDTH} characters wide, so it neither shrinks with the text beside it nor wraps (a
 * wrapped line is not redrawn in place: it repeats) on a terminal of 80 columns or more.
 */
public final class TrainingProgress extends BaseTrainingListener implements AutoCloseable {

    /** Characters the bar's line takes, all of it. */
    static final int WIDTH = 79;

    private final boolean drawn;
    private final EpochFeed iterator;
    private final int maxEpochs;
    private final int segmentLength;
    private final String unit;
    private final PrintStream out;
    private ProgressBar bar;
    private LineConsumer consumer;
    private int barEpoch = -1;
    private double smoothedLoss = Double.NaN;

    public TrainingProgress(EpochFeed iterator, int maxEpochs, int segmentLength, PrintStream out) {
        this(iterator, maxEpochs, segmentLength, "tok", out);
    }

    /**
     * @param segmentLength the time steps one minibatch score covers per sequence (the loss shown is score / this)
     * @param unit          short unit name shown with the counts, e.g. {@code tok} or {@code frm}
     */
    public TrainingProgress(EpochFeed iterator, int maxEpochs, int segmentLength, String unit, PrintStream out) {
        this(iterator, maxEpochs, segmentLength, unit, out, System.console() != null);
    }

    /** @param drawn whether to draw the bar at all (on a terminal) */
    TrainingProgress(EpochFeed iterator, int maxEpochs, int segmentLength, String unit, PrintStream out, boolean drawn) {
        this.drawn = drawn;
        this.iterator = iterator;
        this.maxEpochs = maxEpochs;
        this.segmentLength = segmentLength;
        this.unit = " " + unit;
        this.out = out;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (!drawn) return;
        if (bar == null || iterator.epoch() != barEpoch) openBar();
        double loss = model.score() / segmentLength;
        if (Double.isFinite(loss)) smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.9 * smoothedLoss + 0.1 * loss;
        bar.stepTo(iterator.tokensServed());
        bar.setExtraMessage(String.format(" loss %.3f", smoothedLoss));
    }

    private void openBar() {
        close();
        barEpoch = iterator.epoch();
        bar = new ProgressBarBuilder()
                .setTaskName(String.format("epoch %d/%d", barEpoch + 1, maxEpochs))
                .setInitialMax(iterator.epochTokens())
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(consumer = new LineConsumer(out))
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(iterator.tokensServed());
            bar.close();
            // the library ends the line only if its update task had run before the close: end it here otherwise
            if (!consumer.closed) out.println();
            bar = null;
        }
    }

    /** The console consumer at the fixed width, remembering whether the library ended its line. */
    private static final class LineConsumer extends ConsoleProgressBarConsumer {
        private volatile boolean closed;

        LineConsumer(PrintStream out) {
            super(out, WIDTH);
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }
}
