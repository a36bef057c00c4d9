package io.antiphon.engine.realtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.EventPoller;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * The real-time thread's work: the only code that touches the {@link PerformerCore} (and so the network) and the
 * output. Each iteration first sends what has come due ({@link OutputScheduler#sendDue}), then drains the input ring
 * into {@link PerformerCore#onMidi}, advances the performer to now (what it plays goes to the {@link OutputScheduler}
 * on this thread: sent at once when due, else queued), takes a program loaded off-thread and serves a pending status
 * request; then the scheduler sends what has come due. A note heard becomes a note sent with one hand-off between
 * threads: the MIDI callback's publish to the input ring. While the performer computes, it lets the scheduler send
 * what comes due before each model step ({@link io.antiphon.engine.perform.MidiOut#sendDue}), so a queued message is
 * not late by the computing.
 *
 * <p>Idle, the thread waits with its {@link WaitStrategy} ({@link LatencyMode}) until an input arrives (it polls the
 * ring and is woken from a park by the publisher's {@code unpark}), the next queued message is due, or at most
 * {@value #ADVANCE_MICROS} µs have passed, so the performer advances about every millisecond.
 *
 * <p>Whatever ends the loop, {@link #stop} or an exception from the performer, the thread silences the output on its
 * way out: {@link PerformerCore#allNotesOff} (if the performer can still do it), then the scheduler's all-notes-off,
 * which discards what is queued and ends everything sounding at the output.
 */
final class PerformerLoop implements EventPoller.Handler<RingEvent>, Runnable {

    static final long ADVANCE_MICROS = 900;
    private static final long ADVANCE_NANOS = TimeUnit.MICROSECONDS.toNanos(ADVANCE_MICROS);
    private static final long STATUS_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final Parameter[] PARAMETERS = Parameter.values();

    private final PerformerCore performer;
    private final EventRing input;
    private final OutputScheduler scheduler;
    private final PerformerOutput output;
    private final WaitStrategy wait;
    private final NanoClock clock;
    private final LatencyMeters meters;
    private final ProgramChanges programs;
    private final SessionObserver observer;

    private final PendingReleases.Sink lateRelease = this::lateRelease;
    private final EventRing.AllNotesOffSink lateAllNotesOff = this::lateAllNotesOff;
    private final PerformerStatus status = new PerformerStatus();
    private final AtomicReference<PerformerStatus> statusRequest = new AtomicReference<>();
    private final AtomicReference<ParameterBatch> parameterRequest = new AtomicReference<>();
    private long now;
    private long answersSeen;

    private volatile long answerDecisionNanos = -1;
    private volatile long programSwitches;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile Throwable failure;

    /**
     * @param output   the performer's {@link PerformerOutput}, feeding {@code scheduler}
     * @param programs where program changes are loaded, or null to ignore them
     * @param observer who hears of the human's messages, the performer's status and parameter changes
     * @param wait     how the thread waits when idle ({@link #run} only)
     */
    PerformerLoop(PerformerCore performer, EventRing input, OutputScheduler scheduler, PerformerOutput output, NanoClock clock,
                  LatencyMeters meters, ProgramChanges programs, SessionObserver observer, WaitStrategy wait) {
        this.performer = performer;
        this.input = input;
        this.scheduler = scheduler;
        this.output = output;
        this.wait = wait;
        this.clock = clock;
        this.meters = meters;
        this.programs = programs;
        this.observer = observer;
        performer.setListener(new ShellListener(programs, observer));
        // on the opening thread, before the performer thread starts: the observer learns every starting value
        for (Parameter parameter : PARAMETERS) observer.parameterChanged(parameter, performer.parameters().get(parameter));
    }

    /**
     * One iteration at {@code now} without waiting. Returns whether it had work (input handled or output published);
     * such iterations are timed as the performer step.
     */
    boolean iterate(long now) throws Exception {
        this.now = now;
        output.setCause(-1);
        long publishedBefore = output.published();
        if (programs != null) {
            LoadedProgram program = programs.takeLoaded();
            if (program != null) switchTo(program);
        }
        ParameterBatch batch = parameterRequest.get();
        if (batch != null) {
            apply(batch);
            parameterRequest.set(null);
        }
        int handled = input.drain(this, lateRelease, lateAllNotesOff);
        performer.advance(now);
        performer.readStatus(status);
        observer.status(now, status);
        if (status.answers() != answersSeen) {
            answersSeen = status.answers();
            answerDecisionNanos = now;
        }
        PerformerStatus wanted = statusRequest.get();
        if (wanted != null) {
            performer.readStatus(wanted);
            statusRequest.set(null);
        }
        boolean busy = handled > 0 || output.published() != publishedBefore;
        if (busy) meters.recordPerformerStep(clock.nanoTime() - now);
        return busy;
    }

    @Override
    public boolean onEvent(RingEvent event, long sequence, boolean endOfBatch) {
        // a system message (a followed clock's tick) is not an input anything answers: no input-to-output latency
        output.setCause(event.kind == RingEvent.Kind.MIDI && event.status >= 0xF0 ? -1 : event.nanos);
        if (event.kind == RingEvent.Kind.ALL_NOTES_OFF) {
            performer.allNotesOff(event.nanos);
        } else {
            if (event.status < 0xF0) observer.input(event.nanos, event.status, event.data1, event.data2);
            performer.onMidi(event.nanos, event.status, event.data1, event.data2);
        }
        return true;
    }

    /**
     * The real-time thread's body, until {@link #stop} or a failure: iterate, send what is due, wait; silences the
     * output on the way out.
     */
    @Override
    public void run() {
        thread = Thread.currentThread();
        input.setConsumer(thread);
        try {
            while (!stopping) {
                scheduler.sendDue();   // what came due while the thread waited leaves before any other work
                long now = clock.nanoTime();
                boolean busy = iterate(now);
                long due = scheduler.pump(clock.nanoTime());
                if (busy) {
                    wait.reset();
                } else {
                    idle(now + ADVANCE_NANOS, due);
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            silence();
            stopped = true;
        }
    }

    /** Waits until there is input, a status request or a stop, a message is due, or it is time to advance. */
    private void idle(long advanceAt, long due) {
        long now = clock.nanoTime();
        while (!stopping && now < due && now < advanceAt && !input.hasWork()
                && statusRequest.get() == null && parameterRequest.get() == null) {
            wait.idle(now, due);
            now = clock.nanoTime();
        }
    }

    /**
     * The way out, after a stop or a failure: {@link PerformerCore#allNotesOff} (if the performer can still do it),
     * then the scheduler's all-notes-off. The real-time thread (or the thread stepping the shell).
     */
    void silence() {
        try {
            performer.allNotesOff(clock.nanoTime());
        } catch (Throwable t) {
            fail(t);
        }
        scheduler.allNotesOff();
    }

    /** Records what ended the loop (the first failure; later ones are attached to it). */
    void fail(Throwable t) {
        if (failure == null) failure = t;
        else if (failure != t) failure.addSuppressed(t);
    }

    void stop() {
        stopping = true;
        Thread performerThread = thread;
        if (performerThread != null) LockSupport.unpark(performerThread);
    }

    boolean isStopped() {
        return stopped;
    }

    /** What ended the loop unexpectedly (the performer threw), or null. */
    Throwable failure() {
        return failure;
    }

    /** Programs switched to after a Program Change. */
    long programSwitches() {
        return programSwitches;
    }

    /** When (session clock) the performer thread saw the latest answer decided, or -1 before the first. */
    long answerDecisionNanos() {
        return answerDecisionNanos;
    }

    /** The thread that runs the loop (the performer thread, or the thread stepping a {@link SteppedShell}): a direct copy. */
    void readStatusOnLoopThread(PerformerStatus into) {
        performer.readStatus(into);
    }

    /**
     * Any thread but the performer's: hands {@code batch} to the performer thread, which sets its values together at
     * the start of its next round (each reported to the observer). Returns false if an earlier batch is still waiting.
     */
    boolean offerParameters(ParameterBatch batch) {
        if (!parameterRequest.compareAndSet(null, batch)) return false;
        Thread performerThread = thread;
        if (performerThread != null) LockSupport.unpark(performerThread);
        return true;
    }

    /** Whether the latest batch offered has been applied (or the loop has stopped). */
    boolean parametersApplied() {
        return parameterRequest.get() == null || stopped;
    }

    private void apply(ParameterBatch batch) {
        for (int i = 0; i < batch.parameters.length; i++) {
            performer.parameters().set(batch.parameters[i], batch.values[i]);
            observer.parameterChanged(batch.parameters[i], batch.values[i]);
        }
    }

    /**
     * Any thread but the performer's: has the performer thread copy its status into {@code into}; waits up to
     * {@code timeoutNanos}. Returns false if it was not copied (the loop has stopped, or did not get to it in time).
     */
    synchronized boolean readStatus(PerformerStatus into, long timeoutNanos) {
        statusRequest.set(into);
        Thread performerThread = thread;
        if (performerThread != null) LockSupport.unpark(performerThread);
        long deadline = System.nanoTime() + timeoutNanos;
        while (statusRequest.get() == into) {
            if (stopped || System.nanoTime() - deadline > 0) return !statusRequest.compareAndSet(into, null);
            LockSupport.parkNanos(STATUS_POLL_NANOS);
        }
        return true;
    }

    private void lateRelease(int channel, int key) {
        performer.onMidi(now, 0x80 | channel, key, 0);
    }

    private void lateAllNotesOff() {
        performer.allNotesOff(now);
    }

    /**
     * A program change: the preset's parameters (if any), then the model; allocates, as a switch may. An event model
     * goes to a {@link Performer}, a piano-roll model to a {@link Harmonizer}; a program of the other kind is ignored
     * (the loader refuses it before it gets here).
     */
    private void switchTo(LoadedProgram program) {
        if (performer instanceof Performer events && program.model() != null) {
            if (program.preset() != null) events.parameters().applyPreset(program.preset());
            events.replaceModel(program.model());
        } else if (performer instanceof Harmonizer roll && program.rollModel() != null) {
            if (program.preset() != null) roll.parameters().applyPreset(program.preset());
            roll.replaceModel(program.rollModel(), program.frameTicks());
        } else {
            return;
        }
        programSwitches++;
        for (Parameter parameter : PARAMETERS) observer.parameterChanged(parameter, performer.parameters().get(parameter));
    }
}
