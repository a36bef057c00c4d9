package io.antiphon.engine.perform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The stage on its own, on a clock at 125 BPM from 0 (a tick is 20 ms, a sixteenth 120 ms): velocities and times of
 * the notes it is given at chosen ticks, after a human it has heard; the held-back messages on a cut, a taken key and
 * a stop.
 */
class ExpressionStageTest {

    private static final long MS = 1_000_000L;
    private static final long TICK = 20 * MS;

    private final PerformerParameters parameters = PerformanceDriver.parameters();
    private final MusicalClock clock = new MusicalClock(PerformanceDriver.BPM);
    private final RecordingMidiOut out = new RecordingMidiOut(4096);
    private final ExpressionStage stage;

    ExpressionStageTest() {
        clock.start(0);
        stage = new ExpressionStage(parameters, clock, new OrderedOut(out), 9);
    }

    /** The human plays eighths from 0, {@code swingMs} late off the beat, at velocities by position in the beat. */
    private void hearEighths(int beats, int onBeat, int offBeat, long swingMs) {
        for (int beat = 0; beat < beats; beat++) {
            stage.hear(beat * 24 * TICK, 60, onBeat, true);
            stage.hear((beat * 24 + 12) * TICK + swingMs * MS, 60, offBeat, true);
        }
    }

    /** The machine plays a note at {@code tick} for {@code length} ticks at the model's velocity 84; all is flushed. */
    private void play(long tick, int length, int pitch) {
        stage.noteOn(tick * TICK, tick, 0, pitch, 84);
        stage.release((tick + length) * TICK, tick + length, 0, pitch);
    }

