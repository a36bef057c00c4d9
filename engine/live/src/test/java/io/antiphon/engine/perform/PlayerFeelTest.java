package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/** The groove measured from onsets against the grid: what a consistent player shows, and what noise must not. */
class PlayerFeelTest {

    private static final long MS = 1_000_000L;
    /** Nanoseconds per tick when the grid's positions are fed directly: 20 ms, 125 BPM. */
    private static final long TICK = 20 * MS;

    /**
     * Feeds {@code beats} beats of onsets at sixteenth positions {@code slots} of each beat, each played
     * {@code offsets[slot]} sixteenths late (negative: early), with Gaussian jitter of {@code jitterSixteenths}, the
     * grid shifted by {@code phaseSixteenths}.
     */
    private static PlayerFeel play(int beats, int[] slots, double[] offsets, double jitterSixteenths, double phaseSixteenths,
                                   long seed) {
        double[] positions = new double[slots.length];
        for (int i = 0; i < slots.length; i++) positions[i] = slots[i] + offsets[slots[i]] + phaseSixteenths;
        return hearBeats(beats, beat -> positions, random -> jitterSixteenths * GroovedPlayer.gaussian(random), seed);
    }

    /**
     * Feeds {@code beats} beats of onsets at the positions (in sixteenths) {@code positionsInBeat} gives for each beat,
     * each moved by {@code jitterSixteenths} drawn from a generator seeded with {@code seed}.
     */
    private static PlayerFeel hearBeats(int beats, IntFunction<double[]> positionsInBeat,
                                        ToDoubleFunction<SplittableRandom> jitterSixteenths, long seed) {
        PlayerFeel feel = new PlayerFeel();
        SplittableRandom random = new SplittableRandom(seed);
        for (int beat = 0; beat < beats; beat++) {
            for (double at : positionsInBeat.apply(beat)) {
                double ticks = (beat * 4 + at + jitterSixteenths.applyAsDouble(random)) * MetricPosition.SIXTEENTH_TICKS;
                feel.hear(Math.round(ticks * TICK), ticks);
            }
        }
        return feel;
    }

    @Test
    void swungEighthsAreMeasuredAsTheirSwing() {
        PlayerFeel feel = play(16, new int[] {0, 2}, new double[] {0, 0, 0.3, 0}, 0.02, 0, 1);

        assertThat(feel.offset(2)).isCloseTo(0.3, within(0.06));
        assertThat(feel.offset(1)).isZero(); // never played: nothing known
        assertThat(feel.offset(3)).isZero();
        assertThat(feel.swingRatio()).isCloseTo(2.3 / 1.7, within(0.05));
    }

    @Test
    void pushAndPullByPositionAreMeasuredRelativeToTheBeatWhateverTheGridsPhase() {
        PlayerFeel feel = play(16, new int[] {0, 1, 2, 3}, new double[] {0, -0.2, 0.15, -0.1}, 0.02, 0.3, 2);

        assertThat(feel.offset(1)).isCloseTo(-0.2, within(0.05));
        assertThat(feel.offset(2)).isCloseTo(0.15, within(0.05));
        assertThat(feel.offset(3)).isCloseTo(-0.1, within(0.05));
        assertThat(feel.largestAdvance()).isCloseTo(0.2, within(0.05));
    }

    @Test
    void aStraightPlayersJitterShrinksToAStraightGrid() {
        // ±12 ms at 72..140 BPM is 0.06..0.11 sixteenth; over many seeds the offsets stay (almost always) zero
        int nonZero = 0;
        double largest = 0;
        for (long seed = 0; seed < 200; seed++) {
            PlayerFeel feel = play(8, new int[] {0, 1, 2, 3}, new double[4], 0.11, 0, seed);
            for (int slot = 1; slot < 4; slot++) {
                if (feel.offset(slot) != 0) nonZero++;
                largest = Math.max(largest, Math.abs(feel.offset(slot)));
            }
        }
        assertThat(nonZero).as("positions given an offset, of 600").isLessThan(30);
        assertThat(largest).as("the largest offset, in sixteenths").isLessThan(0.1);
    }

    @Test
    void aGridThatIsNotThePlayersGivesNoFeel() {
        // the player at 100 BPM against a grid at 125: the onsets wander across the sixteenths
        PlayerFeel feel = new PlayerFeel();
        double ticksPerPlayerSixteenth = MetricPosition.SIXTEENTH_TICKS * 125.0 / 100;
        for (int i = 0; i < 64; i++) {
            double ticks = i * ticksPerPlayerSixteenth;
            feel.hear(Math.round(ticks * TICK), ticks);
        }
        for (int slot = 0; slot < 4; slot++) assertThat(feel.offset(slot)).as("position %d", slot).isZero();
    }

