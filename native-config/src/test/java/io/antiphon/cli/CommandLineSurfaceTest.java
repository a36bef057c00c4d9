package io.antiphon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new user meets first: antiphon alone, --version, --help of every command, and a mistyped option. */
class CommandLineSurfaceTest {

    @TempDir
    Path dir;

    @Test
    void antiphonAlonePrintsTheUsageAndIsRefused() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: antiphon", "Commands:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void versionIsTheProjectVersionFromTheBuild() {
        CommandRun run = CommandRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("antiphon \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void aBadValueOrOptionIsOneSentenceNotTheWholeHelp() {
        CommandRun mode = CommandRun.of("demo", "--mode", "jam", "--out", dir.toString());
        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err().strip()).isEqualTo("antiphon: Invalid value for option '--mode': expected one of [call, harmonize]"
                + " but was 'jam' (see antiphon demo --help)");
        CommandRun unknown = CommandRun.of("play", "--tempp", "90");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("antiphon: Unknown options: '--tempp', '90'").doesNotContain("\n").doesNotContain("Usage");
    }

    @Test
    void helpNeverBreaksALineInsideAWordAndTheCommandListHasWholeSentences() {
        CommandLine root = new CommandLine(new AntiphonCommand());
        List<CommandLine> commands = new ArrayList<>(root.getSubcommands().values());
        String list = CommandRun.of("--help").out();
        for (CommandLine command : commands) {
            String name = command.getCommandName();
            if (name.equals("help")) continue;
            CommandRun run = CommandRun.of(name, "--help");
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.err()).as(name + ": a description picocli cannot format (a lone %)").doesNotContain("picocli WARN");
            String help = run.out();
            assertThat(help.lines()).as(name + ": lines within 80 columns").allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            String flowing = String.join(" ", help.split("\\s+"));
            for (String word : words(command.getCommandSpec())) {
                assertThat(flowing).as(name + ": '" + word + "' whole in the help").contains(word);
            }
            String entry = entry(list, name);
            assertThat(entry).as("the command list's entry for " + name).endsWith(".");
            assertThat(String.join(" ", String.join(" ", command.getCommandSpec().usageMessage().description()).split("\\s+")))
                    .as(name).startsWith(entry);
        }
    }

    @Test
    void bothTrainersTakeTheSameNamesForTheLearningRateAndAugmentation() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taken.bundle"));
        for (String command : new String[]{"train", "train-roll"}) {
            for (String[] options : new String[][]{{"--lr", "0.01", "--augment"}, {"--learning-rate", "0.01", "--no-augment"}}) {
                CommandRun run = CommandRun.of(command, "--corpus", "jsb", "--out", folder.toString(), options[0], options[1], options[2]);
                assertThat(run.err()).as(command + " " + String.join(" ", options) + " parses; refused only for its --out")
                        .startsWith("antiphon: --out " + folder);
            }
        }
    }

    /** Every word of a command's descriptions and its options', as help prints them (defaults filled in). */
    private static List<String> words(CommandSpec spec) {
        List<String> words = new ArrayList<>();
        for (String line : spec.usageMessage().description()) words.addAll(List.of(line.strip().split("\\s+")));
        for (ArgSpec arg : spec.args()) {
            for (String line : arg.renderedDescription()) words.addAll(List.of(line.strip().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        return words;
    }

    /** A command's entry in the command list, its lines joined. */
    private static String entry(String list, String name) {
        StringBuilder entry = new StringBuilder();
        boolean inside = false;
        for (String line : list.lines().toList()) {
            if (line.startsWith("  " + name + " ")) {
                inside = true;
                entry.append(line.substring(2 + name.length()).strip());
            } else if (inside && line.startsWith("   ") && !line.strip().isEmpty()) {
                entry.append(' ').append(line.strip());
            } else if (inside) {
                break;
            }
        }
        return entry.toString();
    }
}
