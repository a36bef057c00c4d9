package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenEncoder;
import io.antiphon.presets.Preset;
import org.junit.jupiter.api.Test;

class PerformerControlsTest {

    private static final long SECOND = 1_000 * MS;

    /** Remembers what the performer told it. */
    private static final class RecordingListener implements PerformerListener {
        final List<Integer> programs = new ArrayList<>();
        final List<String> changes = new ArrayList<>();

        @Override
        public void programChange(int program) {
            programs.add(program);
        }

        @Override
        public void parameterChanged(Parameter parameter, double value) {
            changes.add(parameter.label() + "=" + value);
        }
    }

    private static PerformanceDriver driver(PerformerParameters parameters) {
        return new PerformanceDriver(TestModels.kernel(), parameters, 99L);
    }

    private static void phrase(PerformanceDriver driver, long startMs) {
        for (int i = 0; i < 5; i++) driver.note(startMs + i * 250L, 200, 60 + 2 * i, 68);
    }

    @Test
    void controllersChangeParametersLiveAndTellTheListener() {
        PerformanceDriver driver = driver(PerformanceDriver.parameters());
        RecordingListener listener = new RecordingListener();
        driver.performer.setListener(listener);
        driver.message(10 * MS, 0xB0, 16, 0);
        driver.message(20 * MS, 0xB3, 83, 127); // any channel
        driver.message(30 * MS, 0xB0, 74, 127); // not mapped

        driver.runTo(40 * MS);

        assertThat(driver.performer.parameters().temperature()).isZero();
        assertThat(driver.status().temperature()).isZero();
        assertThat(driver.status().tempoBpm()).isEqualTo(300);
        assertThat(listener.changes).containsExactly("temperature=0.0", "tempo_bpm=300.0");
    }

    @Test
    void aTemperatureTurnedDownByControllerIsUsedForTheNextDraws() {
        PerformerParameters cold = PerformanceDriver.parameters();
        cold.set(Parameter.TEMPERATURE, 0);
        PerformanceDriver fromTheStart = driver(cold);
        PerformanceDriver byController = driver(PerformanceDriver.parameters());
        phrase(fromTheStart, 0);
        phrase(byController, 0);
        byController.message(500 * MS, 0xB0, 16, 0);

        fromTheStart.runTo(8 * SECOND);
        byController.runTo(8 * SECOND);

        assertThat(byController.out.noteOns()).isPositive();
        assertThat(byController.out.notes(PerformanceDriver.TICK)).isEqualTo(fromTheStart.out.notes(PerformanceDriver.TICK));
    }

    @Test
    void aProgramChangeReachesTheListener() {
        PerformanceDriver driver = driver(PerformanceDriver.parameters());
        RecordingListener listener = new RecordingListener();
        driver.performer.setListener(listener);
        driver.message(5 * MS, 0xC5, 7, 0);

        driver.runTo(10 * MS);

        assertThat(listener.programs).containsExactly(7);
    }

    @Test
    void aPresetsControllerMapDrivesItsParameters() {
        Preset preset = new Preset(Preset.FORMAT, 1, "folk", "test", "folk.bundle", null, Map.<String, Object>of("top_k", 20.0),
                Map.of("21", "max_polyphony", "16", "none"));
        PerformanceDriver driver = driver(PerformerParameters.of(preset));
        driver.message(5 * MS, 0xB0, 21, 0);
        driver.message(6 * MS, 0xB0, 16, 0);

        driver.runTo(10 * MS);

        PerformerParameters parameters = driver.performer.parameters();
        assertThat(parameters.maxPolyphony()).isEqualTo(1);
        assertThat(parameters.temperature()).isEqualTo(Parameter.TEMPERATURE.defaultValue());
        assertThat(parameters.topK()).isEqualTo(20);
    }

