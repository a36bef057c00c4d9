package io.antiphon.engine.token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns notes into the event tokens of {@link Vocabulary} (docs/design.md, The event vocabulary).
 *
 * <p>Time starts at tick 0. At each tick where something happens the stream holds, in this order:
 * the elapsed {@code TIME_SHIFT}s (a gap longer than 48 ticks becomes several shifts of at most 48),
 * the {@code NOTE_OFF}s in ascending pitch, then for each note-on in ascending pitch a {@code VELOCITY}
 * token if its velocity bin differs from the previous note-on's (the first note-on always gets one),
 * followed by its {@code NOTE_ON}. Nothing follows the last note-off.
 *
 * <p>Same-key overlaps are first resolved by {@link SameKeyOverlaps#resolve}: a note entirely covered by
 * another on its key merges into it, and an onset on a key that is still sounding ends the sounding note
 * there ({@code NOTE_OFF} then {@code NOTE_ON} at that tick). The stream therefore never presses a key that
 * is down nor releases a key that is up.
 */
public final class TokenEncoder {

    private record Event(long tick, boolean on, int pitch, int velocity) {
    }

    private static final Comparator<Event> STREAM_ORDER = Comparator.comparingLong(Event::tick)
            .thenComparing(Event::on)          // false (note-off) before true (note-on)
            .thenComparingInt(Event::pitch);

    private TokenEncoder() {
    }

    /** The token stream of {@code notes}, which may come in any order. */
    public static int[] encode(List<TimedNote> notes) {
        List<Event> events = new ArrayList<>(notes.size() * 2);
        for (TimedNote note : SameKeyOverlaps.resolve(notes)) {
            events.add(new Event(note.startTick(), true, note.pitch(), note.velocity()));
            events.add(new Event(note.endTick(), false, note.pitch(), note.velocity()));
        }
        events.sort(STREAM_ORDER);

        IntStream.Builder tokens = IntStream.builder();
        long now = 0;
        int bin = -1;
        for (Event event : events) {
            for (long gap = event.tick() - now; gap > 0; gap -= Vocabulary.MAX_SHIFT) {
                tokens.add(Vocabulary.timeShift((int) Math.min(gap, Vocabulary.MAX_SHIFT)));
            }
            now = event.tick();
            if (!event.on()) {
                tokens.add(Vocabulary.noteOff(event.pitch()));
                continue;
            }
            int eventBin = Vocabulary.binOfVelocity(event.velocity());
            if (eventBin != bin) {
                tokens.add(Vocabulary.velocity(eventBin));
                bin = eventBin;
            }
            tokens.add(Vocabulary.noteOn(event.pitch()));
        }
        return tokens.build().toArray();
    }
}
