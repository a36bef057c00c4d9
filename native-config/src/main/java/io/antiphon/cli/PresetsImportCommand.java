package io.antiphon.cli;

import io.antiphon.engine.network.BundleKind;
import io.antiphon.presets.Preset;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import io.antiphon.presets.PresetException;
import io.antiphon.presets.PresetWriter;
import io.antiphon.presets.UserPresetFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code antiphon presets import DIR}: adds an exported preset to the user's presets, checked before it is copied. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add a preset folder (from antiphon presets export, or a preset.json beside its bundle) to your presets;",
                "it is checked (its JSON, its parameters, its bundle) before anything is copied."})
final class PresetsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The preset folder (or its preset.json).")
    Path dir;

    @Option(names = "--name", description = "Import it under this name instead of the one in its preset.json.")
    String name;

    @Override
    public Integer call() throws Exception {
        Path file = Files.isDirectory(dir) ? dir.resolve(UserPresetFolder.PRESET_FILE) : dir;
        if (!Files.isRegularFile(file)) throw new PresetException(dir + " holds no " + UserPresetFolder.PRESET_FILE + " (export one with antiphon presets export NAME DIR).");
        PresetEntry entry = PresetCatalogue.fromFile(file);
        Preset preset = name == null ? entry.preset() : PresetWriter.renamed(entry.preset(), name);
        PresetCatalogue.checkNewName(preset.name());
        io.antiphon.engine.perform.PerformerParameters.of(preset);   // parameters and CC map are valid
        ModelSource.load(entry, entry.preset().harmonizes() ? BundleKind.PIANO_ROLL : BundleKind.EVENTS);   // the bundle reads, and is of the kind the mode needs
        Path written = PresetWriter.copy(entry, preset, UserPresetFolder.of(preset.name()));
        System.out.println("imported preset '" + preset.name() + "' into " + written.getParent() + "; play it with: antiphon demo --preset " + preset.name());
        return 0;
    }
}
