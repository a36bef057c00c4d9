package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.PriorityGrant;
import io.antiphon.engine.realtime.RecordedMessage;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellCounters;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.engine.weights.StepModels;
import io.antiphon.midi.file.TempoMap;
import io.antiphon.midi.net.RtpMidiEndpoint;
import io.antiphon.midi.net.RtpMidiOptions;
import io.antiphon.midi.net.RtpMidiPeer;
import io.antiphon.midi.net.RtpMidiReceiver;
import org.HdrHistogram.Histogram;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Measures the live path in one run, in this order (each phase alone on the machine):
 * <ol>
 *   <li>the machine's floor ({@link FloorProbe}): deadlines met with the real-time thread's own wait strategy;</li>
 *   <li>the step kernel against DL4J's {@code rnnTimeStep} (time and heap bytes per step, {@link KernelBenchmark}), and
 *       the performer's heap bytes per token;</li>
 *   <li>call and response through the whole shell: a synthetic player hands a note, then the answer-now controller
 *       (CC 80), to the session's input {@code Receiver}; the time from that hand-over to the answer's first note at
 *       the output {@code Receiver} is the input-to-output latency. <b>Bursts</b>: one such call every ~12 ms, each
 *       barging into the answer before; <b>paced</b>: one every 50–500 ms (uniform), as a person plays, the answer
 *       sounding in between. The performer runs on the step kernel, warmed up, at 240 BPM;</li>
 *   <li>the harmonizer's path (if a piano-roll model is given): a melody note in, the first voice under it out;</li>
 *   <li>the network MIDI output path: the same bursts, the output an RTP-MIDI session on the loopback interface, the
 *       time taken when a peer endpoint has received and parsed the answer's first note.</li>
 * </ol>
 * Every session runs in the options' {@link io.antiphon.engine.realtime.LatencyMode} and asks for real-time priority.
 * Progress goes to the given consumer, a line per phase and per tenth of a phase.
 */
public final class Bench {

    private static final int ANSWER_NOW_CC = 80;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BURST_HOLD_NANOS = 8 * MS;
    private static final long BURST_GAP_NANOS = 2 * MS;
    private static final long PACED_MIN_NANOS = 50 * MS;
    private static final long PACED_MAX_NANOS = 500 * MS;
    private static final long HARMONY_HOLD_NANOS = 20 * MS;
    private static final long HARMONY_GAP_NANOS = 10 * MS;
    private static final long FIRST_NOTE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    /** How often the bench thread looks for the answer; coarse, so it takes no core from the threads it measures. */
    private static final long POLL_NANOS = MS;
    private static final int RECORDING_CAPACITY = 1 << 19;

    private Bench() {
    }

    public static BenchResult run(BenchOptions options, Consumer<String> progress) throws Exception {
        int phases = 4 + (options.rollModel() != null ? 1 : 0) + (options.networkPhrases() > 0 ? 1 : 0);
        int[] phase = {0};
        Function<String, Consumer<String>> begin = name -> {
            String prefix = "bench " + (++phase[0]) + "/" + phases + ": " + name;
            progress.accept(prefix);
            return detail -> progress.accept(prefix + " " + detail);
        };

        Consumer<String> floorProgress = begin.apply("the machine's floor, " + options.floorDeadlines() + " deadlines, "
                + options.latencyMode().id() + " wait");
        FloorProbe.Result floor = FloorProbe.run(options.latencyMode(), options.floorDeadlines(), options.seed(),
                done -> floorProgress.accept(percent(done, options.floorDeadlines())));

        begin.apply("step kernel and DL4J, " + options.kernelSteps() + " steps each");
        MultiLayerNetwork net = options.network() != null ? options.network()
                : NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(options.layers(), options.hidden()).withSeed(options.seed()));
        Map<StepEngine, KernelBenchmark.EngineResult> engines = KernelBenchmark.run(net, options.kernelWarmupSteps(), options.kernelSteps(), options.seed());
        KernelBenchmark.EngineResult kernel = engines.get(StepEngine.KERNEL);
        KernelBenchmark.EngineResult dl4j = engines.get(StepEngine.DL4J);
        double performerBytes = HotPathAllocation.performerBytesPerToken(StepModels.create(net, StepEngine.KERNEL), 120, options.seed());

        StepModel model = StepModels.create(net, StepEngine.KERNEL);
        PerformerParameters parameters = callParameters();
        PerformerWarmUp.run(model, parameters, PerformerWarmUp.DEFAULT_CALLS, options.seed());
        // rnnTimeStep left gigabytes of garbage behind: collect it now, not in a pause during the timed calls
        // (as JMH does between iterations).
        System.gc();
        Function<MidiOut, PerformerCore> performer = out -> new Performer(model, parameters, options.seed(), out);

