package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerCore;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.SessionRecording;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.midi.endpoint.MidiHub;
import io.antiphon.ui.LivePage;
import io.antiphon.ui.PageSession;
import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.virtual.VirtualPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sound.midi.Receiver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code antiphon play}: live performance between real MIDI ports. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play live: listen on a MIDI input, answer on a MIDI output. Each is a port, chosen by a case-insensitive "
                + "part of its name (see `antiphon devices`), net:NAME or net:HOST:PORT (network MIDI), or virtual[:NAME] (a "
                + "virtual device). A port unplugged mid-performance is waited for and reopened (an output gets all-notes-off "
                + "first). Ctrl-C stops cleanly: every sounding note is released.")
final class PlayCommand implements Callable<Integer> {

    enum Mode { call, jam, harmonize }

    /** In the order of the clock parameter's choices. */
    enum Clock { internal, follow, master, player }

    @Option(names = "--in", paramLabel = "NAME", description = "MIDI input (the keyboard): a part of a port's name, net:NAME to open a "
            + "network MIDI session, net:HOST:PORT to invite one, or virtual[:NAME] for a virtual device a DAW plays into.")
    String in;

    @Option(names = "--out", paramLabel = "NAME",
            description = "MIDI output (the synth or DAW): a part of a port's name, net:HOST:PORT to invite a network MIDI session, "
                    + "net:NAME (as --in) to answer its peers, or virtual[:NAME] for a virtual device a DAW reads.")
    String out;

    @Option(names = "--virtual", arity = "0..1", fallbackValue = VirtualPorts.DEFAULT_NAME, paramLabel = "NAME",
            description = "Create a virtual MIDI device NAME (default " + VirtualPorts.DEFAULT_NAME + ") that a DAW plays into "
                    + "(port 'NAME in') and reads the answers from ('NAME out'), for the sides --in/--out do not name "
                    + "(shorthand for virtual:NAME).")
    String virtual;

    @Mixin
    NetMidiOptions net;

    @Mixin
    ParameterOptions parameterOptions;

    @Mixin
    LivePageOptions page;

    /** --set and --tempo, checked before any port opens. */
    private java.util.Map<Parameter, Double> settings;

    @Option(names = "--preset", description = "A preset name (shipped or yours, see antiphon presets), preset .json file, or model bundle file (default chorale; chorale-roll with --mode harmonize).")
    String preset;

    @Option(names = "--mode", description = {"call (call-and-response), jam, or harmonize (voices under your",
            "melody from a piano-roll preset) (default: the mode the preset serves, call without --preset)."})
    Mode mode;

    @Option(names = "--engine", defaultValue = "KERNEL", description = "Step engine: KERNEL or DL4J (reference) (default ${DEFAULT-VALUE}).")
    StepEngine engine;

