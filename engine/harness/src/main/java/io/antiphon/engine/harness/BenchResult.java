package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ShellCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bench run.
 *
 * @param network                  the network's shape, e.g. {@code 2x256}
 * @param kernelImplementation     the step kernel's implementation (scalar or Vector API)
 * @param kernelStep               the step kernel's time per step
 * @param dl4jStep                 DL4J {@code rnnTimeStep}'s time per step
 * @param kernelAllocBytesPerStep  heap bytes the kernel allocated per step
 * @param dl4jAllocBytesPerStep    heap bytes {@code rnnTimeStep} allocated per step (off-heap not counted)
 * @param performerAllocBytesPerToken heap bytes the performer allocated per token fed or sampled, in steady state
 * @param inputToOutput            from handing the answer-now CC to the shell's input {@code Receiver} to the answer's
 *                                 first note reaching the output {@code Receiver}, one per answered phrase
 * @param phrases                  timed phrases played
 * @param unanswered               timed phrases with no answer note (the model may answer with silence)
 * @param hangingNotes             note-ons never released at the output (must be 0)
 * @param shell                    the shell's own latencies over the timed phrases
 * @param counters                 the shell's counters
 */
public record BenchResult(String network, String kernelImplementation, LatencyReport.Percentiles kernelStep,
                          LatencyReport.Percentiles dl4jStep, double kernelAllocBytesPerStep, double dl4jAllocBytesPerStep,
                          double performerAllocBytesPerToken,
                          LatencyReport.Percentiles inputToOutput, int phrases, int unanswered, int hangingNotes,
                          LatencyReport shell, ShellCounters counters) {

    /**
     * Keys {@code kernel_step_us, dl4j_step_us, kernel_alloc_bytes_per_step, dl4j_alloc_bytes_per_step,
     * input_to_output_us, scheduler_lateness_us} (each latency with p50/p99/p999/max/count), then the details.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kernel_step_us", kernelStep.toMap());
        map.put("dl4j_step_us", dl4jStep.toMap());
        map.put("kernel_alloc_bytes_per_step", kernelAllocBytesPerStep);
        map.put("dl4j_alloc_bytes_per_step", dl4jAllocBytesPerStep);
        map.put("performer_alloc_bytes_per_token", performerAllocBytesPerToken);
        map.put("input_to_output_us", inputToOutput.toMap());
        map.put("scheduler_lateness_us", shell.schedulerLateness().toMap());
        map.put("midi_callback_us", shell.midiCallback().toMap());
        map.put("performer_step_us", shell.performerStep().toMap());
        map.put("network", network);
        map.put("kernel_implementation", kernelImplementation);
        map.put("phrases", phrases);
        map.put("unanswered", unanswered);
        map.put("hanging_notes", hangingNotes);
        map.put("counters", counters.toMap());
        return map;
    }
}
