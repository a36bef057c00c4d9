package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;

/**
 * Plays a scripted human against a {@link Performer} on an injected clock: human messages are delivered at their
 * times, and time advances in steps of one millisecond. At {@value #BPM} BPM a tick is exactly 20 ms and a beat
 * 480 ms, so ticks can be read back from send times exactly. The session's clock starts at 0.
 */
final class PerformanceDriver {

    static final long MS = 1_000_000L;
    static final double BPM = 125;
    static final long TICK = 20 * MS;

    private record HumanEvent(long nanos, int status, int data1, int data2) {
    }

    final Performer performer;
    final RecordingMidiOut out;
    private final PerformerStatus status = new PerformerStatus();
    private final List<HumanEvent> script = new ArrayList<>();
    private final List<HumanEvent> delivered = new ArrayList<>();
    private long now;

    PerformanceDriver(StepModel model, PerformerParameters parameters, long seed) {
        this(model, parameters, seed, new RecordingMidiOut(1 << 16));
    }

    PerformanceDriver(StepModel model, PerformerParameters parameters, long seed, RecordingMidiOut out) {
        this.out = out;
        this.performer = new Performer(model, parameters, seed, out);
        performer.advance(0);
    }

    /** Default parameters at {@value #BPM} BPM. */
    static PerformerParameters parameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, BPM);
        return parameters;
    }

    /**
     * Default parameters at {@value #BPM} BPM, the machine's notes sounding as the model played them: its own velocities
     * ({@code dynamics} 0) on its ticks ({@code feel} 0), so that what sounded can be compared with what the model heard.
     */
    static PerformerParameters asTheModelPlays() {
        PerformerParameters parameters = parameters();
        parameters.set(Parameter.DYNAMICS, 0);
        parameters.set(Parameter.FEEL, 0);
        return parameters;
    }

    /** Schedules a human note: key down at {@code startMs}, up {@code lengthMs} later. */
    PerformanceDriver note(long startMs, long lengthMs, int pitch, int velocity) {
        message(startMs * MS, 0x90, pitch, velocity);
        message((startMs + lengthMs) * MS, 0x80, pitch, 0);
        return this;
    }

    /** Schedules a human message at {@code nanos} (after any already scheduled at the same time). */
    PerformanceDriver message(long nanos, int status, int data1, int data2) {
        if (nanos < now) throw new IllegalArgumentException("cannot schedule at " + nanos + " ns: the time is " + now);
        int at = script.size();
        while (at > 0 && script.get(at - 1).nanos() > nanos) at--;
        script.add(at, new HumanEvent(nanos, status, data1, data2));
        return this;
    }

    /** Advances to {@code nanos}, delivering the human messages due on the way. */
    void runTo(long nanos) {
        while (now < nanos) step(Math.min(now + MS, nanos));
    }

    /** Advances until {@code condition} holds for the status (checked after each step); false if {@code limitNanos} came first. */
    boolean runUntil(Predicate<PerformerStatus> condition, long limitNanos) {
        while (now < limitNanos) {
            step(Math.min(now + MS, limitNanos));
            if (condition.test(status())) return true;
        }
        return false;
    }

    private void step(long to) {
        while (!script.isEmpty() && script.get(0).nanos() <= to) {
            HumanEvent e = script.remove(0);
            performer.onMidi(e.nanos(), e.status(), e.data1(), e.data2());
            delivered.add(e);
        }
        now = to;
        performer.advance(now);
    }

    long now() {
        return now;
    }

    PerformerStatus status() {
        performer.readStatus(status);
        return status;
    }

    /** The human notes delivered so far and released, in ticks. */
    List<TimedNote> humanNotes() {
        List<TimedNote> notes = new ArrayList<>();
        long[] downSince = new long[128];
        int[] velocity = new int[128];
        java.util.Arrays.fill(downSince, -1);
        for (HumanEvent e : delivered) {
            boolean on = (e.status() & 0xF0) == 0x90 && e.data2() > 0;
            boolean off = (e.status() & 0xF0) == 0x80 || ((e.status() & 0xF0) == 0x90 && e.data2() == 0);
            if (on) {
                downSince[e.data1()] = e.nanos() / TICK;
                velocity[e.data1()] = e.data2();
            } else if (off && downSince[e.data1()] >= 0) {
                long start = downSince[e.data1()];
                long end = e.nanos() / TICK;
                if (end > start && Vocabulary.isPlayable(e.data1())) notes.add(new TimedNote(e.data1(), velocity[e.data1()], start, end));
                downSince[e.data1()] = -1;
            }
        }
        return notes;
    }

    /** Everything that sounded, human and machine, in ticks, in onset order. */
    List<TimedNote> soundedNotes() {
        List<TimedNote> notes = new ArrayList<>(humanNotes());
        notes.addAll(out.notes(TICK));
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return notes;
    }
}
