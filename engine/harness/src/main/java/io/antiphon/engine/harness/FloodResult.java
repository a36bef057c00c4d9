package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ShellCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flood run (the measured part, after the warm-up).
 *
 * @param callback           time spent inside the MIDI input callback per message (HdrHistogram, µs)
 * @param sent               messages handed to the callback
 * @param seconds            how long sending them took (the producer paces itself on the real clock)
 * @param noteOnsSent        of them, note-ons
 * @param noteOffsSent       of them, note-offs
 * @param dropped            messages the input ring dropped (never a note release; see {@link EventRing})
 * @param deferredReleases   releases that found the ring full and were delivered late through the release bitmap
 * @param recovered          the performer was running and had caught up (every key the flood pressed heard released)
 *                           within one beat of the flood's end
 * @param recoveryMillis     from the flood's last message to the performer having caught up; -1 if it did not
 * @param beatMillis         one beat at the session's tempo
 * @param keysHeldAfter      keys the performer still held down after the flood (the flood releases every key it pressed)
 * @param hangingNotes       machine notes left sounding at the output after the performer was asked to stop
 * @param performerStep      the performer loop's iterations that had work, during the flood (µs)
 * @param counters           the shell's counters, the whole run
 */
public record FloodResult(LatencyReport.Percentiles callback, long sent, double seconds, long noteOnsSent,
                          long noteOffsSent, long dropped, long deferredReleases, boolean recovered, double recoveryMillis,
                          double beatMillis, int keysHeldAfter, int hangingNotes, LatencyReport.Percentiles performerStep,
                          ShellCounters counters) {

    /**
     * Keys {@code callback_us} (p50/p99/p999/max/count), {@code dropped}, {@code recovered}, {@code recovery_ms},
     * then the details.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("callback_us", callback.toMap());
        map.put("dropped", dropped);
        map.put("recovered", recovered);
        map.put("recovery_ms", recoveryMillis);
        map.put("beat_ms", beatMillis);
        map.put("sent", sent);
        map.put("seconds", seconds);
        map.put("rate_achieved", seconds > 0 ? Math.round(sent / seconds) : 0);
        map.put("note_ons_sent", noteOnsSent);
        map.put("note_offs_sent", noteOffsSent);
        map.put("deferred_releases", deferredReleases);
        map.put("keys_held_after", keysHeldAfter);
        map.put("hanging_notes", hangingNotes);
        map.put("performer_step_us", performerStep.toMap());
        map.put("counters", counters.toMap());
        return map;
    }
}
