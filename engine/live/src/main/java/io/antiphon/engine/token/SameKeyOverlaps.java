package io.antiphon.engine.token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes a note list playable on one keyboard, where a key is either down or up: no two notes on the same key
 * may sound at once. Notes on each key are taken in onset order (for equal onsets, the longer first) and
 * <ul>
 *   <li>a note entirely covered by the sounding note on its key (it starts at or after that note's onset and
 *       ends at or before its release) merges into it: it is dropped, the covering note keeps its velocity;
 *       a unison of two voices with the same onset is such a case;</li>
 *   <li>a note whose onset falls inside the sounding note on its key but which outlasts it re-strikes the key:
 *       the sounding note ends at the new onset.</li>
 * </ul>
 * Notes on different keys are never touched. The result is in {@link #ONSET_ORDER}.
 */
public final class SameKeyOverlaps {

    /** Onset, then pitch: a total order on notes without same-key overlap, and the order of decoded notes. */
    public static final Comparator<TimedNote> ONSET_ORDER =
            Comparator.comparingLong(TimedNote::startTick).thenComparingInt(TimedNote::pitch);

    private static final Comparator<TimedNote> KEY_ORDER = Comparator.comparingInt(TimedNote::pitch)
            .thenComparingLong(TimedNote::startTick)
            .thenComparing(Comparator.comparingLong(TimedNote::endTick).reversed());

    private SameKeyOverlaps() {
    }

    /** The notes with every same-key overlap resolved by the rule above, in {@link #ONSET_ORDER}. */
    public static List<TimedNote> resolve(List<TimedNote> notes) {
        List<TimedNote> byKey = new ArrayList<>(notes);
        byKey.sort(KEY_ORDER);
        List<TimedNote> resolved = new ArrayList<>(byKey.size());
        TimedNote sounding = null;
        for (TimedNote next : byKey) {
            if (sounding == null || next.pitch() != sounding.pitch() || next.startTick() >= sounding.endTick()) {
                if (sounding != null) resolved.add(sounding);
                sounding = next;
            } else if (next.endTick() > sounding.endTick()) {
                // next.startTick() > sounding.startTick() here: for equal onsets the longer note came first.
                resolved.add(new TimedNote(sounding.pitch(), sounding.velocity(), sounding.startTick(), next.startTick()));
                sounding = next;
            }
            // else: next lies within the sounding note and merges into it.
        }
        if (sounding != null) resolved.add(sounding);
        resolved.sort(ONSET_ORDER);
        return resolved;
    }
}