    @Test
    void polyphonyTurnedDownMidJamHoldsFromThenOn() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.MODE, 1);
        parameters.set(Parameter.MAX_POLYPHONY, 8);
        PerformanceDriver driver = driver(parameters);
        for (long t = 0; t < 40_000; t += 700) driver.note(t, 300, 48 + (int) (t / 700 % 12), 68);
        driver.runTo(10 * SECOND);
        assertThat(driver.out.maxSounding()).isGreaterThan(1);
        driver.message(driver.now() + MS, 0xB0, 70, 0);
        assertThat(driver.runUntil(s -> s.machineNotesSounding() <= 1, 20 * SECOND)).isTrue();

        int[] most = {0};
        driver.runUntil(s -> {
            most[0] = Math.max(most[0], s.machineNotesSounding());
            return false;
        }, 40 * SECOND);

        assertThat(driver.performer.parameters().maxPolyphony()).isEqualTo(1);
        assertThat(most[0]).isEqualTo(1);
    }

    @Test
    void anOutputChannelChangeKeepsEachNoteOffOnItsNoteOnsChannel() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.MODE, 1);
        PerformanceDriver driver = driver(parameters);
        for (long t = 0; t < 20_000; t += 500) driver.note(t, 300, 50 + (int) (t / 500 % 7), 68);
        driver.runTo(10 * SECOND);
        parameters.set(Parameter.OUTPUT_CHANNEL, 5);
        driver.runTo(20 * SECOND);
        driver.performer.allNotesOff(driver.now());

        boolean[] channels = new boolean[16];
        for (int i = 0; i < driver.out.size(); i++) {
            if ((driver.out.status(i) & 0xF0) == 0x90) channels[driver.out.status(i) & 0x0F] = true;
        }
        assertThat(channels[0]).isTrue();
        assertThat(channels[4]).isTrue();
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void theModeControllerSwitchesBetweenCallAndJam() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.ANSWER_MAX_BEATS, 2);
        PerformanceDriver driver = driver(parameters);
        phrase(driver, 0);
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.ANSWERING, 5 * SECOND)).isTrue();
        long answerStarted = driver.now();
        driver.message(driver.now() + MS, 0xB0, 19, 64);
        driver.runTo(driver.now() + 2 * MS);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.JAMMING);
        long noteOns = driver.out.noteOns();

        driver.runTo(answerStarted + 10 * SECOND); // far past the answer's two beats

        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.JAMMING);
        assertThat(driver.out.noteOns()).isGreaterThan(noteOns);
        driver.message(driver.now() + MS, 0xB0, 19, 0);
        driver.runTo(driver.now() + 2 * MS);
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        assertThat(driver.status().mode()).isEqualTo(PerformerMode.CALL_AND_RESPONSE);
        assertThat(driver.out.sounding()).isZero();
    }

    @Test
    void aNewModelEndsTheNotesAndStartsFresh() {
        PerformanceDriver driver = driver(PerformanceDriver.parameters());
        phrase(driver, 0);
        assertThat(driver.runUntil(s -> s.machineNotesSounding() > 0, 10 * SECOND)).isTrue();
        RecordingStepModel next = new RecordingStepModel(TestModels.otherKernel());

        driver.performer.replaceModel(next);

        assertThat(driver.out.sounding()).isZero();
        assertThat(driver.status().phase()).isEqualTo(PerformerPhase.LISTENING);
        long startMs = driver.now() / MS + 300;
        List<TimedNote> call = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            driver.note(startMs + i * 300L, 200, 65 + i, 100);
            call.add(new TimedNote(65 + i, 100, i * 15L, i * 15L + 10));
        }
        driver.runTo((startMs + 800) * MS);
        assertThat(next.heard()).containsExactly(TokenEncoder.encode(call));
    }

    @Test
    void aModelOverAnotherVocabularyIsRefused() {
        PerformanceDriver driver = driver(PerformanceDriver.parameters());
        StepModel tiny = RandomWeights.eventKernel(12, 1, 8, 1L, 0);

        assertThatThrownBy(() -> driver.performer.replaceModel(tiny)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this one has 12 tokens");
        assertThat(driver.status().phase()).as("nothing changed").isEqualTo(PerformerPhase.LISTENING);
    }

    @Test
    void warmingUpLeavesTheMemoryAsItWas() {
        StepModel model = TestModels.kernel();
        PerformanceDriver driver = new PerformanceDriver(model, PerformanceDriver.parameters(), 5L);
        phrase(driver, 0);
        driver.runTo(1_500 * MS);
        RecurrentState before = model.newState();
        model.saveState(before);

        driver.performer.warmUp(3_000, 1);

        RecurrentState after = model.newState();
        model.saveState(after);
        ModelStreamTest.assertSameState(after, before);
    }
}
