package io.antiphon.engine.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a demo session played and measured.
 *
 * @param callNotes       notes in the call, as played into the session
 * @param answerNotes     the machine's notes at the output, on its own channel (all answers, if the performer
 *                        answered more than once)
 * @param answerStartMs   from the performer thread deciding the phrase had ended to the answer's first note handed
 *                        to the output, in ms; -1 if it did not answer
 * @param hangingNotes    note-ons without a note-off in the recorded output, the call passed through and the answer
 *                        (0 unless something is badly wrong)
 * @param answerFinished  whether the answer ended by itself (false: the time limit stopped it)
 * @param clock           the performer's clock source ({@code player}: tempo and beat heard from the call)
 * @param tempoBpm        the tempo the performer ended with: with the player clock, the player's as tracked
 * @param beatFound       whether the clock ran on a beat at the end (with the player clock: the player's beat was found)
 * @param barBeat         bar:beat of the performer's clock at the end (bar 1 beat 1 is the player's first beat heard)
 * @param lateCallNotes   call note messages (note-ons and note-offs) that reached the session after its clock had
 *                        passed their time in the file (the sequencer's thread delivered them more than the session's
 *                        lag of 250 ms late, on a busy machine): the performer may have moved on without them, and the
 *                        same seed may then play another answer; 0 normally
 * @param recording       the shell's latencies and counters and the files written. Input-to-output counts the messages
 *                        an input caused directly: each call message passed through (thru, one sample per message), and
 *                        answer notes an input started (the answer-now CC, a barge-in; none when the phrase ended by
 *                        silence). The WAV has the call on piano and the answer on vibraphone; the MIDI file track 1 the
 *                        human on the call's channel, track 2 Antiphon on its own
 */
public record DemoResult(int callNotes, int answerNotes, double answerStartMs, int hangingNotes, boolean answerFinished,
                         String clock, double tempoBpm, boolean beatFound, String barBeat, int lateCallNotes,
                         DemoRecording recording) implements DemoReport {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("call_notes", callNotes);
        map.put("answer_notes", answerNotes);
        map.put("answer_start_ms", answerStartMs);
        map.put("hanging_notes", hangingNotes);
        map.put("answer_finished", answerFinished);
        map.put("clock", clock);
        map.put("tempo_bpm", Math.round(tempoBpm * 100) / 100.0);
        map.put("beat_found", beatFound);
        map.put("bar_beat", barBeat);
        map.put("late_call_notes", lateCallNotes);
        recording.putInto(map);
        return map;
    }
}
