package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellCounters;
import io.antiphon.engine.realtime.ShellOptions;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.TempoMap;

/**
 * A MIDI flood into the real shell on the real clock: a producer thread (standing in for a MIDI device's thread) calls
 * the session's input {@code Receiver} at {@code rate} messages a second, paced by spinning, for {@code seconds}. The
 * messages cycle through a note-on, a controller (mod wheel) or polyphonic pressure, a note-off of the oldest held key
 * (about four keys stay down) or channel pressure, and a pitch bend; at the end every key still down is released. The
 * performer jams on the real step kernel meanwhile. Measured: the time inside the MIDI callback (HdrHistogram), what
 * the input ring dropped (its policy: never a release), and how soon after the flood the performer has caught up
 * (every key the flood pressed heard released); then it is asked to stop, and any machine note it leaves sounding at
 * the output is a hanging note.
 */
public final class Flood {

    private static final int CHANNEL = 0;
    private static final long STATUS_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long RECOVERY_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long STOP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private Flood() {
    }

    public static FloodResult run(FloodOptions options) throws InterruptedException {
        PerformerParameters parameters = options.parameters();
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        parameters.set(Parameter.THRU, 0);
        PerformerWarmUp.run(options.model(), parameters, PerformerWarmUp.DEFAULT_CALLS, options.seed());
        double beatMillis = 60_000.0 / parameters.tempoBpm();
        RecordingReceiver output = new RecordingReceiver(NanoClock.SYSTEM, 1 << 20);
        try (LiveSession session = LiveSession.open(output, out -> new Performer(options.model(), parameters, options.seed(), out),
                ShellOptions.defaults())) {
            PerformerStatus status = new PerformerStatus();
            if (options.warmUpSeconds() > 0) {
                flood(session.input(), options.rate(), options.warmUpSeconds(), options.seed() + 1);
                awaitCaughtUp(session, status);
            }
            ShellCounters before = session.counters();
            session.resetLatency();
            Producer producer = flood(session.input(), options.rate(), options.seconds(), options.seed());
            long floodEnded = System.nanoTime();
            LatencyReport latency = session.latency();
            long caughtUp = awaitCaughtUp(session, status);
            int keysHeld = status.humanKeysDown();
            double recoveryMillis = caughtUp < 0 ? -1 : (caughtUp - floodEnded) / 1e6;
            boolean recovered = caughtUp >= 0 && recoveryMillis <= beatMillis && session.isRunning();
            ShellCounters after = session.counters();

            session.allNotesOff();
            int hanging = awaitSilence(session, status, output);
            if (session.failure().isPresent()) {
                Throwable failure = session.failure().get();
                throw new IllegalStateException("the performer failed during the flood: " + failure, failure);
            }
            return new FloodResult(latency.midiCallback(), producer.sent, producer.seconds, producer.noteOns, producer.noteOffs,
                    after.inputDropped() - before.inputDropped(), after.inputDeferredReleases() - before.inputDeferredReleases(),
                    recovered, recoveryMillis, beatMillis, keysHeld, hanging, latency.performerStep(), after);
        }
    }

    /** Floods {@code input} from a new thread for {@code seconds}; returns when the producer has finished. */
    private static Producer flood(Receiver input, int rate, double seconds, long seed) throws InterruptedException {
        Producer producer = new Producer(input, rate, Math.round(rate * seconds), seed);
        Thread thread = new Thread(producer, "antiphon-flood");
        thread.setDaemon(true);
        thread.start();
        thread.join();
        if (producer.failure != null) throw new IllegalStateException("the flood's producer failed: " + producer.failure, producer.failure);
        return producer;
    }

    /**
     * Waits until the performer reports every human key up (the flood's last messages are releases, so it has handled
     * the backlog); returns when (System.nanoTime) it did, or -1 if not within 10 s or the performer stopped.
     */
    private static long awaitCaughtUp(LiveSession session, PerformerStatus status) {
        long deadline = System.nanoTime() + RECOVERY_LIMIT_NANOS;
        while (System.nanoTime() - deadline < 0 && session.isRunning()) {
            if (session.readStatus(status) && status.humanKeysDown() == 0) return System.nanoTime();
            LockSupport.parkNanos(STATUS_POLL_NANOS);
        }
        return -1;
    }

    /** Waits (up to 2 s) until nothing sounds at the output; returns the notes still sounding there. */
    private static int awaitSilence(LiveSession session, PerformerStatus status, RecordingReceiver output) {
        long deadline = System.nanoTime() + STOP_LIMIT_NANOS;
        int hanging;
        do {
            LockSupport.parkNanos(STATUS_POLL_NANOS * 10);
            hanging = RecordedNotes.pair(output.messages(), 0, TempoMap.constant(480, 120), 1).hanging();
        } while (hanging > 0 && System.nanoTime() - deadline < 0 && session.isRunning());
        return hanging;
    }

    /** The flood's producer: allocation-free while it sends. */
    private static final class Producer implements Runnable {
        private static final int MAX_HELD = 16;
        private static final int KEEP_DOWN = 4;

        private final Receiver input;
        private final long periodNanos;
        private final long messages;
        private final SplittableRandom random;
        private final ShortMessage message = new ShortMessage();
        private final int[] held = new int[MAX_HELD];
        private final boolean[] down = new boolean[128];
        private int oldest;
        private int count;
        long sent;
        long noteOns;
        long noteOffs;
        double seconds;
        volatile Throwable failure;

        Producer(Receiver input, int rate, long messages, long seed) {
            this.input = input;
            this.periodNanos = Math.max(1, Math.round(1e9 / rate));
            this.messages = messages;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public void run() {
            try {
                long start = System.nanoTime();
                for (long i = 0; i < messages; i++) {
                    long due = start + i * periodNanos;
                    while (System.nanoTime() - due < 0) Thread.onSpinWait();
                    sendOne(i);
                }
                while (count > 0) noteOff();
                seconds = (System.nanoTime() - start) / 1e9;
            } catch (Throwable t) {
                failure = t;
            }
        }

        private void sendOne(long i) throws InvalidMidiDataException {
            switch ((int) (i & 3)) {
                case 0 -> {
                    if (count == MAX_HELD) noteOff();
                    else noteOn();
                }
                case 1 -> {
                    if (random.nextBoolean()) send(ShortMessage.CONTROL_CHANGE, 1, random.nextInt(128));
                    else send(ShortMessage.POLY_PRESSURE, 36 + random.nextInt(61), random.nextInt(128));
                }
                case 2 -> {
                    if (count > KEEP_DOWN) noteOff();
                    else send(ShortMessage.CHANNEL_PRESSURE, random.nextInt(128), 0);
                }
                default -> send(ShortMessage.PITCH_BEND, random.nextInt(128), random.nextInt(128));
            }
        }

        private void noteOn() throws InvalidMidiDataException {
            int key = 36 + random.nextInt(61);
            while (down[key]) key = 36 + (key - 36 + 1) % 61;
            down[key] = true;
            held[(oldest + count) % MAX_HELD] = key;
            count++;
            noteOns++;
            send(ShortMessage.NOTE_ON, key, 30 + random.nextInt(98));
        }

        private void noteOff() throws InvalidMidiDataException {
            int key = held[oldest];
            oldest = (oldest + 1) % MAX_HELD;
            count--;
            down[key] = false;
            noteOffs++;
            send(ShortMessage.NOTE_OFF, key, 0);
        }

        private void send(int command, int data1, int data2) throws InvalidMidiDataException {
            message.setMessage(command, CHANNEL, data1, data2);
            input.send(message, -1);
            sent++;
        }
    }
}