        List<BenchResult.PathLatency> paths = new ArrayList<>();
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, RECORDING_CAPACITY);
        LatencyReport shell;
        ShellCounters counters;
        PriorityGrant priority;
        try (LiveSession session = LiveSession.open(out, performer, shellOptions(options))) {
            priority = session.priority();
            Consumer<String> burstProgress = begin.apply("call and response, bursts: " + options.phrases() + " calls");
            for (int call = 0; call < options.warmupPhrases(); call++) burstCall(session.input(), out, call, null);
            session.resetLatency();
            paths.add(bursts(session.input(), out, options.phrases(), BenchResult.BURSTS, "call -> answer, bursts", burstProgress));
            Consumer<String> pacedProgress = begin.apply("call and response, paced (one note every 50-500 ms): "
                    + options.pacedNotes() + " calls");
            paths.add(paced(session.input(), out, options.pacedNotes(), options.seed(), pacedProgress));
            shell = session.latency();
            counters = session.counters();
        }
        List<RecordedMessage> sent = out.messages();
        int hanging = RecordedNotes.pair(sent, sent.isEmpty() ? 0 : sent.get(0).nanos(), TempoMap.constant(480, 120), 1).hanging();

        if (options.rollModel() != null) {
            paths.add(harmonizerPath(options, begin.apply("harmonizer: " + options.harmonizerNotes() + " melody notes")));
        }
        if (options.networkPhrases() > 0) {
            paths.add(networkPath(options, performer, begin.apply("network MIDI output (RTP-MIDI on loopback): "
                    + options.networkPhrases() + " calls")));
        }

        return new BenchResult(shape(net), kernel.implementation(), options.latencyMode(), priority, floor,
                LatencyReport.Percentiles.ofNanos(kernel.stepNanos()), LatencyReport.Percentiles.ofNanos(dl4j.stepNanos()),
                kernel.bytesPerStep(), dl4j.bytesPerStep(), performerBytes, paths, hanging, shell, counters);
    }

    /**
     * {@code calls} timed calls in bursts ({@link #burstCall}) into a session's {@code input}, its answers recorded by
     * {@code out}: one path, reported under {@code key} and {@code label}. A new case (another session, other
     * parameters) measures its own path with this and adds it to the result's paths.
     */
    static BenchResult.PathLatency bursts(Receiver input, RecordingReceiver out, int calls, String key, String label,
                                          Consumer<String> progress) {
        Histogram latency = histogram();
        int unanswered = 0;
        for (int call = 0; call < calls; call++) {
            if (!burstCall(input, out, call, latency)) unanswered++;
            tick(progress, call + 1, calls);
        }
        return new BenchResult.PathLatency(key, label, LatencyReport.Percentiles.ofNanos(latency), calls, unanswered);
    }

    /** {@code calls} timed calls paced as a person plays ({@link #pacedCall}). */
    private static BenchResult.PathLatency paced(Receiver input, RecordingReceiver out, int calls, long seed, Consumer<String> progress) {
        Histogram latency = histogram();
        int unanswered = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int call = 0; call < calls; call++) {
            if (!pacedCall(input, out, call, random, latency)) unanswered++;
            tick(progress, call + 1, calls);
        }
        return new BenchResult.PathLatency("paced", "call -> answer, paced 50-500 ms", LatencyReport.Percentiles.ofNanos(latency),
                calls, unanswered);
    }

    /** Tempo 240 BPM, answers of one to two beats, answering at once. */
    private static PerformerParameters callParameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, 240);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 1);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 2);
        return parameters;
    }

    private static ShellOptions shellOptions(BenchOptions options) {
        return ShellOptions.defaults().withShutdownHook(false).withLatencyMode(options.latencyMode());
    }

    /**
     * A one-note call (held 8 ms, barging into the answer before), 2 ms of silence, the answer-now controller; waits
     * for the answer's first note. Records into {@code latency} (null: not timed); returns whether it was answered.
     */
    private static boolean burstCall(Receiver input, RecordingReceiver out, int call, Histogram latency) {
        int key = 55 + call % 12;
        input.send(message(ShortMessage.NOTE_ON, key, 80), -1);
        LockSupport.parkNanos(BURST_HOLD_NANOS);
        input.send(message(ShortMessage.NOTE_OFF, key, 0), -1);
        LockSupport.parkNanos(BURST_GAP_NANOS);
        return answerNow(input, out, latency);
    }

    /** A note held for half of a gap of 50–500 ms, the answer-now controller, the answer sounding the rest of the gap. */
    private static boolean pacedCall(Receiver input, RecordingReceiver out, int call, SplittableRandom random, Histogram latency) {
        long gap = random.nextLong(PACED_MIN_NANOS, PACED_MAX_NANOS + 1);
        long start = System.nanoTime();
        int key = 55 + call % 12;
        input.send(message(ShortMessage.NOTE_ON, key, 80), -1);
        LockSupport.parkNanos(gap / 2);
        input.send(message(ShortMessage.NOTE_OFF, key, 0), -1);
        boolean answered = answerNow(input, out, latency);
        long rest = start + gap - System.nanoTime();
        if (rest > 0) LockSupport.parkNanos(rest);
        return answered;
    }

    private static boolean answerNow(Receiver input, RecordingReceiver out, Histogram latency) {
        ShortMessage answerNow = message(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);   // built before the clock starts
        int from = out.size();
        long handed = System.nanoTime();
        input.send(answerNow, -1);
        long first = awaitFirstNote(out, handed, from);
        if (first < 0) return false;
        if (latency != null) latency.recordValue(Math.min(first - handed, latency.getHighestTrackableValue()));
        return true;
    }

    /**
     * Melody notes in (soprano range, held 20 ms, 10 ms apart), the first voice under each out; on the player clock, as
     * {@code play} runs the harmonizer by default (each note heard by the beat tracker once its voices are out).
     */
    private static BenchResult.PathLatency harmonizerPath(BenchOptions options, Consumer<String> progress) {
        PerformerParameters parameters = options.rollParameters();
        parameters.set(Parameter.TEMPO_BPM, 120);
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, RECORDING_CAPACITY);
        Histogram latency = histogram();
        int unanswered = 0;
        try (LiveSession session = LiveSession.open(out, midiOut -> {
            Harmonizer harmonizer = new Harmonizer(options.rollModel(), options.rollFrameTicks(), parameters, options.seed(), midiOut);
            harmonizer.warmUp(Harmonizer.WARM_UP_FRAMES, Harmonizer.WARM_UP_ROUNDS);
            return harmonizer;
        }, shellOptions(options))) {
            Receiver input = session.input();
            int warmup = Math.max(1, options.harmonizerNotes() / 10);
            for (int note = 0; note < warmup + options.harmonizerNotes(); note++) {
                int key = 67 + (note * 5) % 12;
                ShortMessage melody = message(ShortMessage.NOTE_ON, key, 80);
                int from = out.size();
                long handed = System.nanoTime();
                input.send(melody, -1);
                long first = awaitFirstNote(out, handed, from);
                if (note >= warmup) {
                    if (first < 0) unanswered++;
                    else latency.recordValue(Math.min(first - handed, latency.getHighestTrackableValue()));
                    tick(progress, note - warmup + 1, options.harmonizerNotes());
                }
                LockSupport.parkNanos(HARMONY_HOLD_NANOS);
                input.send(message(ShortMessage.NOTE_OFF, key, 0), -1);
                LockSupport.parkNanos(HARMONY_GAP_NANOS);
            }
        }
        return new BenchResult.PathLatency("harmonizer", "melody note -> first voice", LatencyReport.Percentiles.ofNanos(latency),
                options.harmonizerNotes(), unanswered);
    }

    /**
     * The bursts again, the session's output an RTP-MIDI endpoint; a second endpoint on the loopback interface joins
     * it and records what it receives: the answer's first note is timed when the peer has parsed it.
     */
    private static BenchResult.PathLatency networkPath(BenchOptions options, Function<MidiOut, PerformerCore> performer,
                                                       Consumer<String> progress) throws Exception {
        RecordingReceiver heard = new RecordingReceiver(NanoClock.SYSTEM, RECORDING_CAPACITY);
        try (RtpMidiEndpoint antiphon = RtpMidiEndpoint.open(RtpMidiOptions.loopback("Antiphon bench").withPort(0));
             RtpMidiEndpoint peer = RtpMidiEndpoint.open(RtpMidiOptions.loopback("bench peer").withPort(0))) {
            peer.setReceiver(heard);
            CountDownLatch joined = new CountDownLatch(1);
            peer.setListener(new RtpMidiEndpoint.Listener() {
                @Override
                public void connected(RtpMidiPeer who) {
                    joined.countDown();
                }
            });
            peer.invite(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), antiphon.controlPort()));
            if (!joined.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the bench's RTP-MIDI peer could not join the session on the loopback interface");
            }
            try (LiveSession session = LiveSession.open(new RtpMidiReceiver(antiphon), performer, shellOptions(options))) {
                for (int call = 0; call < options.warmupPhrases(); call++) burstCall(session.input(), heard, call, null);
                return bursts(session.input(), heard, options.networkPhrases(), "network_output", "call -> answer at an RTP-MIDI peer",
                        progress);
            }
        }
    }

    /** When the first note-on from index {@code from}, at or after {@code since}, reached the output; -1 if none came in time. */
    private static long awaitFirstNote(RecordingReceiver out, long since, int from) {
        long deadline = System.nanoTime() + FIRST_NOTE_TIMEOUT_NANOS;
        long first;
        while ((first = out.firstNoteOnAt(since, from)) < 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        return first;
    }

    private static void tick(Consumer<String> progress, int done, int total) {
        if (done % Math.max(1, total / 10) == 0) progress.accept(percent(done, total));
    }

    private static String percent(int done, int total) {
        return (100 * done / total) + "%";
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    }

    static ShortMessage message(int command, int data1, int data2) {
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
