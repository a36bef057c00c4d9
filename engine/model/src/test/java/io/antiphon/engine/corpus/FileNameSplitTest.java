package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileNameSplitTest {

    @Test
    void theSplitIsTheCrc32OfTheFileNameModuloTen() {
        // CRC-32 mod 10, computed independently with Python's zlib.crc32
        assertThat(FileNameSplit.of("k.mid")).isEqualTo(Split.TRAIN);       // 0
        assertThat(FileNameSplit.of("ashover1.mid")).isEqualTo(Split.TRAIN); // 7
        assertThat(FileNameSplit.of("j.mid")).isEqualTo(Split.VALID);       // 8
        assertThat(FileNameSplit.of("c.mid")).isEqualTo(Split.TEST);        // 9
    }

    @Test
    void onlyTheBareFileNameIsAccepted() {
        assertThatThrownBy(() -> FileNameSplit.of("MIDI/c.mid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MIDI/c.mid");
    }
}
