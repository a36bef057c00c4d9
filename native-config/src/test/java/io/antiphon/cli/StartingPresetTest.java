package io.antiphon.cli;

import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.corpus.JsbChoralesCorpus;
import io.antiphon.engine.corpus.NottinghamCorpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.train.ValidationNll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shipped preset a folder is fine-tuned from: the one that predicts its music best, told apart on held-out tunes. */
class StartingPresetTest {

    private static Path data() {
        String data = System.getProperty("antiphon.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data, NottinghamCorpus.FOLDER_IN_DATA_DIRECTORY))
                        && Files.isDirectory(Path.of(data, "jsb-chorales")),
                "skipped: no shared data folder with the Nottingham MIDI files and the JSB chorales (antiphon.data is " + data + ")");
        return Path.of(data);
    }

    private static StartingPreset closestTo(Corpus corpus) throws Exception {
        List<int[]> tokens = Piece.tokens(corpus.pieces(Split.TEST).subList(0, 3));
        return StartingPreset.closest(BundleKind.EVENTS, bundle -> ValidationNll.meanNll(bundle.network(), tokens));
    }

    @Test
    void folkTunesStartFromFolkAndChoralesFromChorale() throws Exception {
        Path data = data();
        StartingPreset tunes = closestTo(NottinghamCorpus.in(data));
        assertThat(tunes.entry().preset().name()).isEqualTo("folk");
        assertThat(tunes.scores()).containsOnlyKeys("chorale", "folk");
        assertThat(tunes.describeScores()).startsWith("folk ");
        assertThat(closestTo(JsbChoralesCorpus.in(data)).entry().preset().name()).isEqualTo("chorale");
    }
}
