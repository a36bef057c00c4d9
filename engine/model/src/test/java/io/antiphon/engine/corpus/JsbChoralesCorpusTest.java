package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.TokenEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsbChoralesCorpusTest {

    /**
     * Tokens of the encoded train split (48,040 notes after overlap resolution), matched by an independent Python
     * count; pinned so that any change to the reading or the tokenizer shows up here.
     */
    private static final long EXPECTED_TRAIN_TOKENS = 116_578;

    @TempDir
    Path folder;

    private JsbChoralesCorpus corpusOf(String json) throws IOException {
        return new JsbChoralesCorpus(Files.writeString(folder.resolve("chorales.json"), json));
    }

    @Test
    void voicesBecomeNotesHeldWhileThePitchRepeats() throws IOException {
        JsbChoralesCorpus corpus = corpusOf("""
                {"train": [], "valid": [], "test": [
                  [[72, 67, 64, 48], [72, 67, 64, 48], [74, -1, 64, 48], [74.0, 65, 62, 50]],
                  [[-1, -1, -1, -1]]
                ]}""");
        List<Piece> pieces = corpus.pieces(Split.TEST);
        assertThat(pieces).extracting(Piece::name).containsExactly("jsb-test-000", "jsb-test-001");
        assertThat(pieces.get(0).notes()).containsExactly(
                new TimedNote(48, 80, 0, 18), new TimedNote(64, 80, 0, 18), new TimedNote(67, 80, 0, 12),
                new TimedNote(72, 80, 0, 12), new TimedNote(74, 80, 12, 24), new TimedNote(50, 80, 18, 24),
                new TimedNote(62, 80, 18, 24), new TimedNote(65, 80, 18, 24));
        assertThat(pieces.get(1).notes()).isEmpty();
        assertThat(corpus.pieces(Split.TRAIN)).isEmpty();
    }

    @Test
    void aStepWithoutFourVoicesIsReportedWithItsPlace() throws IOException {
        JsbChoralesCorpus corpus = corpusOf("{\"train\": [[[60, 55, 52, 48], [60, 55, 52]]]}");
        assertThatThrownBy(() -> corpus.pieces(Split.TRAIN))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("train chorale 0, step 1 is [60,55,52]; expected 4 pitches");
    }

    @Test
    void aPitchOffTheKeyboardIsReportedWithItsVoice() throws IOException {
        JsbChoralesCorpus corpus = corpusOf("{\"valid\": [[[60, 55, 52, 12]]]}");
        assertThatThrownBy(() -> corpus.pieces(Split.VALID))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("valid chorale 0, step 0, voice 3 is 12; expected -1 (rest) or a key 21..108");
    }

    @Test
    void aMissingSplitIsReported() throws IOException {
        JsbChoralesCorpus corpus = corpusOf("{\"train\": []}");
        assertThatThrownBy(() -> corpus.pieces(Split.TEST))
                .isInstanceOf(IOException.class).hasMessageContaining("no \"test\" list");
    }

    @Test
    void aMissingFileIsRefusedAtOnce() {
        assertThatThrownBy(() -> JsbChoralesCorpus.in(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.resolve("jsb-chorales/Jsb16thSeparated.json").toString());
    }

    @Test
    void theRealCorpusHasTheBenchmarkSplitAndEveryChoraleSurvivesTokenization() throws IOException {
        JsbChoralesCorpus corpus = JsbChoralesCorpus.in(SharedData.require(JsbChoralesCorpus.FILE_IN_DATA_DIRECTORY));
        int[] expectedPieces = {229, 76, 77};
        StringBuilder report = new StringBuilder("JSB chorales, tokens per split:");
        for (Split split : Split.values()) {
            List<Piece> pieces = corpus.pieces(split);
            assertThat(pieces).hasSize(expectedPieces[split.ordinal()]);
            long tokens = 0;
            for (Piece piece : pieces) {
                int[] encoded = TokenEncoder.encode(piece.notes());
                assertThat(TokenDecoder.decode(encoded)).as(piece.name()).isEqualTo(SharedData.playable(piece.notes()));
                tokens += encoded.length;
            }
            report.append(' ').append(split).append('=').append(tokens);
            if (split == Split.TRAIN) assertThat(tokens).isEqualTo(EXPECTED_TRAIN_TOKENS);
        }
        System.out.println(report);
    }
}
