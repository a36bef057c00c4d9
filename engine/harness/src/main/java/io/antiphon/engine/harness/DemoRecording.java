package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ShellCounters;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every demo, whatever its mode, measured and wrote: the shell's latencies and counters and the three files.
 *
 * @param latency   the shell's latencies (which messages input-to-output counts is the mode's: see its result)
 * @param counters  the shell's counters
 * @param wav       the rendered audio as heard at the output
 * @param midi      the Standard MIDI File as heard at the output
 * @param pianoRoll the piano roll picture (the human and Antiphon in two colours)
 */
public record DemoRecording(LatencyReport latency, ShellCounters counters, Path wav, Path midi, Path pianoRoll) {

    /** Adds the snake-case keys shared by every demo's JSON, after the mode's own. */
    void putInto(Map<String, Object> map) {
        map.putAll(latency.toMap());
        map.put("counters", counters.toMap());
        map.put("wav", wav.toString());
        map.put("mid", midi.toString());
        map.put("png", pianoRoll.toString());
    }
}