    @Mixin
    LatencyModeOption latency = new LatencyModeOption();

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clock", defaultValue = "player", description = {"Musical time: player (your tempo and beat, heard from",
            "your notes; --tempo is the tempo expected first, --tempo-lock keeps it; tap tempo on CC 89),",
            "internal (the preset's tempo_bpm), follow (the MIDI clock arriving on --in: tempo, Start/Stop/Continue,",
            "song position and bars from the host), or master (send MIDI clock to --out) (default ${DEFAULT-VALUE})."})
    Clock clock;

    @Option(names = "--metronome-channel", paramLabel = "N", description = "With --clock master: a click on every beat on "
            + "MIDI channel N (1..16; 10 is General MIDI percussion), accented on the bar line.")
    Integer metronomeChannel;

    @Option(names = "--clock-in", paramLabel = "NAME", description = "With --clock follow: the MIDI input the host's clock "
            + "arrives on, when it is not --in (e.g. a DAW's virtual port while you play a keyboard): a port, or virtual[:NAME].")
    String clockIn;

    @Option(names = "--record", paramLabel = "FILE.mid", description = {"Write the session to FILE.mid when play stops, however",
            "it stops (Ctrl-C, SIGTERM, a failure): track 1 your notes, track 2 Antiphon's."})
    Path record;

    @Option(names = "--no-session-learning", description = {"Do not fine-tune the model on the session (the slow memory: after each",
            "phrase a background thread learns your latest phrases within a quarter of one core, the new weights",
            "entering at phrase boundaries). The fast memory still adapts, by the adapt parameter (CC 102)."})
    boolean noSessionLearning;

    @Option(names = "--save-session", paramLabel = "NAME", description = {"When play stops, keep what the session learned as your",
            "preset NAME (the fine-tuned weights and the preset's parameters): play it later with --preset NAME."})
    String saveSession;

    /** Messages recorded per side: about 12 MB each, hours of playing. */
    private static final int RECORDING_CAPACITY = 1 << 20;
    /** How long the shutdown hook waits for the session to close, the recording to be written and the ports to close. */
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    @Override
    public Integer call() throws Exception {
        PathChecks.outputFile(record, "--record");   // before any port opens or a note is played
        SessionLearning.checkName(saveSession);
        settings = parameterOptions.check();
        page.check();
        checkClockOptions();
        if (mode == null) mode = defaultMode(preset);
        if (mode == Mode.harmonize && saveSession != null) throw new IllegalArgumentException("--save-session keeps what a call or jam session learned; harmonize mode does not learn");
        CountDownLatch finished = new CountDownLatch(1);   // the shutdown hook waits for it: ports closed, network peers told
        try {
            return play(finished);
        } finally {
            finished.countDown();
        }
    }

    private Integer play(CountDownLatch finished) throws Exception {
        try (MidiHub endpoints = openEndpoints()) {
            Receiver output = endpoints.output().receiver();
            PerformerParameters parameters;
            String presetName;
            Function<MidiOut, PerformerCore> core;
            ShellOptions options = ShellOptions.defaults().withLatencyMode(latency.mode());
            SessionLearning learning = null;
            if (mode == Mode.harmonize) {
                LoadedRollPreset roll = LoadedRollPreset.load(preset == null ? LoadedRollPreset.DEFAULT : preset, engine);
                parameters = roll.parameters();
                ParameterOptions.applyTo(settings, parameters);
                presetName = roll.entry().preset().name();
                parameters.set(Parameter.MODE, mode.ordinal());
                setClock(parameters);
                core = midiOut -> roll.harmonizer(seed, midiOut);
                options = options.withProgramLoader(ProgramPresets.forHarmonizer(engine));
            } else {
                LoadedPreset loaded = LoadedPreset.load(preset == null ? "chorale" : preset, engine);
                parameters = loaded.parameters();
                ParameterOptions.applyTo(settings, parameters);
                presetName = loaded.entry().preset().name();
                parameters.set(Parameter.MODE, mode.ordinal());
                setClock(parameters);
                ParameterOptions.playerEntrance(settings, loaded.entry().preset(), parameters);
                PerformerWarmUp.run(loaded.model(), parameters, PerformerWarmUp.DEFAULT_CALLS, seed);
                SessionLearning sessionLearning = SessionLearning.start(loaded, parameters, !noSessionLearning, saveSession);
                learning = sessionLearning;
                core = midiOut -> sessionLearning.attachTo(new Performer(loaded.model(), parameters, seed, midiOut));
                options = options.withProgramLoader(ProgramPresets.forEvents(engine));
            }
            SessionRecording recording = record == null ? null : new SessionRecording(NanoClock.SYSTEM, RECORDING_CAPACITY);
            Path recordFolder = record != null && record.toAbsolutePath().getParent() != null ? record.toAbsolutePath().getParent() : Path.of("");
            LivePage livePage = page.start(parameters, mode != Mode.harmonize, recordFolder, System.err);
            if (livePage != null) options = options.withObserver(livePage.observer());
            // Ctrl-C and SIGTERM run the shutdown hooks, then the JVM halts: this hook stops the loop below and waits
            // (bounded) until the session has closed (all notes off), the recording is written and the ports are closed.
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                awaitQuietly(finished);
            }, "antiphon-play-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                try (LiveSession session = LiveSession.open(recording == null ? output : recording.machine(output), core, options)) {
                    if (livePage != null) livePage.attach(PageSession.of(session));
                    Receiver sessionInput = recording == null ? session.input() : recording.human(session.input());
                    endpoints.input().connect(sessionInput);
                    endpoints.clockInput().ifPresent(clock -> clock.connect(session.input()));
                    endpoints.start();
                    System.err.printf("playing: %s, preset %s, %s mode (Ctrl-C to stop)%n", endpoints.describe(), presetName, mode);
                    System.err.printf("%s; latency mode %s%n", session.priority().sentence(), latency.mode().id());
                    PerformerStatus status = new PerformerStatus();
                    StatusLine statusLine = new StatusLine(System.err, StderrTerminal.isTerminal());
                    while (session.isRunning() && !stop.await(250, TimeUnit.MILLISECONDS)) {
                        if (session.readStatus(status)) statusLine.update(status, session.latency(), session.counters(), System.nanoTime());
                    }
                    statusLine.finish();
                    if (session.failure().isPresent()) {
                        throw new IllegalStateException("the performer stopped: " + session.failure().get().getMessage());
                    }
                }
            } finally {
                if (livePage != null) {
                    livePage.detach();
                    livePage.close();
                }
                if (recording != null) writeRecording(recording, parameters);
                if (learning != null) learning.close();   // the performer has stopped: the learner's weights are settled
            }
        }
        return 0;
    }

    /** The mode the preset serves (its {@code mode} parameter: a jam preset jams), call without a preset. */
    static Mode defaultMode(String preset) throws IOException {
        return Mode.valueOf(ModelSource.servedMode(preset));
    }

    /**
     * Opens the sides --in and --out name, --virtual standing for virtual:NAME on the sides they do not name, and the
     * clock input; or refuses in one sentence.
     */
    private MidiHub openEndpoints() throws MidiPortException {
        String inSpec = in != null ? in : virtual != null ? "virtual:" + virtual : null;
        String outSpec = out != null ? out : virtual != null ? "virtual:" + virtual : null;
        if (inSpec == null || outSpec == null) {
            throw new IllegalArgumentException("give the ports to play between with --in NAME and --out NAME (a part of a port's "
                    + "name, see `antiphon devices`; net:NAME for network MIDI; virtual[:NAME] for a virtual MIDI device), "
                    + "or create a virtual MIDI device for the sides not given with --virtual [NAME]");
        }
        return MidiHub.open(inSpec, outSpec, clockIn, MidiHub.Setup.forThisMachine(net::options,
                new PortEventsPrinter(System.err), new NetSessionPrinter(System.err)));
    }

    /** Writes the recording; a failure to write is one line on stderr (the session has ended either way). */
    private void writeRecording(SessionRecording recording, PerformerParameters parameters) {
        try {
            int[] notes = recording.write(record, parameters.tempoBpm(), parameters.outputChannel() - 1);
            System.err.printf("recorded %d notes of yours and %d of Antiphon's to %s%s%n", notes[0], notes[1], record,
                    recording.overflow() > 0 ? " (" + recording.overflow() + " messages past the recording's capacity were not kept)" : "");
        } catch (IOException | RuntimeException e) {
            System.err.println("antiphon: the recording could not be written to " + record + ": " + e.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses --clock-in without --clock follow, --metronome-channel without --clock master or outside 1..16, before
     * any port is opened.
     */
    private void checkClockOptions() {
        if (clockIn != null && clock != Clock.follow) throw new IllegalArgumentException("--clock-in needs --clock follow");
        if (metronomeChannel == null) return;
        if (clock != Clock.master) throw new IllegalArgumentException("--metronome-channel needs --clock master");
        if (metronomeChannel < 1 || metronomeChannel > 16) {
            throw new IllegalArgumentException("--metronome-channel must be a MIDI channel 1..16, got " + metronomeChannel);
        }
    }

    /** Applies --clock and --metronome-channel. */
    private void setClock(PerformerParameters parameters) {
        parameters.set(Parameter.CLOCK, clock.ordinal());
        if (metronomeChannel == null) return;
        if (metronomeChannel == parameters.outputChannel()) {
            throw new IllegalArgumentException("--metronome-channel " + metronomeChannel
                    + " is the preset's output_channel: choose another channel for the clicks");
        }
        parameters.set(Parameter.METRONOME_CHANNEL, metronomeChannel);
    }
}
