package io.antiphon.engine.sampling;

import static io.antiphon.engine.token.Vocabulary.noteOff;
import static io.antiphon.engine.token.Vocabulary.noteOn;
import static io.antiphon.engine.token.Vocabulary.timeShift;
import static io.antiphon.engine.token.Vocabulary.velocity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaskRulesTest {

    private final TokenMask mask = new TokenMask();
    private final long[] machineOnsets = new long[128];
    private final boolean[] humanDown = new boolean[128];

    @BeforeEach
    void everythingAllowed() {
        mask.allowAll();
        Arrays.fill(machineOnsets, -1);
    }

    @Test
    void keyboardForbidsPressingADownKeyAndReleasingAKeyTheMachineDoesNotHold() {
        machineOnsets[60] = 10;
        humanDown[64] = true;

        MaskRules.keyboard(mask, machineOnsets, humanDown, 12);

        assertThat(mask.allows(noteOn(60))).as("machine key down").isFalse();
        assertThat(mask.allows(noteOn(64))).as("human key down").isFalse();
        assertThat(mask.allows(noteOn(62))).isTrue();
        assertThat(mask.allows(noteOff(60))).isTrue();
        assertThat(mask.allows(noteOff(64))).as("the human's key is not the machine's to release").isFalse();
        assertThat(mask.allows(noteOff(62))).isFalse();
        assertThat(mask.allows(timeShift(5))).isTrue();
    }

    @Test
    void keyboardForbidsReleasingANoteAtTheTickItStarted() {
        machineOnsets[60] = 12;

        MaskRules.keyboard(mask, machineOnsets, humanDown, 12);

        assertThat(mask.allows(noteOff(60))).isFalse();
    }

    @Test
    void scaleForbidsOnsetsOutsideTheKey() {
        MaskRules.scale(mask, Scale.MAJOR, 0);

        assertThat(mask.allows(noteOn(60))).isTrue();
        assertThat(mask.allows(noteOn(61))).isFalse();
        assertThat(mask.allows(noteOn(71))).isTrue();
        assertThat(mask.allows(noteOff(61))).as("releases are never masked by key").isTrue();
        assertThat(countNoteOns()).isEqualTo(52); // 88 keys, A0..C8: 52 white keys
    }

    @Test
    void scaleFollowsTheRoot() {
        MaskRules.scale(mask, Scale.BLUES, 9); // A blues: A C D D# E G

        for (int pitch = 57; pitch < 69; pitch++) {
            boolean inScale = Arrays.asList(57, 60, 62, 63, 64, 67).contains(pitch);
            assertThat(mask.allows(noteOn(pitch))).as("key %d", pitch).isEqualTo(inScale);
        }
    }

    @Test
    void chromaticMasksNothing() {
        MaskRules.scale(mask, Scale.CHROMATIC, 3);

        assertThat(mask.count()).isEqualTo(Vocabulary.SIZE);
    }

    @Test
    void pitchRangeForbidsOnsetsOutsideInEitherOrder() {
        MaskRules.pitchRange(mask, 48, 72);
        TokenMask swapped = new TokenMask();
        swapped.allowAll();
        MaskRules.pitchRange(swapped, 72, 48);

        assertThat(mask.allows(noteOn(47))).isFalse();
        assertThat(mask.allows(noteOn(48))).isTrue();
        assertThat(mask.allows(noteOn(72))).isTrue();
        assertThat(mask.allows(noteOn(73))).isFalse();
        assertThat(mask.allows(noteOff(30))).isTrue();
        assertThat(countNoteOns()).isEqualTo(25);
        for (int t = 0; t < Vocabulary.SIZE; t++) assertThat(swapped.allows(t)).isEqualTo(mask.allows(t));
    }

    @Test
    void polyphonyForbidsOnsetsAtTheLimit() {
        MaskRules.polyphony(mask, 3, 4);
        assertThat(mask.count()).isEqualTo(Vocabulary.SIZE);

        MaskRules.polyphony(mask, 4, 4);
        assertThat(countNoteOns()).isZero();
        assertThat(mask.allowsAnyIn(Vocabulary.VELOCITY_BASE, Vocabulary.SIZE)).isFalse();
        assertThat(mask.allows(noteOff(60))).isTrue();
        assertThat(mask.allows(timeShift(1))).isTrue();
    }

    @Test
    void aVelocityTokenIsFollowedByANoteOn() {
        MaskRules.velocityGrammar(mask, velocity(5), 5);

        assertThat(countNoteOns()).isEqualTo(Vocabulary.PITCHES);
        assertThat(mask.count()).isEqualTo(Vocabulary.PITCHES);
    }

    @Test
    void aVelocityTokenOnlyChangesTheBin() {
        MaskRules.velocityGrammar(mask, noteOn(60), 5);

        assertThat(mask.allows(velocity(5))).isFalse();
        assertThat(mask.allows(velocity(6))).isTrue();
        assertThat(mask.allows(noteOn(61))).isTrue();
    }

    @Test
    void beforeAnyVelocityANoteOnNeedsOne() {
        MaskRules.velocityGrammar(mask, -1, -1);

        assertThat(countNoteOns()).isZero();
        assertThat(mask.allows(velocity(8))).isTrue();
    }

    @Test
    void noVelocityTokenWhenNoNoteOnCanFollow() {
        MaskRules.polyphony(mask, 2, 2);
        MaskRules.velocityGrammar(mask, noteOff(60), 3);

        assertThat(mask.allowsAnyIn(Vocabulary.VELOCITY_BASE, Vocabulary.SIZE)).isFalse();
    }

    @Test
    void noTimeShiftLetsTheAnswerStartAtOnce() {
        MaskRules.noTimeShift(mask);

        assertThat(mask.allowsAnyIn(Vocabulary.TIME_SHIFT_BASE, Vocabulary.VELOCITY_BASE)).isFalse();
        assertThat(mask.count()).isEqualTo(Vocabulary.SIZE - Vocabulary.MAX_SHIFT);
    }

    @Test
    void shiftsUpToLimitsHowFarTimeMayJump() {
        MaskRules.shiftsUpTo(mask, 10);

        assertThat(mask.allows(timeShift(10))).isTrue();
        assertThat(mask.allows(timeShift(11))).isFalse();

        TokenMask none = new TokenMask();
        none.allowAll();
        MaskRules.shiftsUpTo(none, 0);
        assertThat(none.allowsAnyIn(Vocabulary.TIME_SHIFT_BASE, Vocabulary.VELOCITY_BASE)).isFalse();
    }

    @Test
    void shiftsOntoGridLandOnlyOnGridLines() {
        MaskRules.shiftsOntoGrid(mask, 24, 6);

        assertThat(mask.allows(timeShift(6))).isTrue();
        assertThat(mask.allows(timeShift(48))).isTrue();
        assertThat(mask.allows(timeShift(5))).isFalse();
        assertThat(mask.allows(timeShift(7))).isFalse();
        assertThat(mask.allows(noteOn(60))).isTrue();

        TokenMask offGrid = new TokenMask();
        offGrid.allowAll();
        MaskRules.shiftsOntoGrid(offGrid, -4, 6); // two ticks before a grid line, before the grid's origin
        assertThat(offGrid.allows(timeShift(4))).isTrue();
        assertThat(offGrid.allows(timeShift(10))).isTrue();
        assertThat(offGrid.allows(timeShift(6))).isFalse();
    }

    @Test
    void maxDurationKeepsTimeFromPassingTheEarliestDeadline() {
        machineOnsets[60] = 0;
        machineOnsets[67] = 10;

        MaskRules.maxDuration(mask, machineOnsets, 20, 24);

        assertThat(mask.allows(timeShift(4))).isTrue();
        assertThat(mask.allows(timeShift(5))).isFalse();
        assertThat(mask.allows(noteOn(72))).isTrue();
    }

    @Test
    void maxDurationForcesTheReleaseOfOverdueNotes() {
        machineOnsets[60] = 0;
        machineOnsets[67] = 10;

        MaskRules.maxDuration(mask, machineOnsets, 24, 24);

        assertThat(mask.count()).isEqualTo(1);
        assertThat(mask.allows(noteOff(60))).isTrue();
    }

    private int countNoteOns() {
        int n = 0;
        for (int t = Vocabulary.NOTE_ON_BASE; t < Vocabulary.NOTE_OFF_BASE; t++) {
            if (mask.allows(t)) n++;
        }
        return n;
    }
}
