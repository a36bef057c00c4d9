package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.TokenEncoder;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.Note;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NottinghamCorpusTest {

    /** Melody notes of these tunes lie in 55..88, chord notes in 36..57 (SOURCE.md), so a note below 55 is a chord note. */
    private static final int LOWEST_MELODY_PITCH = 55;

    @Test
    void theSplitIsNear80By10By10StableTunesKeepMelodyAndChordsAndAllSurviveTokenization() throws IOException {
        Path data = SharedData.require(NottinghamCorpus.FOLDER_IN_DATA_DIRECTORY);
        NottinghamCorpus corpus = NottinghamCorpus.in(data);
        Map<Split, List<Piece>> pieces = new EnumMap<>(Split.class);
        for (Split split : Split.values()) pieces.put(split, corpus.pieces(split));

        int total = pieces.values().stream().mapToInt(List::size).sum();
        assertThat(total).isEqualTo(1034);
        assertThat(pieces.get(Split.TRAIN).size()).isBetween(777, 877);   // 80 % ± 5 points
        assertThat(pieces.get(Split.VALID).size()).isBetween(72, 134);    // 10 % ± 3 points
        assertThat(pieces.get(Split.TEST).size()).isBetween(72, 134);
        assertThat(corpus.pieces(Split.VALID)).extracting(Piece::name)
                .isEqualTo(pieces.get(Split.VALID).stream().map(Piece::name).toList());

        List<Piece> all = new ArrayList<>();
        pieces.values().forEach(all::addAll);
        assertThat(all).filteredOn(p -> p.notes().stream().anyMatch(n -> n.pitch() < LOWEST_MELODY_PITCH))
                .as("tunes with chord notes (13 of the files have none)").hasSizeGreaterThanOrEqualTo(1000);
        assertThat(all).allSatisfy(p -> assertThat(p.notes()).anyMatch(n -> n.pitch() >= LOWEST_MELODY_PITCH));

        Piece ashover1 = all.stream().filter(p -> p.name().equals("nottingham-ashover1")).findFirst().orElseThrow();
        MidiFileContent file = MidiFileReader.read(data.resolve(NottinghamCorpus.FOLDER_IN_DATA_DIRECTORY).resolve("ashover1.mid"));
        assertThat(file.ticksPerQuarter()).isEqualTo(1024);
        assertThat(file.pitchedNotes()).extracting(Note::track).contains(0, 1);
        assertThat(ashover1.notes()).hasSameSizeAs(file.pitchedNotes());
        Note first = file.pitchedNotes().get(0);
        assertThat(ashover1.notes().get(0)).isEqualTo(new TimedNote(first.pitch(), first.velocity(),
                Math.round(first.startTick() * 24 / 1024.0), Math.round(first.endTick() * 24 / 1024.0)));

        StringBuilder report = new StringBuilder("Nottingham, pieces / tokens per split:");
        for (Split split : Split.values()) {
            long tokens = 0;
            for (Piece piece : pieces.get(split)) {
                int[] encoded = TokenEncoder.encode(piece.notes());
                assertThat(TokenDecoder.decode(encoded)).as(piece.name()).isEqualTo(SharedData.playable(piece.notes()));
                tokens += encoded.length;
            }
            report.append(' ').append(split).append('=').append(pieces.get(split).size()).append('/').append(tokens);
        }
        System.out.println(report);
    }
}
