package io.antiphon.cli;

import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.harness.DemoOptions;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.harness.DemoResult;
import io.antiphon.engine.harness.DemoSession;
import io.antiphon.engine.harness.HarmonizeDemo;
import io.antiphon.engine.harness.HarmonizeDemoOptions;
import io.antiphon.engine.harness.HarmonizeDemoResult;
import io.antiphon.engine.harness.SessionWatch;
import io.antiphon.ui.LivePage;
import io.antiphon.ui.PageSession;
import io.antiphon.engine.perform.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon demo}: the main job on the embedded default, no MIDI hardware needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Play a call phrase into the real-time engine and record the answer: no MIDI hardware needed.",
                "The JDK Sequencer plays the call (the shipped two-bar phrase, or --call FILE.mid) in real time through the full",
                "real-time shell; the preset answers. Writes DIR/session.wav (Gervill), DIR/session.mid (track 1 the human,",
                "track 2 Antiphon) and DIR/session.png (piano roll).",
                "With --mode harmonize the sequencer plays a melody (the shipped eight-bar chorale soprano line, or --melody",
                "FILE.mid) and a piano-roll preset (default chorale-roll) adds up to three voices under every note; session.mid",
                "then holds track 1 the melody and tracks 2-4 the voices (alto, tenor, bass)."})
final class DemoCommand implements Callable<Integer> {

    enum Mode { call, harmonize }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for session.wav, session.mid and session.png.")
    Path out;

    @Option(names = "--mode", description = "call (call-and-response) or harmonize (default: the mode the preset serves, call without --preset).")
    Mode mode;

    @Option(names = "--preset", description = "A preset name (shipped or yours, see antiphon presets), preset .json file, or model bundle file (default chorale; chorale-roll with --mode harmonize).")
    String preset;

    @Option(names = "--call", paramLabel = "FILE.mid", description = "The call to play instead of the shipped phrase.")
    Path call;

    @Option(names = "--melody", paramLabel = "FILE.mid", description = "With --mode harmonize: the melody to play instead of the shipped one.")
    Path melody;

