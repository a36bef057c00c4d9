package io.antiphon.engine.study;

import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.roll.PianoRollCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QuarterChoraleCorpusTest {

    @Test
    void theHeldOutChoralesAreTheBenchmarkFilesTestSplit() throws IOException {
        String data = System.getProperty(DataDirectory.PROPERTY);
        assumeTrue(data != null && Files.isRegularFile(Path.of(data, PianoRollCorpus.JSB_FILE)),
                "skipped: no " + PianoRollCorpus.JSB_FILE + " in the shared data folder (system property antiphon.data is " + data + ")");

        List<QuarterChorale> chorales = QuarterChorale.of(PianoRollCorpus.jsb(Path.of(data)), Split.TEST);

        // SOURCE.md: 77 test chorales, 4,725 frames, 18,367 note entries
        assertThat(chorales).hasSize(77);
        assertThat(chorales.stream().mapToInt(c -> c.frames().length).sum()).isEqualTo(4_725);
        assertThat(chorales.stream().flatMap(c -> java.util.Arrays.stream(c.frames())).mapToInt(f -> f.length).sum()).isEqualTo(18_367);
    }
}
