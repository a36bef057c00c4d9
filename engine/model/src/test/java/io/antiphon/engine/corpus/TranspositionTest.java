package io.antiphon.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antiphon.engine.token.TimedNote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TranspositionTest {

    private static Piece piece(int... pitches) {
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(new TimedNote(pitches[i], 80, i * 6L, i * 6L + 6));
        return new Piece("p", notes);
    }

    @Test
    void aPieceInTheMiddleMayMoveSixEitherWay() {
        assertThat(Transposition.allowedShifts(piece(60, 72))).containsExactly(-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void shiftsStopAtTheEdgesOfTheKeyboard() {
        assertThat(Transposition.allowedShifts(piece(23, 60))).containsExactly(-2, -1, 0, 1, 2, 3, 4, 5, 6);
        assertThat(Transposition.allowedShifts(piece(60, 105))).containsExactly(-6, -5, -4, -3, -2, -1, 0, 1, 2, 3);
        assertThat(Transposition.allowedShifts(piece(21, 108))).containsExactly(0);
    }

    @Test
    void transposingMovesEveryPitchAndKeepsTimesAndVelocities() {
        Piece moved = Transposition.transpose(piece(60, 64), -3);
        assertThat(moved.name()).isEqualTo("p-3");
        assertThat(moved.notes()).containsExactly(new TimedNote(57, 80, 0, 6), new TimedNote(61, 80, 6, 12));
        assertThat(Transposition.transpose(piece(60), 0)).isEqualTo(piece(60));
    }

    @Test
    void aShiftThatLeavesTheKeyboardIsRefusedWithTheAllowedRange() {
        assertThatThrownBy(() -> Transposition.transpose(piece(23, 60), -3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot transpose p by -3").hasMessageContaining("-2..6");
        assertThatThrownBy(() -> Transposition.transpose(piece(60), 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomShiftsAreSeededAndCoverExactlyTheAllowedOnes() {
        Piece piece = piece(23, 60);
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 900; i++) counts.merge(Transposition.random(piece, random).name(), 1, Integer::sum);
        assertThat(counts).containsOnlyKeys("p-2", "p-1", "p", "p+1", "p+2", "p+3", "p+4", "p+5", "p+6");
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(60, 140));

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            first.add(Transposition.random(piece, a).name());
            second.add(Transposition.random(piece, b).name());
        }
        assertThat(first).isEqualTo(second);
    }
}
