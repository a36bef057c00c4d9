package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.List;

import io.antiphon.engine.token.TimedNote;

/**
 * A {@link MidiOut} for tests: stores what the performer sends (up to a capacity, preallocated, so that recording
 * allocates nothing) and checks, as messages arrive, that send times never decrease, that no note-on hits a sounding
 * key and that every note-off ends a sounding note on the same channel and key. Counts the notes sounding. Any message
 * but a note is a violation, unless the recorder was made to accept the other messages (the channel messages thru may
 * pass, the MIDI clock a clock master sends).
 */
final class RecordingMidiOut implements MidiOut {

    private final long[] times;
    private final int[] statuses;
    private final int[] keys;
    private final int[] velocities;
    private int size;
    private long total;

    private final boolean[][] down = new boolean[16][128];
    private int sounding;
    private int maxSounding;
    private long noteOns;
    private long lastTime = Long.MIN_VALUE;

    private static final int NONE = 0;
    private static final int TIME_WENT_BACK = 1;
    private static final int DOUBLE_NOTE_ON = 2;
    private static final int STRAY_NOTE_OFF = 3;
    private static final int UNEXPECTED_MESSAGE = 4;
    private int violationKind = NONE;
    private long violationTime;
    private int violationStatus;
    private int violationKey;
    private final boolean channelMessagesAllowed;

    RecordingMidiOut(int capacity) {
        this(capacity, false);
    }

    /** @param channelMessagesAllowed accept controllers, pitch bend, pressure (thru passes them) and system messages (clock) */
    RecordingMidiOut(int capacity, boolean channelMessagesAllowed) {
        this.channelMessagesAllowed = channelMessagesAllowed;
        times = new long[capacity];
        statuses = new int[capacity];
        keys = new int[capacity];
        velocities = new int[capacity];
    }

    @Override
    public void send(long timeNanos, int status, int data1, int data2) {
        if (size < times.length) {
            times[size] = timeNanos;
            statuses[size] = status;
            keys[size] = data1;
            velocities[size] = data2;
            size++;
        }
        total++;
        if (timeNanos < lastTime) violation(TIME_WENT_BACK, timeNanos, status, data1);
        lastTime = timeNanos;
        int channel = status & 0x0F;
        boolean on = (status & 0xF0) == 0x90 && data2 > 0;
        boolean off = (status & 0xF0) == 0x80 || ((status & 0xF0) == 0x90 && data2 == 0);
        if (on) {
            if (down[channel][data1]) violation(DOUBLE_NOTE_ON, timeNanos, status, data1);
            down[channel][data1] = true;
            noteOns++;
            sounding++;
            maxSounding = Math.max(maxSounding, sounding);
        } else if (off) {
            if (!down[channel][data1]) violation(STRAY_NOTE_OFF, timeNanos, status, data1);
            down[channel][data1] = false;
            sounding--;
        } else if (!channelMessagesAllowed || status < 0xA0 || status > 0xFF) {
            violation(UNEXPECTED_MESSAGE, timeNanos, status, data1);
        }
    }

    /** Keeps the first violation as numbers (no text, no garbage on the send path); see {@link #firstViolation}. */
    private void violation(int kind, long time, int status, int key) {
        if (violationKind != NONE) return;
        violationKind = kind;
        violationTime = time;
        violationStatus = status;
        violationKey = key;
    }

    /** The first broken rule, or null. */
    String firstViolation() {
        return violationKind == NONE ? null : Texts.violation(violationKind, violationTime, violationStatus, violationKey);
    }

    /**
     * Every text of the recorder, in a class of its own. When the JIT queues a method for C2, the calling thread
     * resolves the text constants of the method's class (HotSpot's CompileBroker), allocating them: the send path's
     * class must hold none, or a test measuring allocation would count them.
     */
    private static final class Texts {

        static String partlyStored(int size, long total) {
            return "only " + size + " of " + total + " messages were stored";
        }

        static String violation(int kind, long time, int status, int key) {
            return switch (kind) {
                case TIME_WENT_BACK -> "a message at " + time + " ns comes before the one sent before it";
                case DOUBLE_NOTE_ON -> "note-on of sounding key " + key + " on channel " + (status & 0x0F) + " at " + time;
                case STRAY_NOTE_OFF -> "note-off of silent key " + key + " on channel " + (status & 0x0F) + " at " + time;
                default -> "unexpected message status " + status + " at " + time;
            };
        }
    }

    /** Whether {@code key} sounds on {@code channel} (0..15) now. */
    boolean isDown(int channel, int key) {
        return down[channel][key];
    }

    /** Notes sounding now (note-ons not yet matched by their note-off). */
    int sounding() {
        return sounding;
    }

    /** The send time of the latest message, or {@link Long#MIN_VALUE} before the first. */
    long lastTime() {
        return lastTime;
    }

    int maxSounding() {
        return maxSounding;
    }

    long noteOns() {
        return noteOns;
    }

    /** Messages received, stored or not. */
    long total() {
        return total;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    int status(int i) {
        return statuses[i];
    }

    int key(int i) {
        return keys[i];
    }

    int velocity(int i) {
        return velocities[i];
    }

    /**
     * The stored notes in ticks (send time divided by {@code nanosPerTick}, rounded down), in send order of their
     * onsets; other messages are skipped. Notes still sounding are left out; notes that last no tick are left out.
     */
    List<TimedNote> notes(long nanosPerTick) {
        if (size < total) throw new IllegalStateException(Texts.partlyStored(size, total));
        List<TimedNote> notes = new ArrayList<>();
        int[][] onsetIndex = new int[16][128];
        for (int[] row : onsetIndex) java.util.Arrays.fill(row, -1);
        for (int i = 0; i < size; i++) {
            int command = statuses[i] & 0xF0;
            if (command != 0x80 && command != 0x90) continue;
            int channel = statuses[i] & 0x0F;
            if ((statuses[i] & 0xF0) == 0x90 && velocities[i] > 0) {
                onsetIndex[channel][keys[i]] = i;
                continue;
            }
            int on = onsetIndex[channel][keys[i]];
            onsetIndex[channel][keys[i]] = -1;
            long start = times[on] / nanosPerTick;
            long end = times[i] / nanosPerTick;
            if (end > start) notes.add(new TimedNote(keys[i], velocities[on], start, end));
        }
        return notes;
    }
}
