package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** An answer's velocities keep a player's spread: moved apart only when they would be too even, and only so far. */
class VelocitySpreadTest {

    private static double spread(List<Integer> velocities) {
        double mean = velocities.stream().mapToInt(Integer::intValue).average().orElse(0);
        return Math.sqrt(velocities.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0));
    }

    @Test
    void aPartShapedToOneLevelIsSpreadFromItsSecondNoteOnAndKeepsItsLevel() {
        VelocitySpread spread = new VelocitySpread();
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int velocity = spread.keep(80);
            assertThat(Math.abs(velocity - 80)).isLessThanOrEqualTo((int) VelocitySpread.MOST_MOVE);
            played.add(velocity);
            if (played.size() >= 2) assertThat(spread(played)).as("after %d notes: %s", played.size(), played).isGreaterThanOrEqualTo(VelocitySpread.LEAST_SD);
        }
        assertThat(played.stream().mapToInt(Integer::intValue).average().orElse(0)).isCloseTo(80, within(3.0));
    }

    @Test
    void aPartWithAPlayersSpreadPassesUnchanged() {
        VelocitySpread spread = new VelocitySpread();
        SplittableRandom random = new SplittableRandom(7);
        int first = 70 + random.nextInt(21);
        assertThat(spread.keep(first)).isEqualTo(first);
        int second = first < 80 ? first + 12 : first - 12;
        assertThat(spread.keep(second)).isEqualTo(second);
        for (int i = 0; i < 20; i++) {
            int velocity = (i % 2 == 0 ? 66 : 94) + random.nextInt(5);
            assertThat(spread.keep(velocity)).isEqualTo(velocity);
        }
    }

    @Test
    void aNoteIsMovedTheWayItsShapingTookItAndBackFromTheEndsOfTheRange() {
        VelocitySpread spread = new VelocitySpread();
        assertThat(spread.keep(90)).isEqualTo(90);
        assertThat(spread.keep(88)).as("below the mean: further down").isEqualTo(83);

        spread.reset();
        assertThat(spread.keep(127)).isEqualTo(127);
        assertThat(spread.keep(127)).as("no room above 127: down").isEqualTo(120);

        spread.reset();
        assertThat(spread.keep(2)).isEqualTo(2);
        assertThat(spread.keep(1)).as("no room below 1: up").isEqualTo(9);
    }

    @Test
    void aNewPartStartsItsOwnSpread() {
        VelocitySpread spread = new VelocitySpread();
        spread.keep(60);
        spread.keep(100);
        spread.reset();
        assertThat(spread.keep(80)).as("the first note of a part is never moved").isEqualTo(80);
    }
}
