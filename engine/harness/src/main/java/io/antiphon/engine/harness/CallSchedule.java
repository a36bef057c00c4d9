package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import io.antiphon.midi.file.TempoMap;

/**
 * The call's note messages with their times from the file's start: the JDK sequencer's schedule. Each note message
 * the sequencer sends is found here ({@link #timeOf}: the first not yet found with the same status and data), so the
 * demo can stamp it with when it was due rather than when it arrived. One thread (the sequencer's) asks.
 */
final class CallSchedule {

    private final int[] packed;
    private final long[] nanos;
    private final boolean[] found;
    private int firstOpen;

    private CallSchedule(List<long[]> rows) {
        packed = new int[rows.size()];
        nanos = new long[rows.size()];
        found = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            nanos[i] = rows.get(i)[0];
            packed[i] = (int) rows.get(i)[1];
        }
    }

    /** The note-ons and note-offs of every track of {@code sequence}, timed through {@code tempo} (the same file's). */
    static CallSchedule of(Sequence sequence, TempoMap tempo) {
        List<long[]> rows = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage message && isNote(message.getCommand())) {
                    long time = Math.round(tempo.seconds(event.getTick()) * 1e9);
                    rows.add(new long[] {time, pack(message.getStatus(), message.getData1(), message.getData2())});
                }
            }
        }
        rows.sort(Comparator.comparingLong(row -> row[0]));
        return new CallSchedule(rows);
    }

    static boolean isNote(int command) {
        return command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF;
    }

    /** When the message was due, in ns from the call's start, taking it off the schedule; -1 if it is not on it. */
    long timeOf(int status, int data1, int data2) {
        int wanted = pack(status, data1, data2);
        for (int i = firstOpen; i < packed.length; i++) {
            if (!found[i] && packed[i] == wanted) {
                found[i] = true;
                while (firstOpen < packed.length && found[firstOpen]) firstOpen++;
                return nanos[i];
            }
        }
        return -1;
    }

    private static int pack(int status, int data1, int data2) {
        return status << 16 | data1 << 8 | data2;
    }
}
