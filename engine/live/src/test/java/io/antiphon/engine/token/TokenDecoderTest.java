package io.antiphon.engine.token;

import static io.antiphon.engine.token.Vocabulary.noteOff;
import static io.antiphon.engine.token.Vocabulary.noteOn;
import static io.antiphon.engine.token.Vocabulary.timeShift;
import static io.antiphon.engine.token.Vocabulary.velocity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenDecoderTest {

    private static TimedNote note(int pitch, int velocity, long start, long end) {
        return new TimedNote(pitch, velocity, start, end);
    }

    @Test
    void notesPlayAtTheCentreOfTheirBin() {
        assertThat(TokenDecoder.decode(new int[] {velocity(3), noteOn(60), timeShift(5), noteOff(60)}))
                .containsExactly(note(60, 28, 0, 5));
    }

    @Test
    void noteOnsBeforeAnyVelocityTokenUseTheDefaultBin() {
        assertThat(TokenDecoder.decode(new int[] {noteOn(60), timeShift(5), noteOff(60)}))
                .containsExactly(note(60, Vocabulary.velocityOfBin(TokenDecoder.DEFAULT_VELOCITY_BIN), 0, 5));
    }

    @Test
    void aNoteOnOfASoundingKeyRetriggersIt() {
        assertThat(TokenDecoder.decode(new int[] {
                velocity(10), noteOn(60), timeShift(4), velocity(12), noteOn(60), timeShift(4), noteOff(60)}))
                .containsExactly(note(60, 84, 0, 4), note(60, 100, 4, 8));
    }

    @Test
    void aNoteOffOfASilentKeyIsIgnored() {
        assertThat(TokenDecoder.decode(new int[] {
                noteOff(61), velocity(10), noteOn(60), timeShift(4), noteOff(60), noteOff(60), timeShift(4)}))
                .containsExactly(note(60, 84, 0, 4));
    }

    @Test
    void aNoteReleasedAtItsOwnOnsetLeavesNothing() {
        assertThat(TokenDecoder.decode(new int[] {velocity(10), noteOn(60), noteOff(60), timeShift(3)})).isEmpty();
    }

    @Test
    void keysStillDownAtTheEndAreReleasedAtTheFinalTimeAndLastAtLeastOneTick() {
        assertThat(TokenDecoder.decode(new int[] {velocity(10), noteOn(60), timeShift(48), timeShift(2), noteOn(64)}))
                .containsExactly(note(60, 84, 0, 50), note(64, 84, 50, 51));
    }

    @Test
    void aTokenOutsideTheVocabularyIsNamedWithItsIndex() {
        assertThatThrownBy(() -> TokenDecoder.decode(new int[] {noteOn(60), 240}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token 240 at index 1");
    }

    @Test
    void handWrittenPiecesSurviveTheRoundTrip() {
        List<List<TimedNote>> pieces = List.of(
                List.of(),
                List.of(note(21, 4, 0, 1)),
                // a chord with mixed bins, then one with a long gap before it
                List.of(note(60, 84, 0, 24), note(64, 100, 0, 24), note(67, 84, 0, 24),
                        note(48, 124, 150, 400), note(72, 4, 150, 151)),
                // a repeated note, struck again on the very tick it was released
                List.of(note(62, 68, 0, 6), note(62, 68, 6, 12), note(62, 68, 12, 18), note(62, 76, 200, 206)),
                // a long silence before the first note, and a note lasting more than 48 ticks
                List.of(note(108, 124, 1000, 1100)));
        for (List<TimedNote> piece : pieces) {
            assertThat(TokenDecoder.decode(TokenEncoder.encode(piece))).as("%s", piece).isEqualTo(piece);
        }
    }

    @Test
    void randomNoteListsAtBinCentresWithoutSameKeyOverlapSurviveTheRoundTrip() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int trial = 0; trial < 500; trial++) {
            List<TimedNote> notes = randomNotes(random);
            notes.sort(SameKeyOverlaps.ONSET_ORDER);
            assertThat(TokenDecoder.decode(TokenEncoder.encode(notes))).as("trial %d", trial).isEqualTo(notes);
        }
    }

    /** Several keys, each with a sequence of notes that may touch but never overlap; some gaps exceed 48 ticks. */
    private static List<TimedNote> randomNotes(SplittableRandom random) {
        List<TimedNote> notes = new ArrayList<>();
        int[] pitches = random.ints(21, 109).distinct().limit(random.nextInt(1, 8)).toArray();
        for (int pitch : pitches) {
            long time = random.nextInt(0, 100);
            int count = random.nextInt(0, 15);
            for (int i = 0; i < count; i++) {
                long end = time + random.nextInt(1, 120);
                int velocity = Vocabulary.velocityOfBin(random.nextInt(Vocabulary.VELOCITY_BINS));
                notes.add(new TimedNote(pitch, velocity, time, end));
                time = end + (random.nextInt(3) == 0 ? 0 : random.nextInt(0, 150));
            }
        }
        return notes;
    }
}
