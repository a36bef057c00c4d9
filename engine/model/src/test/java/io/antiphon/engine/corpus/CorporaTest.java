package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {

    @TempDir
    Path folder;

    @Test
    void namedCorporaComeFromTheDataFolder() {
        SharedData.require(JsbChoralesCorpus.FILE_IN_DATA_DIRECTORY);
        SharedData.require(NottinghamCorpus.FOLDER_IN_DATA_DIRECTORY);
        assertThat(Corpora.open("jsb")).isInstanceOf(JsbChoralesCorpus.class).extracting(Corpus::name).isEqualTo("jsb");
        assertThat(Corpora.open("nottingham")).isInstanceOf(NottinghamCorpus.class)
                .extracting(Corpus::name).isEqualTo("nottingham");
    }

    @Test
    void anyOtherArgumentIsAFolderOfMidiFiles() {
        assertThat(Corpora.open(folder.toString())).isInstanceOf(MidiFolderCorpus.class)
                .extracting(Corpus::name).isEqualTo(folder.getFileName().toString());
    }

    @Test
    void aMissingFolderSaysWhatWasLookedFor() {
        assertThatThrownBy(() -> Corpora.open(folder.resolve("nowhere").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a corpus name (jsb, nottingham) nor a folder of MIDI files")
                .hasMessageContaining(folder.resolve("nowhere").toString());
    }
}
