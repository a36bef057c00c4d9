package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.antiphon.engine.finetune.SessionFineTuner;
import io.antiphon.engine.finetune.TuningBudget;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.token.Vocabulary;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.UserPresetFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code play --save-session}: what the session learned is kept as a user preset that loads later by name. */
class SessionLearningTest {

    @TempDir
    Path dir;
    private String before;
    private LoadedPreset loaded;

    @BeforeEach
    void aTinyBundleAndAUserPresetFolder() throws Exception {
        before = System.getProperty(UserPresetFolder.PROPERTY);
        System.setProperty(UserPresetFolder.PROPERTY, dir.resolve("presets").toString());
        NetworkSpec spec = NetworkSpec.defaults(Vocabulary.SIZE).withShape(1, 8).withDropout(0);
        BundleMetadata metadata = new BundleMetadata(BundleMetadata.FORMAT, 1, BundleKind.EVENTS.id(), BundleFile.EVENT_VOCABULARY,
                "jsb", Map.of(), spec, Map.of(), Map.of(), "2026-11-22T00:00:00Z");
        Path file = dir.resolve("tiny.bundle");
        BundleFile.write(new ModelBundle(NetworkFactory.build(spec), metadata), file);
        loaded = LoadedPreset.load(file.toString(), StepEngine.KERNEL);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(UserPresetFolder.PROPERTY);
        else System.setProperty(UserPresetFolder.PROPERTY, before);
    }

    @Test
    void theSavedSessionLoadsByNameWithTheWeightsItLearned() throws Exception {
        SessionFineTuner learner = new SessionFineTuner(loaded.bundle().network(), (LstmStepKernel) loaded.model(),
                new TuningBudget(2, 64, 1.0, 0.5, 0.0));
        for (int r = 0; r < 4; r++) {
            for (int pitch : new int[] {60, 64, 67}) {
                learner.tokens().write(Vocabulary.noteOn(pitch));
                learner.tokens().write(Vocabulary.timeShift(12));
                learner.tokens().write(Vocabulary.noteOff(pitch));
            }
        }
        learner.tokens().endPhrase();
        assertThat(learner.learnOnce()).isTrue();

        new SessionLearning(loaded, learner, "my-session").close();

        LoadedPreset saved = LoadedPreset.load("my-session", StepEngine.KERNEL);
        assertThat(PresetCatalogue.names()).contains("my-session");
        assertThat(Files.isRegularFile(UserPresetFolder.of("my-session").resolve("my-session.bundle"))).isTrue();
        assertThat(saved.bundle().network().params()).isEqualTo(learner.tunedNetwork().params())
                .isNotEqualTo(loaded.bundle().network().params());
        assertThat(saved.entry().preset().description()).contains("fine-tuned on a session");
    }

    @Test
    void aTakenNameIsRefusedBeforeAnyPortOpens() throws Exception {
        new SessionLearning(loaded, null, "taken").close();

        assertThatThrownBy(() -> SessionLearning.checkName("taken")).hasMessageContaining("You have a preset named 'taken'");
        assertThatThrownBy(() -> SessionLearning.checkName("Not A Name")).hasMessageContaining("cannot name a preset");
    }
}
