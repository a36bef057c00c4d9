package io.antiphon.engine.study;

import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.engine.corpus.JsbChoralesCorpus;
import io.antiphon.engine.corpus.Split;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QuarterChoraleCorpusTest {

    @Test
    void theHeldOutChoralesEndOnACBassAndLastAsLongAsTheBenchmarkFile() throws IOException {
        String data = System.getProperty(DataDirectory.PROPERTY);
        assumeTrue(data != null && Files.isRegularFile(Path.of(data, JsbChoralesCorpus.FILE_IN_DATA_DIRECTORY)),
                "skipped: no " + JsbChoralesCorpus.FILE_IN_DATA_DIRECTORY + " in the shared data folder (system property antiphon.data is " + data + ")");

        List<QuarterChorale> chorales = QuarterChorale.of(JsbChoralesCorpus.in(Path.of(data)), Split.TEST);

        assertThat(chorales).hasSize(77);
        // SOURCE.md: the test split of the quarter-note benchmark file has 4,725 frames, the 16th file is 4x as long
        assertThat(chorales.stream().mapToInt(c -> c.frames().length).sum()).isEqualTo(4_725);
        for (QuarterChorale chorale : chorales) {
            int[] last = chorale.frames()[chorale.frames().length - 1];
            assertThat(last[3] % 12).as(chorale.name()).isZero();
        }
    }
}
