package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.realtime.DemoOptions;
import io.antiphon.engine.realtime.DemoResult;
import io.antiphon.engine.realtime.DemoSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon demo}: the main job on the embedded default, no MIDI hardware needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Play a call phrase into the real-time engine and record the answer: no MIDI hardware needed.",
                "The JDK Sequencer plays the call (the shipped two-bar phrase, or --call FILE.mid) in real time through the full",
                "real-time shell; the preset answers. Writes DIR/session.wav (Gervill), DIR/session.mid (track 1 the human,",
                "track 2 Antiphon) and DIR/session.png (piano roll)."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for session.wav, session.mid and session.png.")
    Path out;

    @Option(names = "--preset", defaultValue = "chorale", description = "Preset name or preset .json file (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--call", paramLabel = "FILE.mid", description = "The call to play instead of the shipped phrase.")
    Path call;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", defaultValue = "KERNEL", description = "Step engine: KERNEL (allocation-free) or DL4J (reference rnnTimeStep) (default ${DEFAULT-VALUE}).")
    StepEngine engine;

    @Option(names = "--max-wait", defaultValue = "20", description = "Seconds the answer may take after the call ends (default ${DEFAULT-VALUE}).")
    double maxWait;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (call != null && !java.nio.file.Files.isRegularFile(call)) {
            throw new java.nio.file.NoSuchFileException(call + " (the --call MIDI file does not exist)");
        }
        if (call != null) io.antiphon.midi.MidiFileReader.read(call);   // a broken call is refused before the model loads
        LoadedPreset loaded = LoadedPreset.load(preset, engine);
        DemoResult result = DemoSession.run(new DemoOptions(out, loaded.model(), loaded.parameters(), seed, call, maxWait));
        Map<String, Object> map = result.toMap();
        if (json) {
            System.out.println(Json.pretty(map));
        } else {
            System.out.printf("call: %d notes; answer: %d notes, first answer note %.1f ms after the phrase-end decision; hanging notes: %d%n",
                    result.callNotes(), result.answerNotes(), result.answerStartMs(), result.hangingNotes());
            System.out.println("wrote " + out.resolve("session.wav") + ", " + out.resolve("session.mid") + ", " + out.resolve("session.png"));
        }
        return 0;
    }
}
