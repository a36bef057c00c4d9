package io.antiphon.engine.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.AllocationRounds;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

class SessionMemoryTest {

    private final float[] p = new float[Vocabulary.SIZE];

    private static void appendAll(SessionMemory memory, int... tokens) {
        for (int t : tokens) memory.append(t, 1f);
    }

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) s += v;
        return s;
    }

    @Test
    void withNothingHeardItPredictsUniformly() {
        SessionMemory memory = new SessionMemory(64, 8);

        assertThat(memory.predict(p)).isEqualTo(-1);
        assertThat(p[0]).isCloseTo(1f / Vocabulary.SIZE, offset(1e-7f));
        assertThat(sum(p)).isCloseTo(1, offset(1e-5));
    }

    @Test
    void aPhraseHeardOnceIsPredictedWhenItComesAgain() {
        SessionMemory memory = new SessionMemory(64, 8);
        int[] motif = {3, 7, 5, 9, 3, 11};
        appendAll(memory, motif);
        appendAll(memory, 20, 21);
        appendAll(memory, 3, 7, 5);

        assertThat(memory.predict(p)).isEqualTo(3);
        assertThat(sum(p)).isCloseTo(1, offset(1e-5));
        // after 3 7 5 came 9: the longest context votes for it with the orders below
        int best = 0;
        for (int t = 1; t < p.length; t++) if (p[t] > p[best]) best = t;
        assertThat(best).isEqualTo(9);
        assertThat(p[9]).isGreaterThan(0.5f);
        assertThat(p[11]).isLessThan(0.1f);
    }

    @Test
    void theLongerTheSharedContextTheSurerThePrediction() {
        SessionMemory memory = new SessionMemory(256, 16);
        int[] phrase = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        appendAll(memory, phrase);
        appendAll(memory, 1, 2);
        memory.predict(p);
        float afterTwo = p[3];
        appendAll(memory, 3, 4, 5, 6, 7);
        memory.predict(p);

        assertThat(p[8]).isGreaterThan(afterTwo);
    }

    @Test
    void aTokenOfWeightZeroIsContextButNeverPredicted() {
        SessionMemory memory = new SessionMemory(64, 4);
        memory.append(1, 1f);
        memory.append(2, 0f);
        memory.append(1, 1f);
        memory.predict(p);

        assertThat(p[2]).isLessThan(1f / Vocabulary.SIZE);
        assertThat(p[1]).isGreaterThan(0.4f);
    }

    @Test
    void truncatingUndoesTheLatestTokensExactly() {
        SessionMemory memory = new SessionMemory(64, 8);
        SessionMemory reference = new SessionMemory(64, 8);
        int[] heard = {4, 5, 6, 4, 5, 7, 4, 5};
        appendAll(memory, heard);
        appendAll(reference, heard);
        long mark = memory.position();
        appendAll(memory, 6, 30, 31);
        memory.truncateTo(mark);
        float[] q = new float[Vocabulary.SIZE];

        assertThat(memory.position()).isEqualTo(mark);
        assertThat(memory.predict(p)).isEqualTo(reference.predict(q));
        assertThat(p).containsExactly(q);
    }

    @Test
    void itStaysBoundedForgettingTheOldest() {
        SessionMemory memory = new SessionMemory(32, 4);
        appendAll(memory, 100, 101, 102, 103);           // soon forgotten
        for (int i = 0; i < 200; i++) memory.append(i % 5, 1f);
        appendAll(memory, 100, 101, 102);

        assertThat(memory.size()).isLessThanOrEqualTo(36);
        assertThat(memory.position()).isEqualTo(207);
        memory.predict(p);
        assertThat(p[103]).as("the forgotten continuation").isLessThan(0.01f);
    }

    @Test
    void afterForgettingItMatchesAMemoryThatOnlyEverHeardWhatIsKept() {
        SplittableRandom random = new SplittableRandom(3);
        SessionMemory memory = new SessionMemory(32, 6);
        int[] heard = new int[100];
        for (int i = 0; i < heard.length; i++) heard[i] = random.nextInt(4);
        appendAll(memory, heard);
        SessionMemory fresh = new SessionMemory(32, 6);
        for (int i = heard.length - memory.size(); i < heard.length; i++) fresh.append(heard[i], 1f);
        float[] q = new float[Vocabulary.SIZE];

        assertThat(memory.predict(p)).isEqualTo(fresh.predict(q));
        assertThat(p).containsExactly(q);
    }

    @Test
    void badArgumentsAreRefusedInOneSentence() {
        assertThatThrownBy(() -> new SessionMemory(4, 8)).hasMessageContaining("capacity of 16 or more");
        assertThatThrownBy(() -> new SessionMemory(64, 8).append(240, 1f)).hasMessageContaining("outside the alphabet 0..239");
        assertThatThrownBy(() -> new SessionMemory(64, 8, 26).append(26, 1f)).hasMessageContaining("outside the alphabet 0..25");
    }

    @Test
    void learningAndPredictingAllocateNothing() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        SessionMemory memory = new SessionMemory(128, 16);
        SplittableRandom random = new SplittableRandom(1);
        Runnable round = () -> {
            for (int i = 0; i < 2_000; i++) {
                memory.append(random.nextInt(12), random.nextBoolean() ? 1f : 0.25f);
                if (i % 9 == 0) memory.truncateTo(memory.position() - 2);
                memory.predict(p);
            }
        };
        AllocationRounds.bytesPerRound(3, round); // the JIT settles

        AllocationRounds.assertNothingAllocatedOnceWarm(AllocationRounds.bytesPerRound(5, round));
    }
}
