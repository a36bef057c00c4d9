package io.antiphon.engine.realtime;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The real-time thread's output: hands each message the performer sends to the output {@link Receiver} at its time,
 * since {@code Receiver.send} ignores timestamps on hardware ports. A message due by now leaves at once, on the
 * performer's own call ({@link #submit}), so a note heard becomes a note sent without a second thread; a message due
 * later waits in a queue that {@link #pump} empties as its messages come due (the thread waits for them with its
 * {@link WaitStrategy}).
 *
 * <p>Messages leave in the order they were submitted, a message never before an earlier one ({@code due = max(time,
 * previous due)}): the performer's order is causal, and reordering by time could put a note-off before its note-on.
 * {@link SoundingAtOutput} tracks what sounds at the output: a note-off for a key that is not sounding is not sent, and
 * {@link #allNotesOff} discards what is queued and sends a note-off for every sounding note and CC 123 (all notes off)
 * on every channel that carried notes.
 *
 * <p>Lateness is measured from when a message was due or, when the performer produced it after its due time (an
 * answer's first note is stamped at the start of the performer's iteration), from when it was submitted: the
 * performer's own time is {@code performer_step_us} and {@code input_to_output_us}, not the output's.
 *
 * <p>A {@code Receiver} that throws is counted, then answered with a note-off for every sounding note and CC 123; the
 * output keeps running and what is queued still goes out. Steady-state work allocates nothing: queued messages
 * live in preallocated slots, and the {@link ShortMessage}s handed to the {@code Receiver} are reused round-robin
 * from a pool of {@value #MESSAGE_POOL}, so a {@code Receiver} must consume a message during {@code send} (ports do)
 * or copy it. One thread only (the real-time thread, or the thread stepping a {@link SteppedShell}).
 */
public final class OutputScheduler {

    static final int MESSAGE_POOL = 64;
    /**
     * The live due margin of {@link #sendDue}: about a kernel step at its p99 (2x256, a 2-core VM), so that a message
     * due while the performer computes leaves on time rather than up to one step late.
     */
    public static final long DUE_MARGIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final int ALL_NOTES_OFF_CC = 123;
    private static final int CLOCK_START = 0xFA;
    private static final int CLOCK_CONTINUE = 0xFB;
    private static final int CLOCK_STOP = 0xFC;

    /** One queued message. */
    private static final class Slot {
        long due;
        long submitted;
        int status;
        int data1;
        int data2;
        long causeNanos;
    }

    private final Receiver out;
    private final NanoClock clock;
    private final long dueMarginNanos;
    private final LatencyMeters meters;
    private final ArrayDeque<Slot> queue;
    private final ArrayDeque<Slot> free;
    private final SoundingAtOutput sounding = new SoundingAtOutput();
    private final ShortMessage[] messages = new ShortMessage[MESSAGE_POOL];
    private int nextMessage;
    private long lastDue = Long.MIN_VALUE;
    /** Whether a MIDI clock Start (or Continue) went out with no Stop since: the receiver's transport runs. */
    private boolean clockRunning;

    private final SoundingAtOutput.Visitor sendNoteOff = this::sendNoteOff;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong invalidMessages = new AtomicLong();
    private final AtomicLong strayNoteOffs = new AtomicLong();

    /**
     * @param queueCapacity  messages that may wait for their time in preallocated slots; beyond that (overload only)
     *                       the queue grows, allocating, rather than lose a message
     * @param dueMarginNanos how soon a queued message must be due for {@link #sendDue} to wait for it rather than let
     *                       the performer compute first ({@link #DUE_MARGIN_NANOS} live; 0 never waits, as a clock
     *                       that moves only when told to needs)
     */
    public OutputScheduler(Receiver out, NanoClock clock, LatencyMeters meters, int queueCapacity, long dueMarginNanos) {
        if (queueCapacity < 1) throw Messages.capacity(queueCapacity);
        if (dueMarginNanos < 0) throw Messages.margin(dueMarginNanos);
        this.dueMarginNanos = dueMarginNanos;
        this.out = out;
        this.clock = clock;
        this.meters = meters;
        this.queue = new ArrayDeque<>(queueCapacity);
        this.free = new ArrayDeque<>(queueCapacity);
        for (int i = 0; i < queueCapacity; i++) free.add(new Slot());
        for (int i = 0; i < MESSAGE_POOL; i++) messages[i] = new ShortMessage();
    }

    /**
     * Takes a message to send at {@code time}: sends it at once if it is due and nothing submitted before it waits,
     * else queues it. Also sends whatever else has come due.
     *
     * @param causeNanos when the input that caused this message reached the shell (-1: none), for input-to-output
     */
    public void submit(long time, int status, int data1, int data2, long causeNanos) {
        long now = clock.nanoTime();
        Slot slot = free.isEmpty() ? new Slot() : free.pollFirst();
        lastDue = Math.max(lastDue, time);
        slot.due = lastDue;
        slot.submitted = now;
        slot.status = status;
        slot.data1 = data1;
        slot.data2 = data2;
        slot.causeNanos = causeNanos;
        queue.addLast(slot);
        pump(now);
    }

    /**
     * The performer is about to compute (a model step and its sampling, tens of microseconds): sends every queued
     * message due by now, and first waits, spinning, for the next one if it is due within the margin, which would
     * otherwise leave late by the computing. The wait delays nothing that could leave before it: messages leave in order.
     */
    public void sendDue() {
        if (queue.isEmpty()) return;
        long now = clock.nanoTime();
        long due = queue.peekFirst().due;
        while (now < due && due - now <= dueMarginNanos) {
            Thread.onSpinWait();
            now = clock.nanoTime();
        }
        pump(now);
    }

    /**
     * Sends every queued message due by {@code now}, in order. Returns the due time of the next queued message, or
     * {@link Long#MAX_VALUE} if none.
     */
    public long pump(long now) {
        while (!queue.isEmpty() && queue.peekFirst().due <= now) {
            Slot slot = queue.pollFirst();
            send(slot);
            free.addLast(slot);
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peekFirst().due;
    }

    /**
     * Discards every queued message and sends a note-off for every sounding note, then CC 123 on each channel that
     * carried notes since the last time, then a MIDI clock Stop if a Start went out without one (a clock master's
     * receiver must not run on alone).
     */
    public void allNotesOff() {
        while (!queue.isEmpty()) free.addLast(queue.pollFirst());
        silenceSounding();
        if (clockRunning) {
            clockRunning = false;
            trySend(CLOCK_STOP, 0, 0);
        }
    }

    /** Sends a note-off for every sounding note, then CC 123 on each channel that carried notes since the last time. */
    private void silenceSounding() {
        sounding.releaseAll(sendNoteOff);
        int channels = sounding.takeUsedChannels();
        for (int channel = 0; channel < 16; channel++) {
            if ((channels & 1 << channel) != 0) trySend(ShortMessage.CONTROL_CHANGE | channel, ALL_NOTES_OFF_CC, 0);
        }
    }

    /** Notes sounding at the output now (the output's thread, or after it stopped). */
    public int soundingNotes() {
        return sounding.sounding();
    }

    /** Messages handed to the output {@code Receiver} without error. */
    public long sent() {
        return sent.get();
    }

    /** Times the output {@code Receiver} threw. */
    public long sendErrors() {
        return sendErrors.get();
    }

    /** Messages that {@link ShortMessage} refused (a data byte over 127, an unknown status); not sent. */
    public long invalidMessages() {
        return invalidMessages.get();
    }

    /** Note-offs not sent because their key was not sounding at the output. */
    public long strayNoteOffs() {
        return strayNoteOffs.get();
    }

    private void send(Slot slot) {
        ShortMessage message = prepare(slot.status, slot.data1, slot.data2);
        if (message == null) return;
        int command = slot.status & 0xF0;
        int channel = slot.status & 0x0F;
        if (command == ShortMessage.NOTE_ON && slot.data2 > 0) {
            sounding.noteOn(channel, slot.data1);
        } else if ((command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) && !sounding.noteOff(channel, slot.data1)) {
            strayNoteOffs.incrementAndGet();
            return;
        }
        long handed = clock.nanoTime();
        if (slot.status == CLOCK_START || slot.status == CLOCK_CONTINUE) clockRunning = true;
        else if (slot.status == CLOCK_STOP) clockRunning = false;
        if (hand(message)) {
            meters.recordSchedulerLateness(handed - Math.max(slot.due, slot.submitted));
            if (slot.causeNanos >= 0) meters.recordInputToOutput(handed - slot.causeNanos);
        } else {
            silenceSounding();
        }
    }

    private void sendNoteOff(int channel, int key) {
        trySend(ShortMessage.NOTE_OFF | channel, key, 0);
    }

    private void trySend(int status, int data1, int data2) {
        ShortMessage message = prepare(status, data1, data2);
        if (message != null) hand(message);
    }

    /** The next pooled message set to these bytes, or null (counted) if {@link ShortMessage} refuses them. */
    private ShortMessage prepare(int status, int data1, int data2) {
        ShortMessage message = messages[nextMessage];
        nextMessage = (nextMessage + 1) % MESSAGE_POOL;
        try {
            message.setMessage(status, data1, data2);
            return message;
        } catch (InvalidMidiDataException e) {
            invalidMessages.incrementAndGet();
            return null;
        }
    }

    /** Hands a message to the output; false (counted) if the {@code Receiver} threw. */
    private boolean hand(ShortMessage message) {
        try {
            out.send(message, -1);
            sent.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            sendErrors.incrementAndGet();
            return false;
        }
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException capacity(int queueCapacity) {
            return new IllegalArgumentException("scheduler queue capacity must be positive: " + queueCapacity);
        }

        static IllegalArgumentException margin(long dueMarginNanos) {
            return new IllegalArgumentException("the due margin must not be negative: " + dueMarginNanos);
        }
    }
}
