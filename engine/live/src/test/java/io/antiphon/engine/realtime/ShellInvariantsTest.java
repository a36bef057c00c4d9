package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.FailingStepModel;
import io.antiphon.engine.perform.MinimalFailure;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.RandomPerformance;
import io.antiphon.engine.perform.RandomPerformance.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output invariants through the whole shell ({@link SteppedShell}: input receiver, rings, performer loop,
 * scheduler) on simulated time, with an output port that fails now and then ({@link FlakyOutputPort}) and a model that
 * may throw ({@link FailingStepModel}): for any seeded performance, every message handed to the port keeps the
 * note-on/note-off pairing and the polyphony limit, nothing sounds 10 ms after a stop (all-notes-off, CC 120, 123,
 * the all-notes-off action), and nothing sounds after the shell stops, whether it stopped or the performer failed.
 */
class ShellInvariantsTest {

    private static final long MS = 1_000_000L;
    private static final int HUMAN_CHANNEL = 1;
    private static final int MACHINE_CHANNEL = 0;
    private static final long SETTLE_MS = 10; // more than the lookahead: what was queued before a stop has gone out

    private static long portFailures;
    private static long performerFailures;
    private static long notesAtThePort;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatReachesAFailingPortKeepsTheInvariants(long seed) {
        List<Step> steps = RandomPerformance.generate(seed, 60, true);
        if (run(seed, steps, true) != null) {
            throw new AssertionError(MinimalFailure.describe(seed, steps, candidate -> run(seed, candidate, false)));
        }
    }

    @AfterAll
    static void theSequencesExercisedWhatTheyCheck() {
        assertThat(notesAtThePort).as("notes handed to the port").isGreaterThan(200);
        assertThat(portFailures).as("sends that threw").isGreaterThan(20);
        assertThat(performerFailures).as("performer faults").isGreaterThan(0);
    }

    private static String run(long seed, List<Step> steps, boolean count) {
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.MODE, (int) (seed % 2));
        FlakyOutputPort port = new FlakyOutputPort(seed, 0.02, MACHINE_CHANNEL, parameters);
        SimulatedClock clock = new SimulatedClock();
        FailingStepModel model = new FailingStepModel(TinyPerformers.kernel());
        SteppedShell shell = new SteppedShell(port, out -> new Performer(model, parameters, seed, out),
                ShellOptions.defaults().withClock(clock).withShutdownHook(false));
        for (int index = 0; index < steps.size() && shell.failure().isEmpty(); index++) {
            Step step = steps.get(index);
            boolean silences = false;
            switch (step.kind()) {
                case NOTE_ON -> send(shell, ShortMessage.NOTE_ON, step.a(), step.b());
                case NOTE_OFF -> send(shell, step.a() % 2 == 0 ? ShortMessage.NOTE_OFF : ShortMessage.NOTE_ON, step.a(), 0);
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
                case REPLACE_MODEL -> {
                    // program changes are the loader thread's; the core's property test covers replaceModel
                }
                case FAULT -> model.failAtStep(step.a());
                case CLOCK_START -> system(shell, ShortMessage.START, 0, 0);
                case CLOCK_STOP -> system(shell, ShortMessage.STOP, 0, 0);
                case CLOCK_CONTINUE -> system(shell, ShortMessage.CONTINUE, 0, 0);
                case SONG_POSITION -> system(shell, ShortMessage.SONG_POSITION_POINTER, step.a(), step.b());
            }
            shell.step();
            if (silences && shell.failure().isEmpty()) {
                run(shell, clock, SETTLE_MS);
                if (port.sounding() != 0) return port.sounding() + " notes sound at the port " + SETTLE_MS + " ms after step " + index + ": " + step;
            }
            if (port.firstViolation() != null) return port.firstViolation() + " (step " + index + ": " + step + ")";
        }
        boolean failed = shell.failure().isPresent();
        shell.stop();
        if (port.firstViolation() != null) return port.firstViolation() + " (at the stop)";
        if (port.sounding() != 0) return port.sounding() + " notes sound at the port after the shell " + (failed ? "failed" : "stopped");
        if (count) {
            portFailures += port.failures();
            notesAtThePort += port.noteOns();
            if (failed) performerFailures++;
        }
        return null;
    }

    private static void run(SteppedShell shell, SimulatedClock clock, long millis) {
        for (long ms = 0; ms < millis && shell.failure().isEmpty(); ms++) {
            clock.advance(MS);
            shell.step();
        }
    }

    private static void system(SteppedShell shell, int status, int data1, int data2) {
        try {
            ShortMessage message = new ShortMessage();
            message.setMessage(status, data1, data2);
            shell.input().send(message, -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void send(SteppedShell shell, int command, int data1, int data2) {
        try {
            shell.input().send(new ShortMessage(command, HUMAN_CHANNEL, data1, data2), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
