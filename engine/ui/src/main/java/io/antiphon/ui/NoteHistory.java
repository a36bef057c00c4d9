package io.antiphon.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The notes the page draws: the human's and the machine's, each from its note-on to its note-off, kept for the last
 * {@value #KEEP_MILLIS} ms of session time or the last {@value #MAX_NOTES} notes. A machine note may start ahead of the
 * present: the plan, sampled ahead and not yet played ({@link #planned}); when its note-on goes out it becomes a played
 * note (the same note, so the browser redraws it), and a plan dropped unsent is removed ({@link #dropped}). The page's
 * thread only.
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

    /**
     * One note; {@code endMs} is NaN while it sounds or is planned; {@code plannedEndMs} is its planned release, NaN
     * when none is planned (yet).
     */
    static final class PageNote {
        /** Numbers the notes in the order they started, so the browser can match an update to the note it has. */
        final long id;
        final Part part;
        final int channel;
        final int key;
        final int velocity;
        final double startMs;
        double endMs = Double.NaN;
        /** Sampled ahead, its note-on not yet sent. */
        boolean planned;
        double plannedEndMs = Double.NaN;

        PageNote(long id, Part part, int channel, int key, int velocity, double startMs) {
            this.id = id;
            this.part = part;
            this.channel = channel;
            this.key = key;
            this.velocity = velocity;
            this.startMs = startMs;
        }

        /** {@code [id, part, key, velocity, startMs, endMs or null, planned, plannedEndMs or null]}, for JSON. */
        List<Object> toList() {
            List<Object> row = new ArrayList<>(8);
            row.add(id);
            row.add(part.label);
            row.add(key);
            row.add(velocity);
            row.add(round(startMs));
            row.add(Double.isNaN(endMs) ? null : round(endMs));
            row.add(planned);
            row.add(Double.isNaN(plannedEndMs) ? null : round(plannedEndMs));
            return row;
        }
    }

    private final ArrayDeque<PageNote> notes = new ArrayDeque<>();
    /** Sounding notes by part, channel and key. */
    private final PageNote[] sounding = new PageNote[2 * 16 * 128];
    /** Planned machine notes not yet sent, by channel and key, the earliest first. */
    private final Map<Integer, ArrayDeque<PageNote>> plans = new HashMap<>();
    private long started;

    /**
     * A note-on ({@code velocity} > 0) or note-off sent; returns the note it starts or ends, or null (a stray note-off).
     * A machine note-on that was planned starts the planned note.
     */
    PageNote note(Part part, int channel, int key, int velocity, double ms) {
        int slot = (part.ordinal() * 16 + channel) * 128 + key;
        PageNote open = sounding[slot];
        if (open != null) {
            open.endMs = Math.max(open.startMs, ms);
            sounding[slot] = null;
            if (velocity == 0) return open;
        }
        if (velocity == 0) return null;
        ArrayDeque<PageNote> plan = part == Part.MACHINE ? plans.get(channel * 128 + key) : null;
        if (plan != null && !plan.isEmpty()) {
            PageNote note = plan.pollFirst();   // messages go out in the order they were planned
            note.planned = false;
            sounding[slot] = note;
            return note;
        }
        PageNote note = new PageNote(started++, part, channel, key, velocity, ms);
        sounding[slot] = note;
        notes.addLast(note);
        trim(ms);
        return note;
    }

    /**
     * A machine note-on ({@code velocity} > 0) or release planned at {@code ms}: a planned note, or the planned end of
     * the latest planned or sounding note on that key. Returns the note, or null.
     */
    PageNote planned(int channel, int key, int velocity, double ms) {
        ArrayDeque<PageNote> plan = plans.computeIfAbsent(channel * 128 + key, slot -> new ArrayDeque<>());
        if (velocity > 0) {
            PageNote note = new PageNote(started++, Part.MACHINE, channel, key, velocity, ms);
            note.planned = true;
            plan.addLast(note);
            notes.addLast(note);
            trim(ms);
            return note;
        }
        PageNote note = plan.isEmpty() ? sounding[(Part.MACHINE.ordinal() * 16 + channel) * 128 + key] : plan.peekLast();
        if (note == null || !Double.isNaN(note.plannedEndMs)) return null;
        note.plannedEndMs = Math.max(note.startMs, ms);
        return note;
    }

    /** The planned note-on at {@code ms} was dropped unsent: the note is removed, and returned (or null). */
    PageNote dropped(int channel, int key, double ms) {
        ArrayDeque<PageNote> plan = plans.get(channel * 128 + key);
        if (plan == null || plan.isEmpty()) return null;
        PageNote gone = plan.peekLast();
        for (PageNote note : plan) {
            if (note.startMs == ms) {
                gone = note;
                break;
            }
        }
        plan.remove(gone);
        notes.remove(gone);
        return gone;
    }

    /** Removes every planned note not yet sent (the session's end); returns them. */
    List<PageNote> dropAllPlans() {
        List<PageNote> gone = new ArrayList<>();
        for (ArrayDeque<PageNote> plan : plans.values()) {
            gone.addAll(plan);
            plan.clear();
        }
        notes.removeAll(gone);
        return gone;
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
