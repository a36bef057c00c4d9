package io.antiphon.engine.roll;

import io.antiphon.engine.token.TimedNote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MidiFolderRollCorpusTest {

    @Test
    void aKeySoundsInTheFramesItHoldsAtLeastHalfOfAndInTheFrameItStarts() {
        // Eighth-note frames (12 ticks): a quarter C4 from 0, a sixteenth E4 at 12, a dotted-eighth G4 from 30 to 48.
        RollPiece roll = MidiFolderRollCorpus.roll("p", List.of(
                new TimedNote(60, 80, 0, 24), new TimedNote(64, 80, 12, 18), new TimedNote(67, 80, 30, 48)), 12);
        assertThat(roll.length()).isEqualTo(4);
        assertThat(roll.keys(0)).containsExactly(60 - RollPiece.LOWEST_PITCH);
        assertThat(roll.keys(1)).containsExactly(60 - RollPiece.LOWEST_PITCH, 64 - RollPiece.LOWEST_PITCH);
        assertThat(roll.keys(2)).as("G4 starts inside frame 2, holding only its last quarter").containsExactly(67 - RollPiece.LOWEST_PITCH);
        assertThat(roll.keys(3)).containsExactly(67 - RollPiece.LOWEST_PITCH);
    }
}
