package io.antiphon.engine.token;

import static io.antiphon.engine.token.Vocabulary.noteOff;
import static io.antiphon.engine.token.Vocabulary.noteOn;
import static io.antiphon.engine.token.Vocabulary.timeShift;
import static io.antiphon.engine.token.Vocabulary.velocity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenEncoderTest {

    private static TimedNote note(int pitch, int velocity, long start, long end) {
        return new TimedNote(pitch, velocity, start, end);
    }

    @Test
    void noNotesGiveNoTokens() {
        assertThat(TokenEncoder.encode(List.of())).isEmpty();
    }

    @Test
    void oneNoteAtTickZeroIsVelocityOnShiftOff() {
        assertThat(TokenEncoder.encode(List.of(note(60, 80, 0, 6))))
                .containsExactly(velocity(10), noteOn(60), timeShift(6), noteOff(60));
    }

    @Test
    void aLateFirstNoteIsPrecededByTheElapsedTime() {
        assertThat(TokenEncoder.encode(List.of(note(21, 1, 10, 11))))
                .containsExactly(timeShift(10), velocity(0), noteOn(21), timeShift(1), noteOff(21));
    }

    @Test
    void gapsLongerThan48TicksBecomeSeveralShifts() {
        assertThat(TokenEncoder.encode(List.of(note(108, 127, 0, 96), note(108, 127, 196, 197))))
                .containsExactly(velocity(15), noteOn(108), timeShift(48), timeShift(48), noteOff(108),
                        timeShift(48), timeShift(48), timeShift(4), noteOn(108), timeShift(1), noteOff(108));
    }

    @Test
    void chordNotesComeInAscendingPitchWithOneVelocityPerBinChange() {
        int[] tokens = TokenEncoder.encode(List.of(
                note(67, 81, 0, 24), note(60, 80, 0, 24), note(64, 100, 0, 12), note(72, 87, 0, 24)));
        assertThat(tokens).containsExactly(
                velocity(10), noteOn(60), velocity(12), noteOn(64), velocity(10), noteOn(67), noteOn(72),
                timeShift(12), noteOff(64), timeShift(12), noteOff(60), noteOff(67), noteOff(72));
    }

    @Test
    void releasesAtATickComeBeforePressesWhateverThePitches() {
        assertThat(TokenEncoder.encode(List.of(note(50, 80, 0, 12), note(70, 80, 0, 12), note(40, 80, 12, 24))))
                .containsExactly(velocity(10), noteOn(50), noteOn(70), timeShift(12), noteOff(50), noteOff(70),
                        noteOn(40), timeShift(12), noteOff(40));
    }

    @Test
    void anOnsetOnASoundingKeyEndsTheSoundingNoteThere() {
        assertThat(TokenEncoder.encode(List.of(note(60, 80, 0, 12), note(60, 80, 6, 18))))
                .containsExactly(velocity(10), noteOn(60), timeShift(6), noteOff(60), noteOn(60),
                        timeShift(12), noteOff(60));
    }

    @Test
    void aUnisonOfTwoVoicesSoundsOnce() {
        assertThat(TokenEncoder.encode(List.of(note(53, 80, 0, 12), note(53, 80, 0, 12))))
                .containsExactly(velocity(10), noteOn(53), timeShift(12), noteOff(53));
    }

    @Test
    void aNoteCoveredByAnotherOnItsKeyMergesIntoIt() {
        assertThat(TokenEncoder.encode(List.of(note(53, 80, 0, 24), note(53, 40, 6, 12))))
                .containsExactly(velocity(10), noteOn(53), timeShift(24), noteOff(53));
    }

    @Test
    void randomOverlappingNotesNeverPressADownKeyNorReleaseAnUpKey() {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 300; trial++) {
            List<TimedNote> notes = new ArrayList<>();
            int count = random.nextInt(1, 40);
            for (int i = 0; i < count; i++) {
                long start = random.nextInt(0, 200);
                notes.add(note(random.nextInt(58, 64), random.nextInt(1, 128), start, start + random.nextInt(1, 60)));
            }
            boolean[] down = new boolean[Vocabulary.PITCHES];
            int[] tokens = TokenEncoder.encode(notes);
            for (int token : tokens) {
                if (Vocabulary.isNoteOn(token)) {
                    assertThat(down[Vocabulary.pitch(token) - 21]).as("NOTE_ON of a down key in %s", notes).isFalse();
                    down[Vocabulary.pitch(token) - 21] = true;
                } else if (Vocabulary.isNoteOff(token)) {
                    assertThat(down[Vocabulary.pitch(token) - 21]).as("NOTE_OFF of an up key in %s", notes).isTrue();
                    down[Vocabulary.pitch(token) - 21] = false;
                }
            }
            assertThat(down).as("keys left down").doesNotContain(true);
            assertThat(Vocabulary.isNoteOff(tokens[tokens.length - 1])).isTrue();
        }
    }
}
