package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.RecordedMessage;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellCounters;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.realtime.SimulatedClock;
import io.antiphon.engine.realtime.SteppedShell;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.midi.file.TempoMap;
import org.HdrHistogram.Histogram;

/**
 * A long jam on simulated time: a seeded human plays {@code notesPerSecond} notes a second (onsets 0.5..1.5 times the
 * mean spacing apart, each held 0.5..4 spacings, at most eight keys down, a melody wandering over three octaves, the
 * temperature controller moved every 30 s) into a {@link SteppedShell} (the real input receiver, rings, performer loop
 * on the real step model, scheduler), advanced 1 ms at a time. The performer-path time of every step that had work is
 * measured on the real clock (HdrHistogram), in the first and last windows and overall. Heap (after a full GC),
 * off-heap and resident memory are read after the warm-up and at the end. Then the human lets go, the performer is
 * asked to stop through the input ring, and whatever it left sounding at the output is a hanging note.
 */
public final class Soak {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int HUMAN_CHANNEL = 1;
    private static final int RECORDING_CAPACITY = 1 << 21;
    private static final long STOP_SETTLE_NANOS = 100 * MS;

    private Soak() {
    }

    public static SoakResult run(SoakOptions options) {
        long started = System.nanoTime();
        PerformerParameters parameters = options.parameters();
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        parameters.set(Parameter.THRU, 0);
        PerformerWarmUp.run(options.model(), parameters, PerformerWarmUp.DEFAULT_CALLS, options.seed());

        SimulatedClock clock = new SimulatedClock();
        RecordingReceiver output = new RecordingReceiver(clock, RECORDING_CAPACITY);
        SteppedShell shell = new SteppedShell(output, out -> new Performer(options.model(), parameters, options.seed(), out),
                ShellOptions.defaults().withClock(clock).withShutdownHook(false));
        Human human = new Human(shell.input(), clock, options.notesPerSecond(), options.seed());
        Histogram first = new Histogram(HIGHEST_NANOS, 3);
        Histogram last = new Histogram(HIGHEST_NANOS, 3);
        Histogram all = new Histogram(HIGHEST_NANOS, 3);

        play(shell, clock, human, options.warmUpMinutes() * MINUTE, null, null, null, 0, 0);
        ProcessMemory before = ProcessMemory.read();
        long measuredFrom = clock.nanoTime();
        long humanNotesBefore = human.notes;
        long measured = options.minutes() * MINUTE;
        long window = options.windowMinutes() * MINUTE;
        play(shell, clock, human, measured, first, last, all, window, measured - window);
        ProcessMemory after = ProcessMemory.read();
        long measuredTo = clock.nanoTime();
        long humanNotes = human.notes - humanNotesBefore;

        human.releaseAll();
        shell.allNotesOff();
        play(shell, clock, null, STOP_SETTLE_NANOS, null, null, null, 0, 0);
        List<RecordedMessage> messages = output.messages();
        RecordedNotes notes = RecordedNotes.pair(messages, 0, TempoMap.constant(480, parameters.tempoBpm()), 1);
        ShellCounters counters = shell.counters();
        shell.stop();
        if (shell.failure().isPresent()) {
            Throwable failure = shell.failure().get();
            throw new IllegalStateException("the performer failed during the soak: " + failure, failure);
        }
        if (output.overflow() > 0) {
            throw new IllegalStateException("the soak's output recording overflowed (" + output.overflow() + " messages lost)");
        }

        long played = messages.stream().filter(m -> m.isNoteOn() && m.nanos() >= measuredFrom && m.nanos() < measuredTo).count();
        double longestSeconds = notes.notes().stream().mapToDouble(n -> n.endSeconds() - n.startSeconds()).max().orElse(0);
        return new SoakResult(options.minutes(), (System.nanoTime() - started) / 1e9, humanNotes, played, notes.hanging(),
                notes.strayOffs(), longestSeconds * parameters.tempoBpm() / 60, parameters.maxNoteBeats(),
                counters.inputDropped(), before.heapBytes(), after.heapBytes() - before.heapBytes(),
                after.offHeapBytes() - before.offHeapBytes(),
                before.residentBytes() < 0 || after.residentBytes() < 0 ? -1 : after.residentBytes() - before.residentBytes(),
                LatencyReport.Percentiles.ofNanos(first), LatencyReport.Percentiles.ofNanos(last),
                LatencyReport.Percentiles.ofNanos(all), options.windowMinutes(), counters);
    }

