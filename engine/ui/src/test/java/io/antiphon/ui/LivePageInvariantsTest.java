package io.antiphon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.RandomPerformance;
import io.antiphon.engine.perform.RandomPerformance.Step;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.realtime.SimulatedClock;
import io.antiphon.engine.realtime.SteppedShell;
import io.antiphon.engine.realtime.TinyPerformers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell's output invariants hold with the page open and a browser connected: seeded random performances (notes,
 * controllers, pitch bend, stops, time; half of them with the machine planning a bar ahead) through the whole shell with
 * the page's ring as observer; no key is struck twice
 * at the port without a release, nothing sounds 10 ms after a stop or after the shell stops, and the page's ring
 * dropped nothing.
 */
class LivePageInvariantsTest {

    private static final long MS = 1_000_000L;
    private static final long SETTLE_MS = 10;

    @TempDir
    static Path folder;
    private static LivePage page;
    private static PageClient browser;
    private static long notesAtThePort;

    @BeforeAll
    static void openThePage() {
        PageOptions options = new PageOptions(InetAddress.getLoopbackAddress(), 0, null, List.of(), false, folder, NanoClock.SYSTEM);
        page = LivePage.start(options, new PerformerParameters());
        browser = new PageClient(page).connect();
    }

    @AfterAll
    static void closeThePage() {
        browser.close();
        page.close();
        assertThat(notesAtThePort).as("notes handed to the port").isGreaterThan(200);
        assertThat(page.droppedEvents()).isZero();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theOutputKeepsItsInvariantsWithThePageOpen(long seed) throws InvalidMidiDataException {
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.MODE, (int) (seed % 2));
        if (seed % 4 < 2) parameters.set(Parameter.PLAN_BEATS, 4);   // the machine plans a bar ahead: the page draws it
        SimulatedClock clock = new SimulatedClock();
        PortChecker port = new PortChecker();
        SteppedShell shell = new SteppedShell(port, out -> new Performer(TinyPerformers.kernel(), parameters, seed, out),
                ShellOptions.defaults().withClock(clock).withShutdownHook(false).withObserver(page.observer()));
        List<Step> steps = RandomPerformance.generate(seed, 60, false);
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            boolean silences = false;
            switch (step.kind()) {
                case NOTE_ON -> send(shell, ShortMessage.NOTE_ON, step.a(), step.b());
                case NOTE_OFF -> send(shell, ShortMessage.NOTE_OFF, step.a(), 0);
                case CONTROL -> {
                    send(shell, ShortMessage.CONTROL_CHANGE, step.a(), step.b());
                    silences = step.a() == 120 || step.a() == 123 || step.a() == 82 && step.b() >= 64;
                }
                case PITCH_BEND -> send(shell, ShortMessage.PITCH_BEND, step.a(), step.b());
                case ADVANCE -> run(shell, clock, step.a());
                case STOP -> {
                    shell.allNotesOff();
                    silences = true;
                }
                default -> {
                    // faults, model switches and the external clock are the shell's own invariants test's
                }
            }
            shell.step();
            if (silences) {
                run(shell, clock, SETTLE_MS);
                assertThat(port.sounding()).as("notes sounding %d ms after step %d: %s", SETTLE_MS, index, step).isZero();
            }
            assertThat(port.firstViolation()).as("after step %d: %s", index, step).isNull();
        }
        shell.stop();
        assertThat(shell.failure()).isEmpty();
        assertThat(port.firstViolation()).isNull();
        assertThat(port.sounding()).as("notes sounding after the shell stopped").isZero();
        notesAtThePort += port.noteOns();
    }

    private static void run(SteppedShell shell, SimulatedClock clock, long millis) {
        for (long ms = 0; ms < millis; ms++) {
            clock.advance(MS);
            shell.step();
        }
    }

    private static void send(SteppedShell shell, int command, int data1, int data2) throws InvalidMidiDataException {
        shell.input().send(new ShortMessage(command, 1, data1 & 0x7F, data2 & 0x7F), -1);
    }
}
