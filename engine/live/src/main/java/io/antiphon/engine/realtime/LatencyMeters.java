package io.antiphon.engine.realtime;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntervalHistogramProvider;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The shell's HdrHistogram recorders, in nanoseconds. Recording is wait-free and allocation-free (values outside
 * 0..10 s are clamped); {@link #report()} folds what was recorded since the last report into running totals.
 * The MIDI callback recorder takes any number of writers; each other recorder has one writing thread.
 */
public final class LatencyMeters {

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int DIGITS = 3;

    private final Recorder midiCallback = new Recorder(HIGHEST_NANOS, DIGITS);
    private final SingleWriterRecorder inputToOutput = new SingleWriterRecorder(HIGHEST_NANOS, DIGITS);
    private final SingleWriterRecorder schedulerLateness = new SingleWriterRecorder(HIGHEST_NANOS, DIGITS);
    private final SingleWriterRecorder performerStep = new SingleWriterRecorder(HIGHEST_NANOS, DIGITS);

    private final Histogram midiCallbackTotal = new Histogram(HIGHEST_NANOS, DIGITS);
    private final Histogram inputToOutputTotal = new Histogram(HIGHEST_NANOS, DIGITS);
    private final Histogram schedulerLatenessTotal = new Histogram(HIGHEST_NANOS, DIGITS);
    private final Histogram performerStepTotal = new Histogram(HIGHEST_NANOS, DIGITS);

    /** Any MIDI callback thread. */
    public void recordMidiCallback(long nanos) {
        midiCallback.recordValue(clamp(nanos));
    }

    /** The scheduler thread. */
    public void recordInputToOutput(long nanos) {
        inputToOutput.recordValue(clamp(nanos));
    }

    /** The scheduler thread. */
    public void recordSchedulerLateness(long nanos) {
        schedulerLateness.recordValue(clamp(nanos));
    }

    /** The performer thread. */
    public void recordPerformerStep(long nanos) {
        performerStep.recordValue(clamp(nanos));
    }

    /** Forgets everything recorded so far (e.g. after a warm-up). */
    public synchronized void reset() {
        midiCallback.reset();
        inputToOutput.reset();
        schedulerLateness.reset();
        performerStep.reset();
        midiCallbackTotal.reset();
        inputToOutputTotal.reset();
        schedulerLatenessTotal.reset();
        performerStepTotal.reset();
    }

    /** Everything recorded since this object was created or last reset. */
    public synchronized LatencyReport report() {
        return new LatencyReport(fold(midiCallback, midiCallbackTotal), fold(inputToOutput, inputToOutputTotal),
                fold(schedulerLateness, schedulerLatenessTotal), fold(performerStep, performerStepTotal));
    }

    private static LatencyReport.Percentiles fold(IntervalHistogramProvider<Histogram> recorder, Histogram total) {
        total.add(recorder.getIntervalHistogram());
        return LatencyReport.Percentiles.ofNanos(total);
    }

    private static long clamp(long nanos) {
        return nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS);
    }
}
