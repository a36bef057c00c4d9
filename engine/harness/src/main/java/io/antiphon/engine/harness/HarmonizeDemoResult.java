package io.antiphon.engine.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a harmonize demo played and measured.
 *
 * @param melodyNotes            melody notes played into the session
 * @param heardMelodyNotes       melody notes at the output (passed through)
 * @param accompaniedMelodyNotes melody notes at the output with at least one voice sounding with them, all below them
 * @param voiceNotes             voice notes at the output
 * @param voicesPerNote          how many melody notes had 0, 1, 2, 3 voices sounding with them at once (at most)
 * @param meanVoicesPerNote      mean of that chord size over the melody notes
 * @param voicesNotBelow         melody notes with a voice at or above them sounding with them (0 unless broken)
 * @param chords                 chords the harmonizer drew (one per melody note, plus one per step a note was held over)
 * @param hangingNotes           note-ons without a note-off in the recorded output, melody and voices
 * @param finished               whether the voices ended by themselves after the melody (false: the time limit stopped them)
 * @param clock                  the harmonizer's clock source: player (the melody's tempo and beat, as heard) or internal
 *                               (the file's tempo)
 * @param tempoBpm               the tempo the harmonizer ended with (the session's files run at it): with the player clock,
 *                               the melody's as heard
 * @param beatFound              whether the clock ran on a beat at the end (with the player clock: the melody's beat was
 *                               found; always with the internal clock)
 * @param lateMelodyNotes        melody note messages (note-ons and note-offs) that reached the session after its clock
 *                               had passed their time in the file (the sequencer's thread delivered them more than the
 *                               session's lag of 250 ms late, on a busy machine): the harmonizer heard them late, and
 *                               another run with the same seed may voice them differently
 * @param recording              the shell's latencies and counters and the files written. Input-to-output counts every
 *                               message an input caused directly: each melody message passed through and each voice a
 *                               melody note-on started. The WAV has the melody on piano and the voices on strings; the
 *                               MIDI file track 1 the melody, tracks 2-4 alto, tenor and bass (split by rank at onset)
 */
public record HarmonizeDemoResult(int melodyNotes, int heardMelodyNotes, int accompaniedMelodyNotes, int voiceNotes,
                                  Map<Integer, Integer> voicesPerNote, double meanVoicesPerNote, int voicesNotBelow, long chords,
                                  int hangingNotes, boolean finished, String clock, double tempoBpm, boolean beatFound,
                                  int lateMelodyNotes, DemoRecording recording)
        implements DemoReport {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", "harmonize");
        map.put("melody_notes", melodyNotes);
        map.put("heard_melody_notes", heardMelodyNotes);
        map.put("accompanied_melody_notes", accompaniedMelodyNotes);
        map.put("voice_notes", voiceNotes);
        Map<String, Integer> histogram = new LinkedHashMap<>();
        voicesPerNote.forEach((voices, count) -> histogram.put(Integer.toString(voices), count));
        map.put("voices_per_note", histogram);
        map.put("mean_voices_per_note", meanVoicesPerNote);
        map.put("voices_not_below", voicesNotBelow);
        map.put("chords", chords);
        map.put("hanging_notes", hangingNotes);
        map.put("finished", finished);
        map.put("clock", clock);
        map.put("tempo_bpm", Math.round(tempoBpm * 100) / 100.0);
        map.put("beat_found", beatFound);
        map.put("late_melody_notes", lateMelodyNotes);
        recording.putInto(map);
        return map;
    }
}
