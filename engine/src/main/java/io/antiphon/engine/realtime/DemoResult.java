package io.antiphon.engine.realtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a demo session played and measured.
 *
 * @param callNotes       notes in the call
 * @param answerNotes     notes in the answer (all answers, if the performer answered more than once)
 * @param answerStartMs   from the performer thread deciding the phrase had ended to the answer's first note handed
 *                        to the output, in ms; -1 if it did not answer
 * @param hangingNotes    note-ons without a note-off in the recorded output (0 unless something is badly wrong)
 * @param answerFinished  whether the answer ended by itself (false: the time limit stopped it)
 * @param latency         the shell's latencies; input-to-output counts only messages an input caused directly (an
 *                        answer started by the answer-now CC, a barge-in), so it is empty when the phrase ended by
 *                        silence
 * @param counters        the shell's counters
 * @param wav             the rendered audio, call and answer
 * @param midi            the two-track Standard MIDI File (track 1 the human, track 2 Antiphon)
 * @param pianoRoll       the piano roll picture
 */
public record DemoResult(int callNotes, int answerNotes, double answerStartMs, int hangingNotes, boolean answerFinished,
                         LatencyReport latency, ShellCounters counters, Path wav, Path midi, Path pianoRoll) {

    /** Snake-case keys, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("call_notes", callNotes);
        map.put("answer_notes", answerNotes);
        map.put("answer_start_ms", answerStartMs);
        map.put("hanging_notes", hangingNotes);
        map.put("answer_finished", answerFinished);
        map.put("input_to_output_us", latency.inputToOutput().toMap());
        map.put("scheduler_lateness_us", latency.schedulerLateness().toMap());
        map.put("midi_callback_us", latency.midiCallback().toMap());
        map.put("performer_step_us", latency.performerStep().toMap());
        map.put("counters", counters.toMap());
        map.put("wav", wav.toString());
        map.put("mid", midi.toString());
        map.put("png", pianoRoll.toString());
        return map;
    }
}
