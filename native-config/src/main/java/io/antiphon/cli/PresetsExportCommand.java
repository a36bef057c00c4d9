package io.antiphon.cli;

import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import io.antiphon.presets.PresetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code antiphon presets export NAME DIR}: copies a preset's files into a folder, to share it or keep it elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Copy a preset (shipped or yours) into a folder: DIR/preset.json beside its bundle and evaluation.",
                "Another machine adds it with antiphon presets import DIR."})
final class PresetsExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The preset to export.")
    String name;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to write (created; it must not hold a preset yet).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PresetEntry entry = PresetCatalogue.find(name);
        Path file = PresetWriter.copy(entry, entry.preset(), dir);
        System.out.println("exported preset '" + entry.preset().name() + "' to " + file.getParent());
        return 0;
    }
}
