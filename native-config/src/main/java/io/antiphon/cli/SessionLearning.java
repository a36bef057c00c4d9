package io.antiphon.cli;

import io.antiphon.engine.finetune.SessionFineTuner;
import io.antiphon.engine.finetune.TuningBudget;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.presets.Preset;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import io.antiphon.presets.PresetWriter;
import io.antiphon.presets.UserPresetFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The slow memory of a {@code play} session (docs/adaptation.md): a {@link SessionFineTuner} fine-tuning a copy of the
 * preset's network on the player's phrases, attached to the performer; and {@code --save-session NAME}, which keeps
 * what it learned as a user preset when play stops.
 */
final class SessionLearning implements AutoCloseable {

    private final LoadedPreset loaded;
    private final SessionFineTuner learner;
    private final String saveAs;

    SessionLearning(LoadedPreset loaded, SessionFineTuner learner, String saveAs) {
        this.loaded = loaded;
        this.learner = learner;
        this.saveAs = saveAs;
    }

    /**
     * Checks {@code --save-session}'s name before any port opens (null: not saving).
     *
     * @throws IOException naming the problem when the name is not free or not valid
     */
    static void checkName(String saveAs) throws IOException {
        if (saveAs != null) PresetCatalogue.checkNewName(saveAs);
    }

    /**
     * Starts learning for {@code loaded} when it can and should: the model runs on the step kernel, {@code adapt} is
     * above 0 and {@code wanted}. Otherwise returns a session learning that does nothing, and says why on stderr when
     * learning was wanted or the session is to be saved.
     */
    static SessionLearning start(LoadedPreset loaded, PerformerParameters parameters, boolean wanted, String saveAs) {
        String why = !wanted ? "--no-session-learning"
                : !(loaded.model() instanceof LstmStepKernel) ? "the DL4J engine (the session learns on the step kernel)"
                : parameters.adapt() <= 0 ? "adapt 0" : null;
        if (why != null) {
            if (saveAs != null) System.err.println("the model will not learn the session (" + why + "): --save-session keeps the preset's own weights");
            return new SessionLearning(loaded, null, saveAs);
        }
        SessionFineTuner learner = new SessionFineTuner(loaded.bundle().network(), (LstmStepKernel) loaded.model(), TuningBudget.DEFAULT).start();
        TuningBudget b = TuningBudget.DEFAULT;
        System.err.printf("the model learns the session: up to %d passes over your latest %d tokens after each phrase, "
                + "at most %.0f%% of one core at the lowest priority, new weights at phrase boundaries (--no-session-learning to turn off)%n",
                b.stepsPerPhrase(), b.windowTokens(), 100 * b.dutyCycle());
        return new SessionLearning(loaded, learner, saveAs);
    }

    /** Attaches the learner (if any) to a performer on this learning's model; returns the performer. */
    Performer attachTo(Performer performer) {
        if (learner != null) performer.attachLearner(learner);
        return performer;
    }

    /** Stops learning; then, with --save-session, saves what was learned as a user preset (a failure is one sentence on stderr). */
    @Override
    public void close() {
        if (learner != null) learner.close();
        if (saveAs == null) return;
        try {
            save();
        } catch (IOException | RuntimeException e) {
            System.err.println("antiphon: the session could not be saved as '" + saveAs + "': " + e.getMessage());
        }
    }

    private void save() throws IOException {
        PresetCatalogue.checkNewName(saveAs);
        Path folder = UserPresetFolder.of(saveAs);
        Files.createDirectories(folder);
        String bundleFile = saveAs + ".bundle";
        ModelBundle bundle = loaded.bundle();
        boolean learned = learner != null && learner.learnedAnything();
        BundleFile.write(new ModelBundle(learned ? learner.tunedNetwork() : bundle.network(), bundle.metadata()), folder.resolve(bundleFile));
        PresetEntry base = loaded.entry();
        Map<String, Object> parameters = new LinkedHashMap<>(base.preset().parameters());
        String description = (learned ? "'" + base.preset().name() + "' fine-tuned on a session played " : "'" + base.preset().name()
                + "' as played in a session of ") + LocalDate.now();
        Preset preset = new Preset(Preset.FORMAT, Preset.FORMAT_VERSION, saveAs, description, bundleFile, null, parameters,
                base.preset().cc());
        PresetWriter.writePresetFile(preset, folder);
        PresetCatalogue.user(saveAs);   // reads back as a preset
        System.err.printf("saved the session as the preset '%s' in %s (%s); play it again: antiphon play --preset %s ...%n",
                saveAs, folder, learned ? "the weights it learned, " + learner.passes() + " passes" : "nothing was learned", saveAs);
    }
}
