package io.antiphon.engine.realtime;

import java.util.concurrent.TimeUnit;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * Gets the JIT to compile the live path before a session starts: a throwaway {@link Performer} on the session's model
 * hears short calls and answers them on a simulated clock, as fast as it can, its output discarded. Without this the
 * first answers of a session run interpreted (steps of several ms: docs/design.md, JIT and warm-up). A
 * {@link Performer} built on the model afterwards starts fresh: a new performer resets the model's state.
 */
public final class PerformerWarmUp {

    /** Calls that get a 2x256 kernel and the performer compiled (a fraction of a second). */
    public static final int DEFAULT_CALLS = 30;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int ANSWER_NOW_CC = 80;
    private static final long LONGEST_ANSWER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private PerformerWarmUp() {
    }

    /**
     * Plays {@code calls} calls of eight notes, each answered (answer-now controller), advancing the simulated clock
     * 1 ms at a time. Call before the session's performer is built, on the thread that builds it.
     *
     * @param parameters the session's parameters (read, not changed)
     */
    public static void run(StepModel model, PerformerParameters parameters, int calls, long seed) {
        if (calls < 0) throw new IllegalArgumentException("warm-up calls must not be negative: " + calls);
        Performer performer = new Performer(model, parameters, seed, (time, status, data1, data2) -> { });
        PerformerStatus status = new PerformerStatus();
        long now = 0;
        for (int call = 0; call < calls; call++) {
            for (int note = 0; note < 8; note++) {
                int pitch = 55 + (note * 5 + call) % 24;
                performer.onMidi(now, 0x90, pitch, 80);
                now += 90 * MS;
                performer.advance(now);
                performer.onMidi(now, 0x80, pitch, 0);
                now += 10 * MS;
            }
            performer.onMidi(now, 0xB0, ANSWER_NOW_CC, 127);
            long started = now;
            do {
                now += MS;
                performer.advance(now);
                performer.readStatus(status);
            } while ((status.phase() == PerformerPhase.ANSWERING || status.machineNotesSounding() > 0)
                    && now - started < LONGEST_ANSWER_NANOS);
        }
        performer.allNotesOff(now);
    }
}
