package io.antiphon.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The notes the page draws: the human's and the machine's, each from its note-on to its note-off, kept for the last
 * {@value #KEEP_MILLIS} ms of session time or the last {@value #MAX_NOTES} notes. A machine note may start ahead of the
 * present (sampled ahead, not yet played). The page's thread only.
 */
final class NoteHistory {

    static final long KEEP_MILLIS = 120_000;
    static final int MAX_NOTES = 4000;

    /** Who played a note. */
    enum Part {
        HUMAN("human"), MACHINE("machine");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** One note; {@code endMs} is NaN while it sounds. */
    static final class PageNote {
        /** Numbers the notes in the order they started, so the browser can match an update to the note it has. */
        final long id;
        final Part part;
        final int channel;
        final int key;
        final int velocity;
        final double startMs;
        double endMs = Double.NaN;

        PageNote(long id, Part part, int channel, int key, int velocity, double startMs) {
            this.id = id;
            this.part = part;
            this.channel = channel;
            this.key = key;
            this.velocity = velocity;
            this.startMs = startMs;
        }

        /** {@code [id, part, key, velocity, startMs, endMs or null]}, for JSON. */
        List<Object> toList() {
            List<Object> row = new ArrayList<>(6);
            row.add(id);
            row.add(part.label);
            row.add(key);
            row.add(velocity);
            row.add(round(startMs));
            row.add(Double.isNaN(endMs) ? null : round(endMs));
            return row;
        }
    }

    private final ArrayDeque<PageNote> notes = new ArrayDeque<>();
    /** Sounding notes by part, channel and key. */
    private final PageNote[] sounding = new PageNote[2 * 16 * 128];
    private long started;

    /** A note-on ({@code velocity} > 0) or note-off; returns the note it starts or ends, or null (a stray note-off). */
    PageNote note(Part part, int channel, int key, int velocity, double ms) {
        int slot = (part.ordinal() * 16 + channel) * 128 + key;
        PageNote open = sounding[slot];
        if (open != null) {
            open.endMs = Math.max(open.startMs, ms);
            sounding[slot] = null;
            if (velocity == 0) return open;
        }
        if (velocity == 0) return null;
        PageNote note = new PageNote(started++, part, channel, key, velocity, ms);
        sounding[slot] = note;
        notes.addLast(note);
        trim(ms);
        return note;
    }

    /** Ends every sounding note of {@code part} at {@code ms} (a stop, the session's end). */
    void endAll(Part part, double ms) {
        for (int slot = part.ordinal() * 16 * 128; slot < (part.ordinal() + 1) * 16 * 128; slot++) {
            PageNote open = sounding[slot];
            if (open != null) {
                open.endMs = Math.max(open.startMs, ms);
                sounding[slot] = null;
            }
        }
    }

    /** Every kept note, oldest first (a live view). */
    Iterable<PageNote> all() {
        return notes;
    }

    int size() {
        return notes.size();
    }

    private void trim(double nowMs) {
        Iterator<PageNote> oldest = notes.iterator();
        while (oldest.hasNext()) {
            PageNote note = oldest.next();
            boolean old = !Double.isNaN(note.endMs) && note.endMs < nowMs - KEEP_MILLIS;
            if (!old && notes.size() <= MAX_NOTES) break;
            oldest.remove();
        }
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
