package io.antiphon.engine.realtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the shell counted since it opened; all zero in a healthy session except the message counts.
 *
 * @param inputDropped          input messages dropped because the input ring was full
 * @param inputDeferredReleases input releases that found the ring full and were delivered late
 * @param inputIgnored          input messages ignored (system exclusive, meta, active sensing)
 * @param outputDropped         performer messages dropped because the output ring was full
 * @param outputDeferredReleases performer releases delivered late through the output ring's bitmap
 * @param sent                  messages handed to the output {@code Receiver}
 * @param sendErrors            times the output {@code Receiver} threw
 * @param invalidMessages       performer messages {@code ShortMessage} refused
 * @param strayNoteOffs         note-offs not sent because nothing sounded on their key
 * @param programSwitches       program changes that switched the model
 * @param programLoadFailures   program changes whose loading failed
 */
public record ShellCounters(long inputDropped, long inputDeferredReleases, long inputIgnored, long sent, long sendErrors, long invalidMessages,
                            long strayNoteOffs, long programSwitches, long programLoadFailures) {

    /** Snake-case keys, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_dropped", inputDropped);
        map.put("input_deferred_releases", inputDeferredReleases);
        map.put("input_ignored", inputIgnored);
        map.put("sent", sent);
        map.put("send_errors", sendErrors);
        map.put("invalid_messages", invalidMessages);
        map.put("stray_note_offs", strayNoteOffs);
        map.put("program_switches", programSwitches);
        map.put("program_load_failures", programLoadFailures);
        return map;
    }
}
