package io.antiphon.engine.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.finetune.SessionFineTuner;
import io.antiphon.engine.finetune.TuningBudget;
import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LatencyMode;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.weights.StepModels;
import org.HdrHistogram.Histogram;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The bench's adaptation case (docs/adaptation.md): the same calls with the session's learning off ({@code adapt} 0, no
 * learner) and on ({@code adapt} 1 and the slow memory's learner fine-tuning on its thread within
 * {@link TuningBudget#DEFAULT}), in the same run, in alternating blocks so that the machine's load falls on both alike.
 * Per side: the performer's heap bytes per token on an injected clock, with the learner publishing weights between
 * calls so that every phrase boundary swaps them in; and the call-to-answer latency through the whole shell, paced
 * as a person plays (one note every 50–500 ms, then the answer-now controller).
 */
public final class AdaptationBench {

    /** One side's figures. */
    public record Side(double performerBytesPerToken, long tokens, long weightSwaps, LatencyReport.Percentiles inputToOutput,
                       int calls, int unanswered, long learnerPasses) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("performer_bytes_per_token", performerBytesPerToken);
            map.put("tokens_measured", tokens);
            map.put("weight_swaps", weightSwaps);
            map.put("input_to_output_us", inputToOutput.toMap());
            map.put("calls", calls);
            map.put("unanswered", unanswered);
            map.put("learner_passes", learnerPasses);
            return map;
        }
    }

    /** Both sides, and what the learner spent. */
    public record Result(Side off, Side on, double dutyCycle, String learnerPriority) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("off", off.toMap());
            map.put("on", on.toMap());
            map.put("learner_duty_cycle", dutyCycle);
            map.put("learner_priority", learnerPriority);
            map.put("input_to_output_p99_on_vs_off", ratio(on.inputToOutput.p99(), off.inputToOutput.p99()));
            return map;
        }

        /** The case as text lines, the two sides side by side. */
        public List<String> lines() {
            String row = "%-34s %12s %12s%n";
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, row, "adaptation (learning the player)", "off", "on"));
            text.append(String.format(Locale.ROOT, row, "performer heap bytes per token", f2(off.performerBytesPerToken), f2(on.performerBytesPerToken)));
            text.append(String.format(Locale.ROOT, row, "  tokens measured / weight swaps", off.tokens + " / " + off.weightSwaps, on.tokens + " / " + on.weightSwaps));
            text.append(String.format(Locale.ROOT, row, "call -> answer, paced: count", off.inputToOutput.count(), on.inputToOutput.count()));
            text.append(String.format(Locale.ROOT, row, "  p50 µs", f1(off.inputToOutput.p50()), f1(on.inputToOutput.p50())));
            text.append(String.format(Locale.ROOT, row, "  p99 µs", f1(off.inputToOutput.p99()), f1(on.inputToOutput.p99())));
            text.append(String.format(Locale.ROOT, row, "  p99.9 µs", f1(off.inputToOutput.p999()), f1(on.inputToOutput.p999())));
            text.append(String.format(Locale.ROOT, row, "  max µs", f1(off.inputToOutput.max()), f1(on.inputToOutput.max())));
            text.append(String.format(Locale.ROOT, row, "unanswered calls", off.unanswered, on.unanswered));
            text.append(String.format(Locale.ROOT, row, "learner passes (duty cycle " + f2(dutyCycle) + ")", "-", on.learnerPasses));
            text.append("learner thread: ").append(learnerPriority).append('\n');
            return List.of(text.toString().split("\n"));
        }

        private static String f1(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }

        private static String f2(double v) {
            return String.format(Locale.ROOT, "%.2f", v);
        }

        private static double ratio(double a, double b) {
            return b == 0 ? Double.NaN : a / b;
        }
    }

    private static final int ANSWER_NOW_CC = 80;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long PACED_MIN_NANOS = 50 * MS;
    private static final long PACED_MAX_NANOS = 500 * MS;
    private static final long FIRST_NOTE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long PUBLISH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int BLOCKS = 4;
    private static final int RECORDING_CAPACITY = 1 << 18;
    /** A quick learner for the allocation count: one short pass per phrase, so that weights arrive for every call. */
    private static final TuningBudget QUICK = new TuningBudget(1, 64, 1.0, TuningBudget.DEFAULT.learningRate(), TuningBudget.DEFAULT.decay());
    private static final MidiOut DISCARD = (nanos, status, data1, data2) -> { };

    private AdaptationBench() {
    }

    /**
     * @param net            the network both sides play (the slow memory fine-tunes a copy)
     * @param calls          paced calls per side, in {@value #BLOCKS} alternating blocks
     * @param allocationCalls calls per side on the injected clock for the bytes per token
     */
    public static Result run(MultiLayerNetwork net, int calls, int allocationCalls, LatencyMode latencyMode, long seed,
                             Consumer<String> progress) {
        progress.accept("adaptation off vs on: heap bytes per performer token, " + allocationCalls + " calls each");
        long[] offAllocation = bytesPerToken(net, false, allocationCalls, seed);
        long[] onAllocation = bytesPerToken(net, true, allocationCalls, seed);
        Histogram off = Bench.histogram();
        Histogram on = Bench.histogram();
        int[] unanswered = new int[2];
        long passes = 0;
        String priority = "none";
        LstmStepKernel offModel = (LstmStepKernel) StepModels.create(net, StepEngine.KERNEL);
        LstmStepKernel onModel = (LstmStepKernel) StepModels.create(net, StepEngine.KERNEL);
        PerformerWarmUp.run(offModel, parameters(false), PerformerWarmUp.DEFAULT_CALLS, seed);
        PerformerWarmUp.run(onModel, parameters(true), PerformerWarmUp.DEFAULT_CALLS, seed);
        System.gc();
        SplittableRandom random = new SplittableRandom(seed);
        int perBlock = Math.max(1, calls / BLOCKS);
        for (int block = 0; block < BLOCKS; block++) {
            progress.accept("adaptation off vs on: paced calls, block " + (block + 1) + "/" + BLOCKS + " (" + perBlock + " calls a side)");
            unanswered[0] += pacedBlock(offModel, null, false, perBlock, latencyMode, seed, random, off);
            try (SessionFineTuner learner = new SessionFineTuner(net, onModel, TuningBudget.DEFAULT)) {
                learner.start();
                unanswered[1] += pacedBlock(onModel, learner, true, perBlock, latencyMode, seed, random, on);
                learner.close();
                passes += learner.passes();
                priority = learner.priority();
                learner.weights().restoreTrained();   // the next block's learner starts from the trained weights

            }
        }
        Side offSide = new Side(ratio(offAllocation), offAllocation[1], offAllocation[2], LatencyReport.Percentiles.ofNanos(off),
                perBlock * BLOCKS, unanswered[0], 0);
        Side onSide = new Side(ratio(onAllocation), onAllocation[1], onAllocation[2], LatencyReport.Percentiles.ofNanos(on),
                perBlock * BLOCKS, unanswered[1], passes);
        return new Result(offSide, onSide, TuningBudget.DEFAULT.dutyCycle(), priority);
    }

    private static double ratio(long[] bytesTokens) {
        return bytesTokens[1] == 0 ? Double.NaN : (double) bytesTokens[0] / bytesTokens[1];
    }

    /** Tempo 240 BPM, answers of one to two beats, answering at once; {@code adapt} 1 or 0. */
    static PerformerParameters parameters(boolean adapt) {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, 240);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 1);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 2);
        parameters.set(Parameter.ADAPT, adapt ? 1 : 0);
        return parameters;
    }

    /**
     * Heap bytes the performer thread allocates over {@code calls} calls on an injected clock after warm-up: each call
     * three notes, then silence until the answer has played; with adaptation on, a learner runs and, before each call
     * ends, has published weights, so that every phrase boundary swaps them in. Returns {bytes, tokens, swaps}; bytes
     * -1 where the JVM cannot count.
     *
     * <p>Only the performer's calls are metered, not the harness's wait for the learner between them
     * ({@link CallPlayer#awaitPublished}): that wait polls {@link io.antiphon.engine.adapt.WeightsSlot#waiting} thousands
     * of times on this thread, a call no performer makes, and when it is this thread whose count asks C2 to compile
     * {@code waiting}, HotSpot resolves (interns) all of {@code WeightsSlot}'s string constants on it first: 256 bytes,
     * once, in about two runs out of three (docs/models.md).
     */
    public static long[] bytesPerToken(MultiLayerNetwork net, boolean adapt, int calls, long seed) {
        if (!AllocationMeter.isSupported()) return new long[] {-1, 0, 0};
        LstmStepKernel model = (LstmStepKernel) StepModels.create(net, StepEngine.KERNEL);
        Performer performer = new Performer(model, parameters(adapt), seed, DISCARD);
        performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS);
        SessionFineTuner learner = adapt ? new SessionFineTuner(net, model, QUICK).start() : null;
        try {
            if (learner != null) performer.attachLearner(learner);
            CallPlayer player = new CallPlayer(performer, learner);
            for (int call = 0; call < Math.max(8, calls / 2); call++) player.call();   // the same loop, unmeasured: the JIT settles
            PerformerStatus status = new PerformerStatus();
            performer.readStatus(status);
            long tokensBefore = status.tokensFed() + status.tokensGenerated();
            long swapsBefore = learner == null ? 0 : learner.weights().swaps();
            player.meter(new AllocationMeter());
            for (int call = 0; call < calls; call++) player.call();
            long bytes = player.performerBytes();
            performer.readStatus(status);
            long swaps = learner == null ? 0 : learner.weights().swaps() - swapsBefore;
            return new long[] {bytes, status.tokensFed() + status.tokensGenerated() - tokensBefore, swaps};
        } finally {
            if (learner != null) learner.close();
        }
    }

    /**
     * Plays calls into a performer on an injected clock, one simulated millisecond at a time; once given a meter, counts
     * the heap bytes this thread allocates in the performer's calls, its wait for the learner left out.
     */
    private static final class CallPlayer {
        private static final int[] PITCHES = {60, 64, 67, 72, 67, 64, 62, 65};
        private final Performer performer;
        private final SessionFineTuner learner;
        private long now;
        private int next;
        private AllocationMeter meter;
        private long performerBytes;

        CallPlayer(Performer performer, SessionFineTuner learner) {
            this.performer = performer;
            this.learner = learner;
        }

        /** From now on, counts the bytes the performer's calls allocate on this thread. */
        void meter(AllocationMeter allocation) {
            meter = allocation;
            performerBytes = 0;
        }

        /** Bytes allocated in the performer's calls since {@link #meter}. */
        long performerBytes() {
            return performerBytes;
        }

        /** Three notes of 150 ms, 200 ms apart; then (the learner having published) 3 s for the phrase end and the answer. */
        void call() {
            long before = meter == null ? 0 : meter.allocatedBytes();
            for (int n = 0; n < 3; n++) {
                int pitch = PITCHES[next++ % PITCHES.length];
                performer.onMidi(now, ShortMessage.NOTE_ON, pitch, 80);
                advance(150);
                performer.onMidi(now, ShortMessage.NOTE_OFF, pitch, 0);
                advance(50);
            }
            long afterNotes = meter == null ? 0 : meter.allocatedBytes();
            if (learner != null && learner.tokens().phrasesEnded() > 0) awaitPublished();
            long afterWait = meter == null ? 0 : meter.allocatedBytes();
            advance(3_000);
            if (meter != null) performerBytes += (afterNotes - before) + (meter.allocatedBytes() - afterWait);
        }

        /** Waits (bounded) until the learner has weights waiting for the coming phrase boundary; the harness's, not metered. */
        private void awaitPublished() {
            long deadline = System.nanoTime() + PUBLISH_TIMEOUT_NANOS;
            while (!learner.weights().waiting() && System.nanoTime() - deadline < 0) LockSupport.parkNanos(MS);
        }

        private void advance(int milliseconds) {
            for (int m = 0; m < milliseconds; m++) {
                now += MS;
                performer.advance(now);
            }
        }
    }

    /** Paced calls through a live session; returns how many went unanswered. */
    private static int pacedBlock(LstmStepKernel model, SessionFineTuner learner, boolean adapt, int calls, LatencyMode latencyMode,
                                  long seed, SplittableRandom random, Histogram latency) {
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, RECORDING_CAPACITY);
        PerformerParameters parameters = parameters(adapt);
        int unanswered = 0;
        ShellOptions options = ShellOptions.defaults().withShutdownHook(false).withLatencyMode(latencyMode);
        try (LiveSession session = LiveSession.open(out, midiOut -> {
            Performer performer = new Performer(model, parameters, seed, midiOut);
            if (learner != null) performer.attachLearner(learner);
            return performer;
        }, options)) {
            Receiver input = session.input();
            for (int call = 0; call < calls; call++) {
                long gap = random.nextLong(PACED_MIN_NANOS, PACED_MAX_NANOS + 1);
                long start = System.nanoTime();
                int key = 55 + call % 12;
                input.send(Bench.message(ShortMessage.NOTE_ON, key, 80), -1);
                LockSupport.parkNanos(gap / 2);
                input.send(Bench.message(ShortMessage.NOTE_OFF, key, 0), -1);
                int from = out.size();
                ShortMessage answerNow = Bench.message(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
                long handed = System.nanoTime();   // timed from the hand-over, not the message's construction
                input.send(answerNow, -1);
                long first = awaitFirstNote(out, handed, from);
                if (first < 0) unanswered++;
                else latency.recordValue(Math.min(first - handed, latency.getHighestTrackableValue()));
                long rest = start + gap - System.nanoTime();
                if (rest > 0) LockSupport.parkNanos(rest);
            }
        }
        return unanswered;
    }

    private static long awaitFirstNote(RecordingReceiver out, long since, int from) {
        long deadline = System.nanoTime() + FIRST_NOTE_TIMEOUT_NANOS;
        long first;
        while ((first = out.firstNoteOnAt(since, from)) < 0 && System.nanoTime() - deadline < 0) LockSupport.parkNanos(MS);
        return first;
    }
}
