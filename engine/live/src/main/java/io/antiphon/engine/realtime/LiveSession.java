package io.antiphon.engine.realtime;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import javax.sound.midi.Receiver;

import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * A running real-time shell (docs/design.md, Architecture; Threads): MIDI input → input ring → the real-time thread,
 * which performs and hands each message to the output {@link Receiver} when it is due ({@link PerformerLoop},
 * {@link OutputScheduler}). The thread waits as {@link ShellOptions#latencyMode()} says and asks the operating system
 * for real-time priority ({@link RealtimePriority}; a refusal is reported in {@link #priority()}, never fatal).
 *
 * <pre>{@code
 * try (LiveSession session = LiveSession.open(port.getReceiver(),
 *         out -> new Performer(model, parameters, seed, out), ShellOptions.defaults())) {
 *     keyboard.getTransmitter().setReceiver(session.input());
 *     ...
 * }
 * }</pre>
 *
 * <p>No note is left sounding: {@link #close()} (also run by a shutdown hook) stops the real-time thread, which ends
 * the machine's notes ({@link PerformerCore#allNotesOff}), then sends a note-off for every note still sounding at the
 * output and CC 123 on each channel it used. An exception from the performer takes the same path at once (the session
 * then stops answering; {@link #failure()} tells why); an output {@code Receiver} that throws gets a notes-off attempt
 * and the session plays on (counted in {@link #counters()}). Nothing can help a {@code Receiver} that hangs.
 */
public final class LiveSession implements AutoCloseable {

    private static final long JOIN_MILLIS = 2_000;
    private static final long STATUS_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long PARAMETER_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long PRIORITY_WAIT_MILLIS = 1_000;

    private final ShellParts parts;
    private final ProgramChanges programs;
    private final Thread performerThread;
    private final CountDownLatch asked = new CountDownLatch(1);
    private volatile PriorityGrant priority = PriorityGrant.PENDING;
    private final Thread loaderThread;
    private final Thread shutdownHook;
    private boolean closed;

    private LiveSession(Receiver output, Function<MidiOut, ? extends PerformerCore> performerFactory, ShellOptions options) {
        this.programs = options.programLoader() == null ? null : new ProgramChanges(options.programLoader());
        this.parts = new ShellParts(output, performerFactory, options, programs);

        boolean realtime = options.realtimePriority();
        this.performerThread = new Thread(() -> {
            try {
                priority = realtime ? RealtimePriority.request() : PriorityGrant.notAsked();
            } catch (Throwable t) {   // whatever asking did, the session plays
                priority = new PriorityGrant(false, "could not ask the system: " + t, "");
            } finally {
                asked.countDown();
            }
            parts.loop.run();
        }, "antiphon-performer");
        this.loaderThread = programs == null ? null : new Thread(programs, "antiphon-program-loader");
        performerThread.setDaemon(true);
        performerThread.setPriority(Thread.MAX_PRIORITY);
        if (loaderThread != null) loaderThread.setDaemon(true);
        parts.inputRing.setConsumer(performerThread);
        this.shutdownHook = options.shutdownHook() ? new Thread(this::close, "antiphon-shutdown") : null;
    }

    /**
     * Starts a session: builds the performer ({@link Performer}, or {@link io.antiphon.engine.perform.Harmonizer} for
     * harmonize) through {@code performerFactory} (handing it the shell's {@link MidiOut})
     * and starts the real-time thread. Connect input ports with
     * {@code transmitter.setReceiver(session.input())}.
     *
     * @param output where the machine's MIDI (and with thru on, the human's) goes (a port's {@code Receiver}); it
     *               must consume each message during {@code send}, as ports do (the shell reuses message objects)
     */
    public static LiveSession open(Receiver output, Function<MidiOut, ? extends PerformerCore> performerFactory, ShellOptions options) {
        LiveSession session = new LiveSession(output, performerFactory, options);
        session.start();
        return session;
    }

    private void start() {
        performerThread.start();
        try {
            asked.await(PRIORITY_WAIT_MILLIS, TimeUnit.MILLISECONDS);   // so that priority() tells what was granted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loaderThread != null) loaderThread.start();
        if (shutdownHook != null) Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The {@link Receiver} for MIDI input ports: never blocks, never allocates. */
    public Receiver input() {
        return parts.input;
    }

    /**
     * Sends a MIDI message stamped {@code nanos} on the session clock instead of its arrival: for a player on a known
     * schedule (the demo's call, played from a file), so that what the performer hears does not depend on when the
     * message arrived. A stamp behind the performer's time counts as now. Returns false if the input ring was full.
     */
    public boolean input(long nanos, int status, int data1, int data2) {
        return parts.inputRing.tryPublish(RingEvent.Kind.MIDI, nanos, status, data1, data2, -1);
    }

    /**
     * Sends a MIDI-shaped message from the terminal or code (e.g. a CC mapped to a parameter, or CC 80 to answer
     * now), stamped now. Returns false if the input ring was full and it was dropped.
     */
    public boolean control(int status, int data1, int data2) {
        return parts.inputRing.tryPublish(RingEvent.Kind.MIDI, parts.clock.nanoTime(), status, data1, data2, -1);
    }

    /**
     * Sets parameters on the performer thread, all together, as their controllers would (the observer hears of each).
     * Waits up to 100 ms for an earlier batch to be taken. Returns false if the performer thread did not take it in
     * time (stopped or busy): then nothing of it was set.
     */
    public boolean setParameters(ParameterBatch batch) {
        long deadline = System.nanoTime() + STATUS_TIMEOUT_NANOS;
        while (!parts.loop.offerParameters(batch)) {
            if (parts.loop.isStopped() || System.nanoTime() - deadline > 0) return false;
            LockSupport.parkNanos(PARAMETER_POLL_NANOS);
        }
        return true;
    }

    /** Asks the performer to end every machine note now and stop playing (it listens again). */
    public void allNotesOff() {
        parts.inputRing.tryPublish(RingEvent.Kind.ALL_NOTES_OFF, parts.clock.nanoTime(), 0, 0, 0, -1);
    }

    /**
     * Copies the performer's status into {@code into}, through the performer thread (waits up to 100 ms). Returns
     * false if the performer thread could not do it (stopped or busy).
     */
    public boolean readStatus(PerformerStatus into) {
        return parts.loop.readStatus(into, STATUS_TIMEOUT_NANOS);
    }

    /** When (on the session clock) the performer thread saw the latest answer decided; -1 before the first. */
    public long answerDecisionNanos() {
        return parts.loop.answerDecisionNanos();
    }

    /** Latencies recorded since the session opened or {@link #resetLatency()}. */
    public LatencyReport latency() {
        return parts.meters.report();
    }

    /** Forgets the latencies recorded so far, e.g. after warming up. */
    public void resetLatency() {
        parts.meters.reset();
    }

    /**
     * What the operating system granted the real-time thread (asked before {@link #open} returns; still
     * {@link PriorityGrant#PENDING} only if asking took over a second).
     */
    public PriorityGrant priority() {
        return priority;
    }

    public ShellCounters counters() {
        return parts.counters(programs == null ? 0 : programs.failures());
    }

    /** Why the latest program change could not be loaded, if one failed. */
    public Optional<String> lastProgramLoadFailure() {
        return Optional.ofNullable(programs == null ? null : programs.lastFailure());
    }

    /** Whether the performer thread is still playing (not closed, not failed). */
    public boolean isRunning() {
        return !parts.loop.isStopped();
    }

    /** What stopped the real-time thread unexpectedly, if anything. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(parts.loop.failure());
    }

    /**
     * Stops the session, silencing the output (see the class comment). Idempotent; waits up to 2 s for each thread.
     *
     * @throws IllegalStateException if a thread did not stop in time (the output may then not have been silenced)
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        parts.input.close();
        parts.loop.stop();
        boolean performerStopped = join(performerThread);
        if (programs != null) {
            programs.stop();
            join(loaderThread);
        }
        removeShutdownHook();
        if (!performerStopped) {
            throw new IllegalStateException("the real-time thread did not stop within " + JOIN_MILLIS
                    + " ms (the performer or the output Receiver may be hanging): notes may still sound");
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) return;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs close(), which returns at once
        }
    }

    private static boolean join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
