package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseDetectorTest {

    private static final long MS = 1_000_000L;
    private static final long FLOOR = 400 * MS;
    private static final long BEAT = 500 * MS;

    private final PhraseDetector detector = new PhraseDetector();

    /** {@code count} notes {@code spacingMs} apart, each released {@code lengthMs} after its onset; returns the last release. */
    private long play(long startMs, int count, long spacingMs, long lengthMs) {
        long onset = startMs;
        for (int i = 0; i < count; i++) {
            onset = startMs + i * spacingMs;
            detector.noteOn(onset * MS);
            detector.silent((onset + lengthMs) * MS);
        }
        return (onset + lengthMs) * MS;
    }

    @Test
    void theSilenceThatEndsAPhraseFollowsThePlayersSpacing() {
        long end = play(0, 6, 600, 300);

        assertThat(detector.threshold(FLOOR, 2.5, BEAT)).isEqualTo(1_500 * MS);
        assertThat(detector.ended(end + 1_500 * MS - 1, true, FLOOR, 2.5, BEAT)).isFalse();
        assertThat(detector.ended(end + 1_500 * MS, true, FLOOR, 2.5, BEAT)).isTrue();
    }

    @Test
    void aFastPlayerIsAnsweredAfterTheFloor() {
        long end = play(0, 8, 100, 80);

        assertThat(detector.threshold(FLOOR, 2.5, BEAT)).isEqualTo(FLOOR);
        assertThat(detector.ended(end + FLOOR, true, FLOOR, 2.5, BEAT)).isTrue();
    }

    @Test
    void theMedianIgnoresAnOddLongPause() {
        play(0, 5, 200, 100);
        detector.noteOn(3_000 * MS); // one interval of 2.2 s among four of 0.2 s

        assertThat(detector.medianInterval(BEAT)).isEqualTo(200 * MS);
    }

    @Test
    void chordNotesAreOneOnset() {
        for (int i = 0; i < 4; i++) {
            long onset = i * 500L;
            detector.noteOn(onset * MS);
            detector.noteOn((onset + 10) * MS);
            detector.noteOn((onset + 25) * MS); // a rolled chord
        }

        assertThat(detector.medianInterval(BEAT)).isEqualTo(475 * MS); // 500 - 25: from the chord's last note
    }

    @Test
    void onlyTheLastIntervalsCount() {
        play(0, 10, 1_000, 100);
        play(20_000, 10, 100, 50);
        detector.startNewPhrase();

        assertThat(detector.medianInterval(BEAT)).isEqualTo(100 * MS);
    }

    @Test
    void withoutIntervalsTheMedianIsABeat() {
        long end = play(0, 1, 0, 200);

        assertThat(detector.threshold(FLOOR, 2.5, BEAT)).isEqualTo(1_250 * MS);
        assertThat(detector.ended(end + 1_250 * MS, true, FLOOR, 2.5, BEAT)).isTrue();
    }

    @Test
    void nothingEndsWhileSomethingSoundsOrBeforeAPhrase() {
        assertThat(detector.ended(10_000 * MS, true, FLOOR, 2.5, BEAT)).as("no phrase yet").isFalse();
        play(0, 3, 200, 100);

        assertThat(detector.ended(10_000 * MS, false, FLOOR, 2.5, BEAT)).as("a key or the pedal down").isFalse();
        detector.startNewPhrase();
        assertThat(detector.ended(10_000 * MS, true, FLOOR, 2.5, BEAT)).as("phrase already answered").isFalse();
    }

    @Test
    void aCallLastsFromItsFirstOnsetToItsSilence() {
        play(1_000, 4, 250, 200);

        assertThat(detector.callNanos()).isEqualTo(950 * MS);
        assertThat(detector.inPhrase()).isTrue();
    }

    @Test
    void intervalsAcrossPhrasesAreNotMeasured() {
        play(0, 3, 300, 100);
        detector.startNewPhrase();
        play(10_000, 3, 300, 100);

        assertThat(detector.medianInterval(BEAT)).isEqualTo(300 * MS);
    }

    @Test
    void aBeatFoundButNotSettledCountsRestsInOneAndAHalfOfItsBeats() {
        // quarters 750 ms apart, the beat being induced 500 ms (the player's triplet eighths taken for its eighths)
        long end = play(0, 4, 750, 700);

        assertThat(detector.restThreshold(FLOOR, BeatCertainty.SETTLED.restBeatNanos(BEAT))).isEqualTo(1_125 * MS);
        assertThat(detector.restThreshold(FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT))).isEqualTo(1_687_500_000L);
        // a rest of two of the player's beats (1,500 ms) ends the phrase in the settled beat's count only
        assertThat(detector.endedInBeats(end + 1_500 * MS, true, FLOOR, BeatCertainty.SETTLED.restBeatNanos(BEAT), true)).isTrue();
        assertThat(detector.endedInBeats(end + 1_500 * MS, true, FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT), false)).isFalse();
        // ... which ends 3.25 of those beats after the last onset (2,250 ms)
        assertThat(detector.endedInBeatsAt(FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT), false)).isEqualTo(4_687_500_000L);
        assertThat(detector.endedInBeats(4_687_500_000L, true, FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT), false)).isTrue();
    }

    @Test
    void aBeatFoundButNotSettledDoesNotEndThePhraseAfterADetachedNoteAndARestEither() {
        // the same quarters, each released after 150 ms: the rule since the last onset counts in the same beat
        long end = play(0, 4, 750, 150);
        long lastOnset = end - 150 * MS;

        assertThat(detector.endedInBeats(lastOnset + 2_250 * MS, true, FLOOR, BeatCertainty.SETTLED.restBeatNanos(BEAT), true)).isTrue();
        assertThat(detector.endedInBeats(lastOnset + 2_250 * MS, true, FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT), false)).isFalse();
        assertThat(detector.endedInBeatsAt(FLOOR, BeatCertainty.FOUND.restBeatNanos(BEAT), false)).isEqualTo(lastOnset + 2_437_500_000L);
    }

    @Test
    void aBeatFoundButNotSettledCountsRestsInOneAndAHalfOfItsBeatsWhateverTheIntervals() {
        // a run of triplet eighths 278 ms apart (72 BPM) whose beat is being induced at 108 BPM (556 ms), or half notes
        play(0, 8, 278, 250);
        assertThat(detector.restThreshold(FLOOR, BeatCertainty.FOUND.restBeatNanos(556 * MS))).isEqualTo(1_876_500_000L);
        detector.startNewPhrase();
        play(10_000, 3, 2_000, 1_900);
        assertThat(detector.restThreshold(FLOOR, BeatCertainty.FOUND.restBeatNanos(556 * MS))).isEqualTo(1_876_500_000L);
        assertThat(detector.restThreshold(FLOOR, BeatCertainty.SETTLED.restBeatNanos(556 * MS))).isEqualTo(1_251 * MS);
    }

    @Test
    void beforeAnyBeatIsFoundRestsAreCountedInTwoBeats() {
        // a pickup and a downbeat at 72 BPM (833 ms apart) against the prior's beat of 500 ms
        long end = play(0, 2, 833, 750);

        assertThat(detector.restThreshold(FLOOR, BeatCertainty.SOUGHT.restBeatNanos(BEAT))).isEqualTo(2_250 * MS);
        // a rest of two of the player's beats (1,667 ms) is not the end; one of 2,250 ms, and 3,250 since the onset, is
        assertThat(detector.endedInBeats(end + 1_667 * MS, true, FLOOR, BeatCertainty.SOUGHT.restBeatNanos(BEAT), false)).isFalse();
        assertThat(detector.endedInBeatsAt(FLOOR, BeatCertainty.SOUGHT.restBeatNanos(BEAT), false)).isEqualTo((833 + 3_250) * MS);
    }
}
