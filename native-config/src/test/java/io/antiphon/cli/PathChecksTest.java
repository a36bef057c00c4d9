package io.antiphon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paths given on the command line are checked before any work: the rules ({@link PathChecks}) and the commands that
 * used to find out only at the end (play --record, demo --out, train --out), each refused in one sentence, exit 2.
 */
class PathChecksTest {

    @TempDir
    Path dir;

    @Test
    void filesToReadMustExistAndNotBeFolders() throws IOException {
        Path file = Files.writeString(dir.resolve("call.mid"), "x");
        assertThatCode(() -> PathChecks.inputFile(file, "--call")).doesNotThrowAnyException();
        assertThatCode(() -> PathChecks.inputFile(null, "--call")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PathChecks.inputFile(dir.resolve("absent.mid"), "--call"))
                .hasMessage("--call " + dir.resolve("absent.mid") + " does not exist");
        assertThatThrownBy(() -> PathChecks.inputFile(dir, "--call")).hasMessage("--call " + dir + " is a folder, not a file");
        assertThatThrownBy(() -> PathChecks.inputFolder(file, "--corpus")).hasMessageContaining("is a file, not a folder");
    }

    @Test
    void filesToWriteNeedAnExistingFolderAndMustNotBeFolders() throws IOException {
        assertThatCode(() -> PathChecks.outputFile(dir.resolve("new.mid"), "--record")).doesNotThrowAnyException();
        Path existing = Files.writeString(dir.resolve("old.mid"), "x");
        assertThatCode(() -> PathChecks.outputFile(existing, "--record")).as("replaced").doesNotThrowAnyException();
        Path missingFolder = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> PathChecks.outputFile(missingFolder.resolve("rec.mid"), "--record"))
                .hasMessage("--record " + missingFolder.resolve("rec.mid") + ": the folder " + missingFolder + " does not exist");
        assertThatThrownBy(() -> PathChecks.outputFile(dir, "--out")).hasMessage("--out " + dir + " is a folder: give the name of a file to write");
    }

    @Test
    void foldersToWriteMayBeMissingButNotFiles() throws IOException {
        assertThatCode(() -> PathChecks.outputFolder(dir, "--out")).doesNotThrowAnyException();
        assertThatCode(() -> PathChecks.outputFolder(dir.resolve("fresh"), "--out")).doesNotThrowAnyException();
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> PathChecks.outputFolder(file, "--out")).hasMessage("--out " + file + " is a file: give a folder (it is created if missing)");
        assertThatThrownBy(() -> PathChecks.outputFolder(dir.resolve("a").resolve("b"), "--out")).hasMessageContaining("does not exist");
    }

    @Test
    void playRefusesARecordingItCouldNotWriteBeforeOpeningAnyPort() {
        Path record = dir.resolve("nonexistent-dir").resolve("rec.mid");
        CommandRun run = CommandRun.of("play", "--in", "no such port", "--out", "no such port either", "--record", record.toString());
        assertOneSentence(run, "--record " + record + ": the folder " + record.getParent() + " does not exist");
    }

    @Test
    void demoRefusesAFileAsItsOutputFolderBeforeLoadingAModel() throws IOException {
        Path file = Files.writeString(dir.resolve("FILE"), "x");
        assertOneSentence(CommandRun.of("demo", "--out", file.toString()), "--out " + file + " is a file");
        assertOneSentence(CommandRun.of("demo", "--out", dir.resolve("out").toString(), "--call", dir.resolve("absent.mid").toString()),
                "--call " + dir.resolve("absent.mid") + " does not exist");
    }

    @Test
    void trainRefusesAFolderAsItsBundleBeforeTrainingAndLeavesNothingBehind() throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("DIR.bundle"));
        for (String command : new String[]{"train", "train-roll"}) {
            assertOneSentence(CommandRun.of(command, "--corpus", "jsb", "--out", bundle.toString()), "--out " + bundle + " is a folder");
        }
        assertThat(dir.resolve("DIR.bundle.tmp")).doesNotExist();
        assertOneSentence(CommandRun.of("merge-roll", "--out", bundle.toString(), "a.bundle", "b.bundle"), "--out " + bundle + " is a folder");
    }

    private static void assertOneSentence(CommandRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("antiphon: ").contains(expected).doesNotContain("\n").doesNotContain("Exception");
    }
}