    private double meanVelocityAt(int positionInBeat) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.status(i) != 0x90) continue;
            // the tick the note was played at: its pitch (see below) encodes it
            if (out.key(i) % 2 == (positionInBeat == 0 ? 0 : 1)) {
                sum += out.velocity(i);
                n++;
            }
        }
        return sum / n;
    }

    /** Eight bars of machine eighths (even keys on the beats, odd off them), velocities read at the output. */
    private void machineEighths() {
        for (int beat = 40; beat < 72; beat++) {
            play(beat * 24L, 6, 60);
            play(beat * 24L + 12, 6, 61);
        }
        stage.flushUntil(Long.MAX_VALUE);
    }

    @Test
    void accentsFollowThePlayersMetricPositions() {
        hearEighths(12, 100, 60, 0);
        machineEighths();
        assertThat(meanVelocityAt(0) - meanVelocityAt(12)).as("beat minus off-beat").isGreaterThan(15);

        ExpressionStageTest reversed = new ExpressionStageTest();
        reversed.hearEighths(12, 60, 100, 0);
        reversed.machineEighths();
        assertThat(reversed.meanVelocityAt(12) - reversed.meanVelocityAt(0)).as("off-beat minus beat").isGreaterThan(10);
        assertThat(out.firstViolation()).isNull();
    }

    @Test
    void whenThePlayersBeatIsMovedHalfABeatTheAnswerLeansOnTheNewBeats() {
        // the player leans on what the grid first took for off-beats; at the phrase's end the beat is decided again,
        // half a beat later: the grid's origin moves by 12 ticks, and the player's loud notes are on its beats
        hearEighths(12, 60, 100, 0);
        stage.gridMoved(12);
        machineEighths();
        assertThat(meanVelocityAt(0) - meanVelocityAt(12)).as("beat minus off-beat").isGreaterThan(15);
    }

    @Test
    void withDynamicsAtZeroTheModelsVelocityPassesAndAtAHalfItIsHalfWay() {
        parameters.set(Parameter.DYNAMICS, 0);
        hearEighths(8, 30, 30, 0);
        play(240, 6, 60);
        parameters.set(Parameter.DYNAMICS, 0.5);
        play(264, 6, 60);
        stage.flushUntil(Long.MAX_VALUE);
        assertThat(out.velocity(0)).isEqualTo(84);
        assertThat(out.velocity(2)).isBetween(84 - (84 - 30) / 2 - 6, 84 - (84 - 30) / 2 + 6);
    }

    @Test
    void velocitiesAreBoundedTo1Through127() {
        hearEighths(8, 127, 127, 0);
        play(240, 6, 60);
        ExpressionStageTest soft = new ExpressionStageTest();
        soft.hearEighths(8, 1, 1, 0);
        soft.play(252, 6, 61);
        stage.flushUntil(Long.MAX_VALUE);
        soft.stage.flushUntil(Long.MAX_VALUE);
        assertThat(out.velocity(0)).isEqualTo(127);
        assertThat(soft.out.velocity(0)).isEqualTo(1);
    }

    @Test
    void theFeelHoldsASwungNoteBackUntilItIsDueAndItsReleaseMovesWithIt() {
        hearEighths(12, 80, 80, 36); // 0.3 sixteenth late
        play(300, 3, 61); // the off-beat of beat 12, three ticks long
        stage.flushUntil(300 * TICK + 5 * MS); // the tick is due, within a 5 ms lookahead: the note is held back
        assertThat(out.size()).isZero();
        stage.flushUntil(Long.MAX_VALUE);
        long on = out.time(0);
        long off = out.time(1);
        assertThat(on - 300 * TICK).isBetween(30 * MS, 40 * MS);
        assertThat(off - on).as("the note keeps (about) its length").isBetween(3 * TICK - 20 * MS, 3 * TICK);
        assertThat(stage.heldReleases()).isZero();
    }

    @Test
    void withFeelAtZeroNothingIsHeldBack() {
        parameters.set(Parameter.FEEL, 0);
        hearEighths(12, 80, 80, 36);
        play(300, 3, 61);
        stage.flushUntil(300 * TICK);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.time(0)).isEqualTo(300 * TICK);
        assertThat(stage.leadNanos()).isZero();
    }

    @Test
    void aCutDropsANoteOnStillHeldBackAndSendsNothing() {
        hearEighths(12, 80, 80, 36);
        stage.noteOn(300 * TICK, 300, 0, 61, 84);
        stage.cut(300 * TICK + MS, 0, 61); // a barge-in before the held-back note-on went out
        stage.flushUntil(Long.MAX_VALUE);
        assertThat(out.size()).isZero();

        stage.noteOn(312 * TICK, 312, 0, 61, 84); // on the beat: not held back
        stage.flushUntil(312 * TICK);
        stage.cut(314 * TICK, 0, 61);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.time(1)).isEqualTo(314 * TICK);
        assertThat(out.firstViolation()).isNull();
    }

    @Test
    void aKeyTheHumanTakesHasItsHeldReleaseSentAtOnce() {
        hearEighths(12, 80, 80, 36);
        play(312, 12, 62); // from the beat to the swung off-beat: its release is held back
        stage.flushUntil(324 * TICK);
        assertThat(out.size()).isEqualTo(1);
        assertThat(stage.heldReleases()).isEqualTo(1);
        stage.releaseKey(324 * TICK + MS, 62);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.time(1)).isEqualTo(324 * TICK + MS);
        stage.flushUntil(Long.MAX_VALUE);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.sounding()).isZero();
    }

    @Test
    void silenceEndsWhatSoundsAndDropsWhatHasNotStarted() {
        hearEighths(12, 80, 80, 36);
        play(312, 12, 62); // sounding, its release on the swung off-beat held back
        play(324, 4, 64); // on the swung off-beat: held back with its release
        stage.flushUntil(324 * TICK);
        stage.silence(324 * TICK + MS);
        assertThat(out.time(out.size() - 1)).isEqualTo(324 * TICK + MS);
        stage.flushUntil(Long.MAX_VALUE);
        assertThat(out.firstViolation()).isNull();
        assertThat(out.sounding()).isZero();
        assertThat(out.noteOns()).isEqualTo(1);
        assertThat(stage.heldReleases()).isZero();
    }

    @Test
    void aPushedPositionAsksForTheLeadItNeeds() {
        for (int beat = 0; beat < 12; beat++) {
            stage.hear(beat * 24 * TICK, 60, 80, true);
            stage.hear((beat * 24 + 6) * TICK - 30 * MS, 60, 80, true); // the "e" a quarter sixteenth early
        }
        assertThat(stage.leadNanos()).isBetween(25 * MS, 30 * MS);
        parameters.set(Parameter.FEEL, 0.5);
        assertThat(stage.leadNanos()).isBetween(12 * MS, 15 * MS);
    }

    @Test
    void onsetsHeardOffThePlayersGridTeachNoAccents() {
        // loud on what the preset's grid calls the off-beats, heard before the player clock has found the beat: where
        // those notes lie on the player's grid is not known, so the answer keeps the conventional accents
        for (int beat = 0; beat < 12; beat++) {
            stage.hear(beat * 24 * TICK, 60, 60, false);
            stage.hear((beat * 24 + 12) * TICK, 60, 100, false);
        }
        machineEighths();
        assertThat(meanVelocityAt(0)).as("beat against off-beat").isGreaterThan(meanVelocityAt(12));
    }

    @Test
    void onsetsHeardOffThePlayersGridTeachTheLevelButNotTheFeel() {
        // the same pushed "e" as above, heard before the player clock has found the beat
        for (int beat = 0; beat < 12; beat++) {
            stage.hear(beat * 24 * TICK, 60, 90, false);
            stage.hear((beat * 24 + 6) * TICK - 30 * MS, 60, 90, false);
        }
        assertThat(stage.leadNanos()).isZero();
        assertThat(stage.feel().offset(1)).isZero();
        assertThat(stage.dynamics().level()).isEqualTo(90);
    }

    @Test
    void anAnswerAfterACrescendoKeepsNearThePlayersLevelOnTheWhole() {
        // a crescendo from 30 to 70 over twelve beats of eighths, every beat accented
        for (int i = 0; i < 24; i++) stage.hear(i * 12 * TICK, 60, 30 + 40 * i / 23 + (i % 2 == 0 ? 6 : 0), true);
        double level = stage.dynamics().level();
        // an answer of eight notes, all on bar lines and two octaves above the player's register, its part bounded: the
        // crescendo continued, the bar line's accent and the register each raise it
        stage.startPart(40 * 24 * TICK, 72 * 24 * TICK);
        for (int bar = 10; bar < 18; bar++) play(bar * 96L, 12, 84);
        stage.flushUntil(Long.MAX_VALUE);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.status(i) != 0x90) continue;
            sum += out.velocity(i);
            n++;
            assertThat((double) out.velocity(i)).as("note " + n).isLessThanOrEqualTo(level + ExpressionStage.MOST_FROM_LEVEL + VelocitySpread.LEAST_SD * 2);
        }
        assertThat(n).isEqualTo(8);
        assertThat(sum / n - level).as("the answer's mean above the player's last four notes").isLessThanOrEqualTo(ExpressionStage.MOST_FROM_LEVEL);
    }

    @Test
    void aPlayerAtOneLevelStillGetsAnAnswerShapedByItsMelody() {
        hearEighths(12, 80, 80, 0);   // one level, no accent, the register middle C
        // the machine's line: up an octave and back, every note on a beat
        int[] line = {60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60, 55};
        for (int i = 0; i < line.length; i++) play((40 + i) * 24L, 12, line[i]);
        stage.flushUntil(Long.MAX_VALUE);
        double sum = 0;
        double squares = 0;
        int top = 0;
        int low = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.status(i) != 0x90) continue;
            sum += out.velocity(i);
            squares += out.velocity(i) * (double) out.velocity(i);
            if (out.key(i) == 72) top = out.velocity(i);
            if (out.key(i) == 55) low = out.velocity(i);
        }
        double mean = sum / line.length;
        assertThat(Math.sqrt(squares / line.length - mean * mean)).as("the answer's velocity spread").isGreaterThanOrEqualTo(3);
        assertThat(mean).as("the player's level, with the beats' accent").isCloseTo(80 + stage.dynamics().accent(MetricPosition.BEAT), within(4.0));
        assertThat(top - low).as("the octave above the register against the fifth below it").isGreaterThan(8);
    }
}
