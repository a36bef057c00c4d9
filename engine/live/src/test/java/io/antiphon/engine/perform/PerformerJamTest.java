package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PerformerJamTest {

    private static final long SECOND = 1_000 * MS;

    private static PerformerParameters jam() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        return parameters;
    }

    @Test
    void theMachineHearsTheHumanAndKeepsPlayingAndRemembersWhatSounded() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformerParameters parameters = jam();
        parameters.set(Parameter.DYNAMICS, 0); // what sounded is what the model played: its velocities, its ticks
        parameters.set(Parameter.FEEL, 0);
        // with a lookahead, a human event just before an already released machine event is heard after it (see
        // Performer); without one, what the model heard must be exactly what sounded, to the tick
        parameters.set(Parameter.LOOKAHEAD_MS, 0);
        PerformanceDriver driver = new PerformanceDriver(model, parameters, 77L);
        SplittableRandom random = new SplittableRandom(5);
        long[] busyUntil = new long[128];
        for (long t = 0; t < 29_000; t += 250 + random.nextInt(300)) {
            int pitch = 40 + 3 * random.nextInt(5);
            if (busyUntil[pitch] > t) continue; // the human's keys do not overlap themselves
            long length = 100 + random.nextInt(300);
            driver.note(t, length, pitch, 68);
            busyUntil[pitch] = t + length;
        }
        long[] noteOnsBySecond = new long[31];
        for (int s = 1; s <= 30; s++) {
            driver.runTo(s * SECOND);
            noteOnsBySecond[s] = driver.out.noteOns();
        }
        driver.performer.allNotesOff(driver.now());

        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        for (int s = 5; s <= 30; s += 5) {
            assertThat(noteOnsBySecond[s] - noteOnsBySecond[s - 5]).as("machine notes in the 5 s before %d s", s).isPositive();
        }
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
        assertThat(model.restores()).as("human notes fell inside generated time").isPositive();
        int[] heard = model.heard();
        assertThat(TokenDecoder.decode(heard)).containsExactlyElementsOf(driver.soundedNotes());
        StepModel fresh = TestModels.kernel();
        float[] p = new float[Vocabulary.SIZE];
        for (int token : heard) fresh.step(token, p);
        RecurrentState expected = fresh.newState();
        fresh.saveState(expected);
        ModelStreamTest.assertFedTheSame(model.state(), expected);
    }

    @Tag("timing")

    @Test
    void aTenMinuteJamLeavesNoHangingNoteAndAllocatesNothingOnceWarm() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = jam();
        RecordingMidiOut out = new RecordingMidiOut(0);
        Performer performer = new Performer(TestModels.kernel(), parameters, 2024L, out);
        ScriptedHumanPart session = new ScriptedHumanPart(performer, humanPart(600 * SECOND, 31L));

        assertThat(performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS)).as("the JIT settled").isTrue();
        session.runFor(60 * SECOND);
        long noteOnsAfterWarmUp = out.noteOns();
        long[] bytesPerMinute = AllocationRounds.bytesPerRound(9, () -> session.runFor(60 * SECOND));
        performer.allNotesOff(session.now);

        assertThat(session.delivered).isEqualTo(session.times.length);
        assertThat(out.noteOns() - noteOnsAfterWarmUp).as("the machine kept playing").isGreaterThan(1_000);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).as("hanging notes").isZero();
        assertThat(out.maxSounding()).isLessThanOrEqualTo(parameters.maxPolyphony());
        AllocationRounds.assertNothingAllocatedOnceWarm(bytesPerMinute);
    }

    /** About three human notes a second (some chords), sustain pedal now and then, a temperature knob turned every 30 s. */
    static long[][] humanPart(long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> events = new ArrayList<>();
        long[] busyUntil = new long[128];
        for (long t = 0; t < length - 2 * SECOND; t += (150 + random.nextInt(350)) * MS) {
            int voices = random.nextInt(6) == 0 ? 3 : 1;
            for (int v = 0; v < voices; v++) {
                int pitch = 45 + random.nextInt(36);
                if (busyUntil[pitch] > t) continue;
                long end = t + (80 + random.nextInt(800)) * MS;
                busyUntil[pitch] = end + MS;
                events.add(new long[] {t, 0x90, pitch, 30 + random.nextInt(90)});
                events.add(new long[] {end, 0x80, pitch, 0});
            }
        }
        for (long t = 10 * SECOND; t < length; t += 30 * SECOND) {
            events.add(new long[] {t, 0xB0, 16, random.nextInt(128)});
            events.add(new long[] {t + 3 * SECOND, 0xB0, 64, 127});
            events.add(new long[] {t + 5 * SECOND, 0xB0, 64, 0});
        }
        events.sort(Comparator.comparingLong(e -> e[0]));
        return events.toArray(new long[0][]);
    }
}