    /**
     * Plays {@code duration} of simulated time in 1 ms steps; with histograms, records the real time of every step
     * that had work: into {@code first} before {@code firstUntil}, into {@code last} from {@code lastFrom} (both
     * relative to the start of this call). Allocation-free.
     */
    private static void play(SteppedShell shell, SimulatedClock clock, Human human, long duration, Histogram first,
                             Histogram last, Histogram all, long firstUntil, long lastFrom) {
        for (long elapsed = 0; elapsed < duration; elapsed += MS) {
            clock.advance(MS);
            if (human != null) human.play();
            long t0 = System.nanoTime();
            boolean busy = shell.step();
            long took = System.nanoTime() - t0;
            if (busy && all != null) {
                long value = Math.min(took, HIGHEST_NANOS);
                all.recordValue(value);
                if (elapsed < firstUntil) first.recordValue(value);
                if (elapsed >= lastFrom) last.recordValue(value);
            }
            if (shell.failure().isPresent()) return;
        }
    }

    /** The seeded human part; allocation-free after construction. */
    private static final class Human {
        private static final int MAX_HELD = 8;
        private static final long TEMPERATURE_EVERY = TimeUnit.SECONDS.toNanos(30);
        private static final int TEMPERATURE_CC = 16;

        private final Receiver input;
        private final SimulatedClock clock;
        private final SplittableRandom random;
        private final long meanSpacing;
        private final ShortMessage message = new ShortMessage();
        private final int[] heldKeys = new int[MAX_HELD];
        private final long[] releaseAt = new long[MAX_HELD];
        private final boolean[] down = new boolean[128];
        private int held;
        private int pitch = 60;
        private long nextOnset;
        private long nextTemperature = TEMPERATURE_EVERY;
        long notes;

        Human(Receiver input, SimulatedClock clock, double notesPerSecond, long seed) {
            this.input = input;
            this.clock = clock;
            this.random = new SplittableRandom(seed);
            this.meanSpacing = Math.round(1e9 / notesPerSecond);
            this.nextOnset = clock.nanoTime() + meanSpacing;
        }

        void play() {
            long now = clock.nanoTime();
            for (int i = held - 1; i >= 0; i--) {
                if (releaseAt[i] <= now) release(i);
            }
            if (now >= nextOnset) {
                if (held == MAX_HELD) release(0);
                strike(now);
                nextOnset += meanSpacing / 2 + random.nextLong(meanSpacing);
            }
            if (now >= nextTemperature) {
                send(ShortMessage.CONTROL_CHANGE, TEMPERATURE_CC, 40 + random.nextInt(50));
                nextTemperature += TEMPERATURE_EVERY;
            }
        }

        void releaseAll() {
            while (held > 0) release(held - 1);
        }

        private void strike(long now) {
            int next = pitch;
            for (int tries = 0; tries < 16 && (next == pitch || down[next]); tries++) {
                next = Math.max(43, Math.min(84, pitch + random.nextInt(11) - 5));
            }
            if (down[next]) return;
            pitch = next;
            down[pitch] = true;
            heldKeys[held] = pitch;
            releaseAt[held] = now + meanSpacing / 2 + random.nextLong(meanSpacing * 7 / 2);
            held++;
            notes++;
            send(ShortMessage.NOTE_ON, pitch, 50 + random.nextInt(60));
        }

        private void release(int index) {
            int key = heldKeys[index];
            held--;
            heldKeys[index] = heldKeys[held];
            releaseAt[index] = releaseAt[held];
            down[key] = false;
            send(ShortMessage.NOTE_OFF, key, 0);
        }

        private void send(int command, int data1, int data2) {
            try {
                message.setMessage(command, HUMAN_CHANNEL, data1, data2);
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException("the soak's human made an invalid message", e);
            }
            input.send(message, -1);
        }
    }
}
