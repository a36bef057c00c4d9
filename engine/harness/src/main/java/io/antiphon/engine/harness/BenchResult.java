package io.antiphon.engine.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.antiphon.engine.realtime.LatencyMode;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.PriorityGrant;
import io.antiphon.engine.realtime.ShellCounters;

/**
 * One bench run.
 *
 * @param network                  the network's shape, e.g. {@code 2x256}
 * @param kernelImplementation     the step kernel's implementation (scalar or Vector API)
 * @param latencyMode              how the real-time threads waited
 * @param priority                 what the operating system granted the session's real-time thread
 * @param floor                    the machine's floor: deadlines met by a probe thread with the same wait, alone
 * @param kernelStep               the step kernel's time per step
 * @param dl4jStep                 DL4J {@code rnnTimeStep}'s time per step
 * @param kernelAllocBytesPerStep  heap bytes the kernel allocated per step
 * @param dl4jAllocBytesPerStep    heap bytes {@code rnnTimeStep} allocated per step (off-heap not counted)
 * @param performerAllocBytesPerToken heap bytes the performer allocated per token fed or sampled, in steady state
 * @param paths                    each path's input-to-output latency, in the order measured: {@code bursts} first (calls
 *                                 in bursts: from handing the answer-now CC to the shell's input {@code Receiver} to the
 *                                 answer's first note reaching the output {@code Receiver}), then {@code paced}, then
 *                                 the harmonizer's and the network output's when measured
 * @param hangingNotes             note-ons never released at the output of the call-and-response session (must be 0)
 * @param shell                    the shell's own latencies over the timed calls (bursts and paced)
 * @param counters                 the shell's counters
 */
public record BenchResult(String network, String kernelImplementation, LatencyMode latencyMode, PriorityGrant priority,
                          FloorProbe.Result floor, LatencyReport.Percentiles kernelStep, LatencyReport.Percentiles dl4jStep,
                          double kernelAllocBytesPerStep, double dl4jAllocBytesPerStep, double performerAllocBytesPerToken,
                          List<PathLatency> paths, int hangingNotes, LatencyReport shell, ShellCounters counters) {

    /** The key of the calls in bursts, the first path. */
    public static final String BURSTS = "bursts";

    /**
     * One path's input-to-output latency.
     *
     * @param key           its key in the JSON report (e.g. {@code bursts})
     * @param label         its row's name in the text report
     * @param inputToOutput the latencies of the answered inputs
     * @param inputs        timed inputs played
     * @param unanswered    inputs that had no answer note within a second
     */
    public record PathLatency(String key, String label, LatencyReport.Percentiles inputToOutput, int inputs, int unanswered) {

        Map<String, Object> toMap(LatencyReport.Percentiles floor) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("input_to_output_us", inputToOutput.toMap());
            map.put("input_to_output_vs_floor_p99", ratio(inputToOutput, floor));
            map.put("inputs", inputs);
            map.put("unanswered", unanswered);
            return map;
        }
    }

    public BenchResult {
        paths = List.copyOf(paths);
        if (paths.isEmpty() || !paths.get(0).key().equals(BURSTS)) throw new IllegalArgumentException("the bursts path comes first");
    }

    /** The calls in bursts: the path {@code input_to_output_us} and its ratio to the floor report. */
    public PathLatency bursts() {
        return paths.get(0);
    }

    /** The path with this key, if it was measured. */
    public Optional<PathLatency> path(String key) {
        return paths.stream().filter(path -> path.key().equals(key)).findFirst();
    }

    /** Inputs of every path that had no answer. */
    public int unanswered() {
        return paths.stream().mapToInt(PathLatency::unanswered).sum();
    }

    /** {@code p99} of {@code measured} over the floor's {@code p99} (0 when the floor measured 0). */
    public static double ratio(LatencyReport.Percentiles measured, LatencyReport.Percentiles floor) {
        return floor.p99() > 0 ? Math.round(measured.p99() / floor.p99() * 100) / 100.0 : 0;
    }

    public double schedulerLatenessVsFloorP99() {
        return ratio(shell.schedulerLateness(), floor.lateness());
    }

    public double inputToOutputVsFloorP99() {
        return ratio(bursts().inputToOutput(), floor.lateness());
    }

    /**
     * Keys {@code input_to_output_us} (bursts), {@code scheduler_lateness_us}, {@code floor_lateness_us} and the two
     * ratios to the floor first, then every path under its key, the kernel and the details.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_to_output_us", bursts().inputToOutput().toMap());
        map.put("scheduler_lateness_us", shell.schedulerLateness().toMap());
        map.put("floor_lateness_us", floor.lateness().toMap());
        map.put("scheduler_lateness_vs_floor_p99", schedulerLatenessVsFloorP99());
        map.put("input_to_output_vs_floor_p99", inputToOutputVsFloorP99());
        map.put("latency_mode", latencyMode.id());
        map.put("realtime_priority", priority.sentence());
        map.put("realtime_priority_granted", priority.granted());
        for (PathLatency path : paths) map.put(path.key(), path.toMap(floor.lateness()));
        map.put("kernel_step_us", kernelStep.toMap());
        map.put("dl4j_step_us", dl4jStep.toMap());
        map.put("kernel_alloc_bytes_per_step", kernelAllocBytesPerStep);
        map.put("dl4j_alloc_bytes_per_step", dl4jAllocBytesPerStep);
        map.put("performer_alloc_bytes_per_token", performerAllocBytesPerToken);
        map.put("midi_callback_us", shell.midiCallback().toMap());
        map.put("performer_step_us", shell.performerStep().toMap());
        map.put("shell_input_to_output_us", shell.inputToOutput().toMap());
        map.put("network", network);
        map.put("kernel_implementation", kernelImplementation);
        map.put("hanging_notes", hangingNotes);
        map.put("counters", counters.toMap());
        return map;
    }
}
