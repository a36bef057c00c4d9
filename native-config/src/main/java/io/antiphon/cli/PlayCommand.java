package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.midi.PortWatcher;
import io.antiphon.midi.SupervisedInput;
import io.antiphon.midi.SupervisedOutput;
import io.antiphon.midi.net.NetMidiPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code antiphon play}: live performance between real MIDI ports. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play live: listen on a MIDI input, answer on a MIDI output. Ports are chosen by a case-insensitive",
                "part of their name (see `antiphon devices`). A port unplugged mid-performance is waited for and reopened",
                "(an output gets all-notes-off first). Ctrl-C stops cleanly: every sounding note is released."})
final class PlayCommand implements Callable<Integer> {

    enum Mode { call, jam }

    @Option(names = "--in", required = true, paramLabel = "NAME", description = "MIDI input port (the keyboard), or net:NAME to open a network MIDI session.")
    String in;

    @Option(names = "--out", required = true, paramLabel = "NAME",
            description = "MIDI output port (the synth or DAW), net:HOST:PORT to invite a network MIDI session, or net:NAME (as --in) to answer its peers.")
    String out;

    @Mixin
    NetMidiOptions net;

    @Option(names = "--preset", defaultValue = "chorale", description = "Preset name or preset .json file (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--mode", defaultValue = "call", description = "call (call-and-response) or jam (default ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--engine", defaultValue = "KERNEL", description = "Step engine: KERNEL or DL4J (reference) (default ${DEFAULT-VALUE}).")
    StepEngine engine;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        try (PortWatcher watcher = PortWatcher.forThisMachine(new PortEventsPrinter(System.err));
             NetMidiPorts netPorts = net.open(in, out, System.err)) {
            SupervisedOutput portOutput = NetMidiPorts.isNet(out) ? null : watcher.openOutput(out);
            Receiver output = portOutput != null ? portOutput : netPorts.openOutput(out);
            SupervisedInput portInput = NetMidiPorts.isNet(in) ? null : watcher.openInput(in);
            Transmitter netInput = portInput != null ? null : netPorts.openInput(in);
            LoadedPreset loaded = LoadedPreset.load(preset, engine);
            loaded.parameters().set(Parameter.MODE, mode.ordinal());
            PerformerWarmUp.run(loaded.model(), loaded.parameters(), PerformerWarmUp.DEFAULT_CALLS, seed);
            ShellOptions options = ShellOptions.defaults().withProgramLoader(LoadedPreset.programLoader(engine));
            try (LiveSession session = LiveSession.open(output,
                    midiOut -> new Performer(loaded.model(), loaded.parameters(), seed, midiOut), options)) {
                if (portInput != null) portInput.connect(session.input());
                else netInput.setReceiver(session.input());
                watcher.start();
                CountDownLatch stop = new CountDownLatch(1);
                Thread hook = new Thread(stop::countDown, "antiphon-play-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                System.err.printf("playing: %s -> %s, preset %s, %s mode (Ctrl-C to stop)%n", portInput != null ? portInput.name() : netPorts.describe(in),
                        portOutput != null ? portOutput.name() : netPorts.describe(out),
                        loaded.entry().preset().name(), mode);
                PerformerStatus status = new PerformerStatus();
                while (session.isRunning() && !stop.await(250, TimeUnit.MILLISECONDS)) {
                    if (session.readStatus(status)) printStatus(System.err, status, session.latency());
                }
                System.err.println();
                if (session.failure().isPresent()) {
                    throw new IllegalStateException("the performer stopped: " + session.failure().get().getMessage());
                }
            }
        }
        return 0;
    }

    private static void printStatus(PrintStream err, PerformerStatus s, LatencyReport latency) {
        err.printf("\r%-6s %-10s tempo %5.1f  temp %.2f  keys %d  notes %d  answers %d  in->out p99 %s   ",
                s.mode() == io.antiphon.engine.perform.PerformerMode.JAM ? "jam" : "call", s.phase().name().toLowerCase(),
                s.tempoBpm(), s.temperature(), s.humanKeysDown(), s.machineNotesSounding(), s.answers(),
                latency.inputToOutput().count() == 0 ? "-" : String.format("%.0f us", latency.inputToOutput().p99()));
    }
}
