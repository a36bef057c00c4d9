package io.antiphon.engine.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class MelodyMemoryTest {

    /** A motif of nine notes: eight intervals, each distinct from its neighbours. */
    private static final int[] MOTIF = {0, 4, 7, 5, 9, 7, 2, 4, 0};

    /** Plays {@code pitches} from {@code root} as a person would: jittered shifts, releases, a velocity now and then. */
    private static void play(MelodyMemory memory, int root, int[] pitches, SplittableRandom random, boolean human) {
        for (int step : pitches) {
            if (random.nextInt(3) == 0) memory.observe(Vocabulary.velocity(random.nextInt(8)), human);
            memory.observe(Vocabulary.noteOn(root + step), human);
            memory.observe(Vocabulary.timeShift(9 + random.nextInt(3)), human);
            memory.observe(Vocabulary.noteOff(root + step), human);
            memory.observe(Vocabulary.timeShift(1 + random.nextInt(3)), human);
        }
    }

    private static float[] flatNoteOns() {
        float[] p = new float[Vocabulary.SIZE];
        Arrays.fill(p, 0.5f / Vocabulary.SIZE);
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) p[Vocabulary.noteOn(pitch)] += 0.5f / 88;
        return p;
    }

    private static double noteOnMass(float[] p) {
        double s = 0;
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) s += p[Vocabulary.noteOn(pitch)];
        return s;
    }

    @Test
    void aMotifPlayedWithRaggedTimingIsRecognisedByItsIntervalsInAnotherKey() {
        MelodyMemory memory = new MelodyMemory();
        SplittableRandom random = new SplittableRandom(7);
        play(memory, 60, MOTIF, random, true);
        play(memory, 72, new int[] {-5, -3}, random, true);
        // the motif's first four notes again, a tone higher and with other shifts: the next interval is the motif's
        play(memory, 62, Arrays.copyOf(MOTIF, 4), random, true);

        assertThat(memory.size()).isEqualTo(MOTIF.length + 2 + 3);
        assertThat(memory.intervalProbability(MOTIF[4] - MOTIF[3])).isGreaterThan(0.5);
        assertThat(memory.intervalProbability(MOTIF[2] - MOTIF[1])).isLessThan(0.1);
    }

    @Test
    void theNextNoteLeansToThePlayersIntervalAndTheNoteOnsKeepTheirShare() {
        MelodyMemory memory = new MelodyMemory();
        SplittableRandom random = new SplittableRandom(3);
        play(memory, 60, MOTIF, random, true);
        play(memory, 64, Arrays.copyOf(MOTIF, 5), random, true);   // last top 64 + 9 = 73; next: 73 - 2 = 71
        float[] p = flatNoteOns();
        float[] before = p.clone();

        memory.reshape(p, 1.0);

        assertThat(noteOnMass(p)).isCloseTo(noteOnMass(before), offset(1e-5));
        assertThat(p[Vocabulary.noteOn(71)]).isGreaterThan(10 * before[Vocabulary.noteOn(71)]);
        assertThat(p[Vocabulary.noteOn(75)]).isLessThan(before[Vocabulary.noteOn(75)]);
        assertThat(p[Vocabulary.timeShift(6)]).isEqualTo(before[Vocabulary.timeShift(6)]);
        // graded: half the strength leans less
        float[] half = before.clone();
        memory.reshape(half, 0.5);
        assertThat(half[Vocabulary.noteOn(71)]).isBetween(before[Vocabulary.noteOn(71)], p[Vocabulary.noteOn(71)]);
        // strength 0 changes nothing
        float[] none = before.clone();
        memory.reshape(none, 0);
        assertThat(none).containsExactly(before);
    }

    @Test
    void theMachinesOwnIntervalsAreContextOnlySoItNeverLoopsOnThem() {
        MelodyMemory memory = new MelodyMemory();
        SplittableRandom random = new SplittableRandom(5);
        play(memory, 60, MOTIF, random, false);
        play(memory, 60, Arrays.copyOf(MOTIF, 4), random, false);
        float[] p = flatNoteOns();
        float[] before = p.clone();

        memory.reshape(p, 1.0);

        assertThat(memory.intervalProbability(MOTIF[4] - MOTIF[3])).isCloseTo(1.0 / (2 * MelodyMemory.REACH + 2), offset(1e-6));
        assertThat(p[Vocabulary.noteOn(69)]).isCloseTo(before[Vocabulary.noteOn(69)], offset(1e-7f));
    }

    @Test
    void aChordsTopIsTheMelodyAndNotesBelowItAreLeftAlone() {
        MelodyMemory memory = new MelodyMemory();
        SplittableRandom random = new SplittableRandom(9);
        play(memory, 60, MOTIF, random, true);
        play(memory, 60, Arrays.copyOf(MOTIF, 2), random, true);   // last top 64; next +3 -> 67
        memory.observe(Vocabulary.noteOn(67), false);              // the machine's chord: its top so far 67
        float[] p = flatNoteOns();
        float[] before = p.clone();

        memory.reshape(p, 1.0);

        assertThat(p[Vocabulary.noteOn(55)] / before[Vocabulary.noteOn(55)])
                .isCloseTo(p[Vocabulary.noteOn(60)] / before[Vocabulary.noteOn(60)], offset(1e-5f));
    }

    @Test
    void restoreUndoesWhatWasHeardSinceSave() {
        MelodyMemory memory = new MelodyMemory();
        SplittableRandom random = new SplittableRandom(11);
        play(memory, 60, MOTIF, random, true);
        double expected = memory.intervalProbability(4);
        int size = memory.size();
        memory.save();
        play(memory, 50, new int[] {0, 1, 2, 3}, random, false);

        memory.restore();

        assertThat(memory.size()).isEqualTo(size);
        assertThat(memory.intervalProbability(4)).isEqualTo(expected);
    }
}
