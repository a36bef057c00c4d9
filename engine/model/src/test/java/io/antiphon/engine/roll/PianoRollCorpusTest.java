package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.SharedData;
import io.antiphon.engine.corpus.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PianoRollCorpusTest {

    @TempDir
    Path dir;

    private static long frames(List<RollPiece> pieces) {
        return pieces.stream().mapToLong(RollPiece::length).sum();
    }

    private static long notes(List<RollPiece> pieces) {
        long n = 0;
        for (RollPiece p : pieces) for (int t = 0; t < p.length(); t++) n += p.keys(t).length;
        return n;
    }

    @Test
    void jsbQuarterFileHasTheBenchmarkSplit() throws IOException {
        PianoRollCorpus jsb = PianoRollCorpus.jsb(SharedData.require(PianoRollCorpus.JSB_FILE));
        List<RollPiece> train = jsb.pieces(Split.TRAIN);
        List<RollPiece> valid = jsb.pieces(Split.VALID);
        List<RollPiece> test = jsb.pieces(Split.TEST);
        assertThat(List.of(train.size(), valid.size(), test.size())).containsExactly(229, 76, 77);
        assertThat(List.of(frames(train), frames(valid), frames(test))).containsExactly(13_807L, 4_602L, 4_725L);
        assertThat(List.of(notes(train), notes(valid), notes(test))).containsExactly(53_824L, 17_811L, 18_367L);
        assertThat(train.get(17).name()).isEqualTo("jsb-train-017");
        assertThat(jsb.framesPerQuarter()).isEqualTo(1);
    }

    @Test
    void nottinghamRollsHaveTheBenchmarkSplit() throws IOException {
        PianoRollCorpus nottingham = PianoRollCorpus.nottingham(SharedData.require(PianoRollCorpus.NOTTINGHAM_FILE));
        List<RollPiece> train = nottingham.pieces(Split.TRAIN);
        assertThat(train).hasSize(694);
        assertThat(frames(train)).isEqualTo(176_561L);
        assertThat(notes(train)).isEqualTo(699_403L);
        assertThat(frames(nottingham.pieces(Split.TEST))).isEqualTo(44_463L);
        assertThat(nottingham.framesPerQuarter()).isEqualTo(2);
    }

    @Test
    void framesBecomeKeyIndicesFromA0() throws IOException {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, "{\"train\": [[[60, 64, 67], [], [21, 108]]], \"valid\": [], \"test\": []}");
        RollPiece piece = new PianoRollCorpus("tiny", file, 1).pieces(Split.TRAIN).get(0);
        assertThat(piece.name()).isEqualTo("tiny-train-000");
        assertThat(piece.length()).isEqualTo(3);
        assertThat(piece.keys(0)).containsExactly(39, 43, 46);
        assertThat(piece.keys(1)).isEmpty();
        assertThat(piece.keys(2)).containsExactly(0, 87);
        assertThat(piece.sounds(0, 43)).isTrue();
        assertThat(piece.sounds(0, 44)).isFalse();
        assertThat(piece.predictedFrames()).isEqualTo(2);
    }

    @Test
    void pitchesOffTheKeyboardAndMissingSplitsAreNamed() throws IOException {
        Path low = dir.resolve("low.json");
        Files.writeString(low, "{\"train\": [[[60], [20]]]}");
        assertThatThrownBy(() -> new PianoRollCorpus("low", low, 1).pieces(Split.TRAIN)).isInstanceOf(IOException.class)
                .hasMessageContaining("train piece 0, frame 1 holds 20");
        assertThatThrownBy(() -> new PianoRollCorpus("low", low, 1).pieces(Split.TEST)).isInstanceOf(IOException.class)
                .hasMessageContaining("no \"test\" list");
        assertThatThrownBy(() -> PianoRollCorpus.open("bach")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsb and nottingham");
    }

    @Test
    void transpositionMovesEveryKeyAndKeepsTheRange() {
        RollPiece piece = RollPiece.ofPitches("p", new int[][]{{60, 64}, {}, {48}});
        RollPiece up = piece.transposed(2);
        assertThat(up.keys(0)).containsExactly(41, 45);
        assertThat(up.keys(2)).containsExactly(29);
        assertThat(piece.lowestKey()).isEqualTo(27);
        assertThat(piece.highestKey()).isEqualTo(43);
        assertThatThrownBy(() -> piece.transposed(-30)).isInstanceOf(IllegalArgumentException.class);
    }
}