    @Test
    void offsetsAreBoundedToAThirdOfASixteenth() {
        // 0.4 sixteenth late or early: within a position's reach, beyond the bound
        PlayerFeel late = play(12, new int[] {0, 1, 2, 3}, new double[] {0, 0.4, 0, 0.4}, 0.0, 0, 5);
        PlayerFeel early = play(12, new int[] {0, 1, 2, 3}, new double[] {0, 0, -0.4, 0}, 0.0, 0, 5);

        assertThat(late.offset(1)).isEqualTo(PlayerFeel.MAX_OFFSET);
        assertThat(late.offset(3)).isEqualTo(PlayerFeel.MAX_OFFSET);
        assertThat(early.offset(2)).isEqualTo(-PlayerFeel.MAX_OFFSET);
    }

    @Test
    void aTripletsNotesAreNoPositionsFeel() {
        // beats of straight eighths and of triplet eighths in turn, as a hornpipe's or a song's triplets come: the
        // triplet's notes lie a third of a sixteenth after the "e" and before the "a", and were measured as their feel
        // (bounded to a third), which moved the answer's sixteenths off the player's grid
        for (long seed = 0; seed < 20; seed++) {
            PlayerFeel feel = hearBeats(16, beat -> beat % 2 == 0 ? new double[] {0, 2} : new double[] {0, 4.0 / 3, 8.0 / 3},
                    random -> 0.1 * (random.nextDouble() - 0.5) * 2, seed);
            for (int slot = 1; slot < 4; slot++) assertThat(feel.offset(slot)).as("seed %d position %d", seed, slot).isZero();
        }
    }

    @Test
    void sixteenthSwingIsNoTriplet() {
        // the "e" and the "a" a third of a sixteenth late: intervals long and short in turn, never two a third of a beat
        PlayerFeel feel = play(16, new int[] {0, 1, 2, 3}, new double[] {0, 0.3, 0, 0.3}, 0.02, 0, 6);

        assertThat(feel.offset(1)).isCloseTo(0.3, within(0.05));
        assertThat(feel.offset(3)).isCloseTo(0.3, within(0.05));
    }

    @Test
    void afterTheGridMovesTheOnsetsAreMeasuredAgainstTheNewOne() {
        // swung eighths, then the beats renumbered by half a beat (the grid origin 12 ticks later): measured against the
        // new grid, as if heard on it, the swing is where the new grid has it, not where the old one did
        PlayerFeel moved = play(16, new int[] {0, 2}, new double[] {0, 0, 0.3, 0}, 0.02, 0, 7);
        moved.gridMoved(12);
        PlayerFeel heardOnTheNewGrid = play(16, new int[] {0, 2}, new double[] {0, 0, 0.3, 0}, 0.02, -2, 7);

        assertThat(moved.offset(2)).isCloseTo(-0.3, within(0.06));
        for (int slot = 1; slot < 4; slot++) {
            assertThat(moved.offset(slot)).as("position %d", slot).isCloseTo(heardOnTheNewGrid.offset(slot), within(1e-9));
        }
    }

    @Test
    void onsetsHalfwayBetweenSixteenthsAreNoPositionsFeel() {
        // dotted eighths and sixteenths heard at half tempo: the sixteenth falls halfway between two of the grid's
        for (long seed = 0; seed < 20; seed++) {
            PlayerFeel feel = hearBeats(16, beat -> new double[] {0, 1.5, 2, 3.5}, random -> 0.05 * GroovedPlayer.gaussian(random), seed);
            for (int slot = 1; slot < 4; slot++) assertThat(feel.offset(slot)).as("seed %d position %d", seed, slot).isZero();
        }
    }

    @Test
    void betweenSixteenthsTheOffsetIsInterpolatedSoTheTimeMapKeepsItsOrder() {
        PlayerFeel feel = play(16, new int[] {0, 1, 2, 3}, new double[] {0, 0.33, -0.33, 0.33}, 0.0, 0, 3);
        double previous = Double.NEGATIVE_INFINITY;
        for (long tick = 0; tick <= 48; tick++) {
            double shifted = tick + feel.offsetAt(tick) * MetricPosition.SIXTEENTH_TICKS;
            assertThat(shifted).as("tick %d", tick).isGreaterThan(previous);
            previous = shifted;
        }
        assertThat(feel.offsetAt(6)).isEqualTo(feel.offset(1));
        assertThat(feel.offsetAt(24)).isZero();
        assertThat(feel.offsetAt(3)).isCloseTo(feel.offset(1) / 2, within(1e-9));
    }

    @Test
    void aChordCountsOnce() {
        PlayerFeel once = play(12, new int[] {0, 2}, new double[] {0, 0, 0.25, 0}, 0.0, 0, 4);
        PlayerFeel rolled = new PlayerFeel();
        for (int beat = 0; beat < 12; beat++) {
            for (int slot : new int[] {0, 2}) {
                double ticks = (beat * 4 + slot + (slot == 2 ? 0.25 : 0)) * MetricPosition.SIXTEENTH_TICKS;
                for (int voice = 0; voice < 3; voice++) {
                    // a chord rolled over 20 ms: the later voices would be heard as late onsets were they counted
                    double voiceTicks = ticks + voice * 0.5;
                    rolled.hear(Math.round(voiceTicks * TICK), voiceTicks);
                }
            }
        }
        assertThat(rolled.offset(2)).isEqualTo(once.offset(2));
    }
}
