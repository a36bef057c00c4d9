package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.RecordedMessage;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellCounters;
import io.antiphon.engine.realtime.ShellOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.harness.KernelBenchmark;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.midi.file.TempoMap;
import org.HdrHistogram.Histogram;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.conf.layers.LSTM;

/**
 * Measures the live path in one run: the step kernel against DL4J's {@code rnnTimeStep} (time and heap bytes per
 * step, {@link KernelBenchmark}), then the whole shell: a synthetic player hands phrases of six notes to the session's
 * input {@code Receiver}, each followed by the answer-now controller (CC 80); the time from that hand-over to the
 * answer's first note at the output {@code Receiver} is the input-to-output latency. The performer runs on the step
 * kernel, warmed up first ({@link PerformerWarmUp}), at 240 BPM with answers of one to two beats. It also reports the
 * performer's heap bytes per token (fed or sampled: the step, the sampler and the bookkeeping) in a simulated jam.
 */
public final class Bench {

    private static final int ANSWER_NOW_CC = 80;
    private static final long NOTE_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
    private static final long FIRST_NOTE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How often the bench thread looks for the answer; coarse, so it takes no core from the threads it measures. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Bench() {
    }

    public static BenchResult run(BenchOptions options) throws InterruptedException {
        MultiLayerNetwork net = options.network() != null ? options.network()
                : NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(options.layers(), options.hidden()).withSeed(options.seed()));
        Map<StepEngine, KernelBenchmark.EngineResult> engines = KernelBenchmark.run(net, options.kernelWarmupSteps(), options.kernelSteps(), options.seed());
        KernelBenchmark.EngineResult kernel = engines.get(StepEngine.KERNEL);
        KernelBenchmark.EngineResult dl4j = engines.get(StepEngine.DL4J);

        double performerBytes = HotPathAllocation.performerBytesPerToken(StepModels.create(net, StepEngine.KERNEL), 120, options.seed());

        StepModel model = StepModels.create(net, StepEngine.KERNEL);
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, 240);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 1);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 2);
        PerformerWarmUp.run(model, parameters, PerformerWarmUp.DEFAULT_CALLS, options.seed());
        // rnnTimeStep left gigabytes of garbage behind: collect it now, not in a pause during the timed phrases
        // (as JMH does between iterations).
        System.gc();

        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, 1 << 18);
        Histogram inputToOutput = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        int unanswered = 0;
        LatencyReport shell;
        ShellCounters counters;
        try (LiveSession session = LiveSession.open(out, shellOut -> new Performer(model, parameters, options.seed(), shellOut),
                ShellOptions.defaults())) {
            PerformerStatus status = new PerformerStatus();
            for (int phrase = 0; phrase < options.warmupPhrases() + options.phrases(); phrase++) {
                boolean timed = phrase >= options.warmupPhrases();
                if (phrase == options.warmupPhrases()) session.resetLatency();
                playPhrase(session.input(), phrase);
                long handed = NanoClock.SYSTEM.nanoTime();
                session.input().send(message(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127), -1);
                long first = awaitFirstNote(out, handed);
                if (timed) {
                    if (first < 0) unanswered++;
                    else inputToOutput.recordValue(Math.min(first - handed, inputToOutput.getHighestTrackableValue()));
                }
                awaitAnswerEnd(session, status, phrase + 1);
            }
            shell = session.latency();
            counters = session.counters();
        }
        List<RecordedMessage> sent = out.messages();
        int hanging = RecordedNotes.pair(sent, sent.isEmpty() ? 0 : sent.get(0).nanos(), TempoMap.constant(480, 120), 1).hanging();
        return new BenchResult(shape(net), kernel.implementation(), LatencyReport.Percentiles.ofNanos(kernel.stepNanos()),
                LatencyReport.Percentiles.ofNanos(dl4j.stepNanos()), kernel.bytesPerStep(), dl4j.bytesPerStep(), performerBytes,
                LatencyReport.Percentiles.ofNanos(inputToOutput), options.phrases(), unanswered, hanging, shell, counters);
    }

    /** Six notes, 30 ms apart, each released before the next: a quick run up and down. */
    private static void playPhrase(Receiver input, int phrase) {
        int root = 48 + phrase % 12;
        for (int interval : new int[]{0, 4, 7, 12, 7, 4}) {
            input.send(message(ShortMessage.NOTE_ON, root + interval, 80), -1);
            LockSupport.parkNanos(NOTE_SPACING_NANOS * 3 / 4);
            input.send(message(ShortMessage.NOTE_OFF, root + interval, 0), -1);
            LockSupport.parkNanos(NOTE_SPACING_NANOS / 4);
        }
    }

    /** When the first note-on at or after {@code since} reached the output, or -1 if none came in time. */
    private static long awaitFirstNote(RecordingReceiver out, long since) {
        long deadline = System.nanoTime() + FIRST_NOTE_TIMEOUT_NANOS;
        long first;
        while ((first = out.firstNoteOnAt(since)) < 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        return first;
    }

    /** Waits until the performer has started {@code answers} answers and is listening again with nothing sounding. */
    private static void awaitAnswerEnd(LiveSession session, PerformerStatus status, int answers) {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT_NANOS;
        while (System.nanoTime() - deadline < 0 && session.isRunning()) {
            if (session.readStatus(status) && status.answers() >= answers && status.phase() == PerformerPhase.LISTENING
                    && status.machineNotesSounding() == 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (!session.isRunning()) {
            throw new IllegalStateException("the performer failed during the bench: " + session.failure().map(String::valueOf).orElse("unknown"));
        }
    }

    private static ShortMessage message(int command, int data1, int data2) {
        try {
            return new ShortMessage(command, 0, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("invalid bench message: " + e.getMessage(), e);
        }
    }

    private static String shape(MultiLayerNetwork net) {
        int lstmLayers = 0;
        long hidden = 0;
        for (int l = 0; l < net.getnLayers(); l++) {
            if (net.getLayerWiseConfigurations().getConf(l).getLayer() instanceof LSTM lstm) {
                lstmLayers++;
                hidden = lstm.getNOut();
            }
        }
        return lstmLayers + "x" + hidden;
    }
}
