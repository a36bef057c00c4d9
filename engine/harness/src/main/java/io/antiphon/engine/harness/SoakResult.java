package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ShellCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One soak run.
 *
 * @param minutes              simulated minutes measured (after the warm-up)
 * @param realSeconds          wall-clock seconds the whole run took (warm-up included)
 * @param humanNotes           human notes played into the input during the measured minutes
 * @param notesPlayed          machine notes (note-ons) at the output during the measured minutes
 * @param hangingNotes         note-ons at the output that the performer had not released once it was asked to stop (the
 *                             scheduler's own safety net not counted)
 * @param strayNoteOffs        note-offs at the output with no sounding note
 * @param longestNoteBeats     the longest machine note at the output, in beats
 * @param maxNoteBeats         the {@code max_note_beats} parameter, the longest a machine note should last
 * @param droppedHumanNotes    human messages the input ring dropped
 * @param heapAfterWarmUpBytes used heap after the warm-up, after a full GC
 * @param heapGrowthBytes      used heap at the end (after a full GC) minus {@code heapAfterWarmUpBytes}
 * @param offHeapGrowthBytes   growth of the direct and mapped buffer pools plus the native memory JavaCPP (ND4J) tracks
 * @param residentGrowthBytes  growth of the process's resident memory (JavaCPP's reading of it), -1 where unknown
 * @param firstWindow          performer-path processing time per event (a step of the performer loop that had work),
 *                             in the first {@code windowMinutes} measured
 * @param lastWindow           the same in the last {@code windowMinutes}
 * @param all                  the same over all measured minutes
 * @param windowMinutes        the windows' length
 * @param counters             the shell's counters
 */
public record SoakResult(int minutes, double realSeconds, long humanNotes, long notesPlayed, int hangingNotes,
                         int strayNoteOffs, double longestNoteBeats, double maxNoteBeats, long droppedHumanNotes,
                         long heapAfterWarmUpBytes, long heapGrowthBytes, long offHeapGrowthBytes, long residentGrowthBytes,
                         LatencyReport.Percentiles firstWindow, LatencyReport.Percentiles lastWindow,
                         LatencyReport.Percentiles all, int windowMinutes, ShellCounters counters) {

    /** Heap growth the soak accepts after warm-up. */
    public static final long HEAP_GROWTH_LIMIT_BYTES = 1 << 20;

    /** No hanging note, no dropped human note, heap growth under {@link #HEAP_GROWTH_LIMIT_BYTES}. */
    public boolean passed() {
        return hangingNotes == 0 && droppedHumanNotes == 0 && heapGrowthBytes < HEAP_GROWTH_LIMIT_BYTES;
    }

    /**
     * Keys {@code passed, hanging_notes, heap_growth_bytes, dropped_human_notes, offheap_growth_bytes,
     * resident_growth_bytes, notes_played, performer_event_us} ({@code first_minutes}, {@code last_minutes}, {@code all},
     * each p50/p99/p999/max/count), then the details.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed());
        map.put("hanging_notes", hangingNotes);
        map.put("heap_growth_bytes", heapGrowthBytes);
        map.put("dropped_human_notes", droppedHumanNotes);
        map.put("offheap_growth_bytes", offHeapGrowthBytes);
        map.put("resident_growth_bytes", residentGrowthBytes);
        map.put("notes_played", notesPlayed);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("window_minutes", windowMinutes);
        latency.put("first_minutes", firstWindow.toMap());
        latency.put("last_minutes", lastWindow.toMap());
        latency.put("all", all.toMap());
        map.put("performer_event_us", latency);
        map.put("minutes", minutes);
        map.put("real_seconds", realSeconds);
        map.put("human_notes", humanNotes);
        map.put("stray_note_offs", strayNoteOffs);
        map.put("longest_note_beats", longestNoteBeats);
        map.put("max_note_beats", maxNoteBeats);
        map.put("heap_after_warmup_bytes", heapAfterWarmUpBytes);
        map.put("counters", counters.toMap());
        return map;
    }
}