    @Mixin
    LatencyModeOption latency = new LatencyModeOption();

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed: the same seed plays the same answer (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", defaultValue = "KERNEL", description = "Step engine: KERNEL (allocation-free) or DL4J (reference rnnTimeStep) (default ${DEFAULT-VALUE}).")
    StepEngine engine;

    @Option(names = "--max-wait", defaultValue = "20", description = "Seconds the answer (or the voices) may take after the call (melody) ends (default ${DEFAULT-VALUE}).")
    double maxWait;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    ParameterOptions parameterOptions;

    @Mixin
    LivePageOptions page;

    @Option(names = "--linger", paramLabel = "SECONDS", defaultValue = "0",
            description = "With --ui: keep the live page up this long after the performance (default ${DEFAULT-VALUE}).")
    double linger;

    /** In the order of the clock parameter's choices that a demo can use. */
    enum Clock { internal, player }

    @Option(names = "--clock", defaultValue = "player", description = {"player (the tempo and beat heard from the call or melody",
            "as it plays; nothing is read from the file's tempo) or internal (the preset's tempo_bpm, or --tempo; with --mode",
            "harmonize the melody file's tempo) (default ${DEFAULT-VALUE})."})
    Clock clock;

    /** --set and --tempo, checked before any work. */
    private Map<Parameter, Double> settings;

    @Override
    public Integer call() throws Exception {
        PathChecks.outputFolder(out, "--out");
        settings = parameterOptions.check();
        page.check();
        if (linger < 0 || linger > 86_400) throw new IllegalArgumentException("--linger takes 0..86400 seconds, got " + linger);
        if (linger > 0 && !page.enabled()) throw new IllegalArgumentException("--linger goes with --ui");
        PathChecks.inputFile(call, "--call");
        PathChecks.inputFile(melody, "--melody");
        if (mode == null) mode = ModelSource.harmonizes(preset) ? Mode.harmonize : Mode.call;
        if (mode == Mode.harmonize) return harmonize();
        if (melody != null) throw new IllegalArgumentException("--melody goes with --mode harmonize; a call is given with --call");
        if (call != null) checkPlayable(call, "--call");   // a broken call is refused before the model loads
        LoadedPreset loaded = LoadedPreset.load(preset == null ? "chorale" : preset, engine);
        ParameterOptions.applyTo(settings, loaded.parameters());
        loaded.parameters().set(Parameter.CLOCK, (clock == Clock.player ? ClockSource.PLAYER : ClockSource.INTERNAL).ordinal());
        ParameterOptions.playerEntrance(settings, loaded.entry().preset(), loaded.parameters());
        LivePage livePage = page.start(loaded.parameters(), false, out, System.err);
        DemoResult result;
        try {
            result = DemoSession.run(new DemoOptions(out, loaded.model(), loaded.parameters(), seed, call, maxWait, watch(livePage))
                    .withLatencyMode(latency.mode()));
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (livePage != null) livePage.close();
            throw e;
        }

        Map<String, Object> map = result.toMap();
        if (json) {
            System.out.println(Json.pretty(map));
        } else {
            System.out.printf("call: %d notes; answer: %d notes, first answer note %.1f ms after the phrase-end decision; hanging notes: %d%n",
                    result.callNotes(), result.answerNotes(), result.answerStartMs(), result.hangingNotes());
            System.out.printf("clock %s: tempo %.1f BPM, bar:beat %s%s%n", result.clock(), result.tempoBpm(), result.barBeat(),
                    result.beatFound() ? "" : " (no beat found)");
            if (result.lateCallNotes() > 0) {
                System.out.printf("%d call notes reached the performer late (the machine was busy): another run with the same seed"
                        + " may answer differently%n", result.lateCallNotes());
            }
            System.out.println("wrote " + out.resolve("session.wav") + ", " + out.resolve("session.mid") + ", " + out.resolve("session.png"));
        }
        linger(livePage);
        return 0;
    }

    /** The live page watches the demo's session: it learns of it as it opens. */
    private static SessionWatch watch(LivePage livePage) {
        return livePage == null ? SessionWatch.NONE
                : new SessionWatch(livePage.observer(), session -> livePage.attach(PageSession.of(session)));
    }

    /** After the performance: the page shows it for --linger seconds, then closes. */
    private void linger(LivePage livePage) throws InterruptedException {
        if (livePage == null) return;
        try {
            livePage.detach();
            if (linger > 0) {
                System.err.printf("the live page stays up for %.0f s at %s%n", linger, livePage.url());
                Thread.sleep(Math.round(linger * 1000));
            }
        } finally {
            livePage.close();
        }
    }

    private Integer harmonize() throws Exception {
        if (call != null) throw new IllegalArgumentException("--call goes with --mode call; a melody is given with --melody");
        if (melody != null) checkPlayable(melody, "--melody");   // a broken melody is refused before the model loads
        LoadedRollPreset roll = LoadedRollPreset.load(preset == null ? LoadedRollPreset.DEFAULT : preset, engine);
        ParameterOptions.applyTo(settings, roll.parameters());
        roll.parameters().set(Parameter.CLOCK, (clock == Clock.player ? ClockSource.PLAYER : ClockSource.INTERNAL).ordinal());
        LivePage livePage = page.start(roll.parameters(), false, out, System.err);
        HarmonizeDemoResult result;
        try {
            result = HarmonizeDemo.run(new HarmonizeDemoOptions(out, roll.model(), roll.frameTicks(), roll.parameters(), seed,
                    melody, maxWait, watch(livePage)).withLatencyMode(latency.mode()));
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (livePage != null) livePage.close();
            throw e;
        }
        if (json) {
            System.out.println(Json.pretty(result.toMap()));
        } else {
            System.out.printf("melody: %d notes, %d accompanied (voices below each, sounding with it); %s;"
                            + " %d voice notes; hanging notes: %d%n", result.melodyNotes(), result.accompaniedMelodyNotes(),
                    voicesInWords(result.voicesPerNote()), result.voiceNotes(), result.hangingNotes());
            System.out.printf("clock %s: tempo %.1f BPM%s%n", result.clock(), result.tempoBpm(),
                    result.beatFound() ? "" : " (no beat found)");
            if (result.lateMelodyNotes() > 0) {
                System.out.printf("%d melody notes reached the harmonizer late (the machine was busy): another run with the same"
                        + " seed may voice them differently%n", result.lateMelodyNotes());
            }
            System.out.println("wrote " + out.resolve("session.wav") + ", " + out.resolve("session.mid") + ", " + out.resolve("session.png"));
        }
        linger(livePage);
        return 0;
    }

    /** How many melody notes had how many voices, in words: {@code 25 notes with 3 voices, 3 with 2}. */
    static String voicesInWords(Map<Integer, Integer> voicesPerNote) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        new java.util.TreeMap<>(voicesPerNote).descendingMap().forEach((voices, notes) -> {
            if (notes == 0) return;
            String count = parts.isEmpty() ? notes + (notes == 1 ? " note" : " notes") + " with " : notes + " with ";
            parts.add(count + voices + (voices == 1 ? " voice" : " voices"));
        });
        return parts.isEmpty() ? "no melody note heard" : String.join(", ", parts);
    }

    /** The lowest and highest keys of an 88-key piano (A0, C8): the performer's vocabulary. */
    static final int LOWEST_KEY = 21;
    static final int HIGHEST_KEY = 108;

    /**
     * Refuses a MIDI file that cannot be read, has no notes, or whose notes all lie outside the 88 keys (nothing the
     * performer could hear), in one sentence naming it.
     */
    static void checkPlayable(java.nio.file.Path file, String option) throws java.io.IOException {
        java.util.List<io.antiphon.midi.file.Note> notes = io.antiphon.midi.file.MidiFileReader.read(file).pitchedNotes();
        if (notes.isEmpty()) throw new IllegalArgumentException(option + " " + file + " has no notes to play");
        if (notes.stream().noneMatch(n -> n.pitch() >= LOWEST_KEY && n.pitch() <= HIGHEST_KEY)) {
            throw new IllegalArgumentException(option + " " + file + ": none of its " + notes.size() + " notes is on the 88 keys"
                    + " of a piano (MIDI " + LOWEST_KEY + ".." + HIGHEST_KEY + ", A0..C8), so there is nothing to answer");
        }
    }
}
