package io.antiphon.engine.realtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The shell's latencies since its start, in microseconds.
 *
 * @param midiCallback     time spent in the MIDI input callback per message
 * @param inputToOutput    from the arrival of an input event to the hand-over (to the output {@code Receiver}) of a
 *                         message the performer emitted while handling it (in the same performer-thread iteration):
 *                         the event itself passed through (thru), or machine notes it started
 * @param schedulerLateness how late each message was handed to the output {@code Receiver} after its due time
 * @param performerStep    one performer-thread iteration that had work: draining the input and advancing the performer
 */
public record LatencyReport(Percentiles midiCallback, Percentiles inputToOutput, Percentiles schedulerLateness,
                            Percentiles performerStep) {

    /**
     * Summary of one distribution, in microseconds (zeros when {@code count} is 0).
     */
    public record Percentiles(long count, double p50, double p99, double p999, double max) {

        public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

        /** Reads a histogram of nanoseconds. */
        public static Percentiles ofNanos(Histogram nanos) {
            if (nanos.getTotalCount() == 0) return NONE;
            return new Percentiles(nanos.getTotalCount(), micros(nanos.getValueAtPercentile(50)),
                    micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)), micros(nanos.getMaxValue()));
        }

        /** Keys {@code p50, p99, p999, max} (µs) and {@code count}, in that order, for JSON. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("p50", p50);
            map.put("p99", p99);
            map.put("p999", p999);
            map.put("max", max);
            map.put("count", count);
            return map;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs (%d)", p50, p99, p999, max, count);
        }

        private static double micros(long nanos) {
            return Math.round(nanos / 100.0) / 10.0;
        }
    }

    /** Keys {@code input_to_output_us, scheduler_lateness_us, midi_callback_us, performer_step_us}, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_to_output_us", inputToOutput.toMap());
        map.put("scheduler_lateness_us", schedulerLateness.toMap());
        map.put("midi_callback_us", midiCallback.toMap());
        map.put("performer_step_us", performerStep.toMap());
        return map;
    }
}
