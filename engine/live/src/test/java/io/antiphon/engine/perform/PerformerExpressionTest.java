package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The answer's dynamics and feel follow the player: calls performed off the grid (seeded jitter, swing, push), with a
 * crescendo or diminuendo and accents, played through the performer on the injected clock ({@link PerformanceDriver}
 * at 125 BPM: a sixteenth is 120 ms); the answer's velocities and onsets are read at the output.
 */
class PerformerExpressionTest {

    private static final int[] MELODY = {60, 62, 64, 65, 67, 69, 71, 72, 74, 72, 71, 69, 67, 65, 64, 62};
    private static final int MACHINE_CHANNEL = 0;

    /** A machine note-on at the output. */
    private record Onset(long nanos, int pitch, int velocity) {
    }

    /**
     * A call at {@code bpm}: {@code count} notes on the sixteenth positions {@code sixteenths} repeat (one beat's
     * pattern), position p played {@code offsets[p]} sixteenths late, with Gaussian jitter of {@code jitterMs}, at the
     * velocities {@code velocity} gives note i. Starts on the bar line at {@code startMs}; returns its end in ns.
     */
    private static long call(PerformanceDriver driver, double bpm, long startMs, int count, int[] pattern, double[] offsets,
                             double jitterMs, IntToDoubleFunction velocity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sixteenthMs = 60_000 / bpm / 4;
        long end = 0;
        for (int i = 0; i < count; i++) {
            int beat = i / pattern.length;
            int slot = pattern[i % pattern.length];
            double ms = startMs + (beat * 4 + slot + offsets[slot]) * sixteenthMs + jitterMs * GroovedPlayer.gaussian(random);
            long at = Math.max(startMs, Math.round(ms));
            int v = (int) Math.max(1, Math.min(127, Math.round(velocity.applyAsDouble(i))));
            driver.note(at, Math.round(sixteenthMs * 0.8), MELODY[i % MELODY.length], v);
            end = Math.max(end, (at + Math.round(sixteenthMs * 0.8)) * MS);
        }
        return end;
    }

    private static final int[] EIGHTHS = {0, 2};
    private static final int[] SIXTEENTHS = {0, 1, 2, 3};
    private static final double[] STRAIGHT = {0, 0, 0, 0};

    private static PerformerParameters parameters(double dynamics, double feel) {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.DYNAMICS, dynamics);
        parameters.set(Parameter.FEEL, feel);
        parameters.set(Parameter.ANSWER_LENGTH_RATIO, 2); // long answers: many notes to measure
        return parameters;
    }

    /** Plays the call, lets the performer answer it to the end; returns the answer's note-ons. */
    private static List<Onset> answer(PerformanceDriver driver, long callEnd) {
        assertThat(driver.runUntil(s -> s.answers() == 1, callEnd + 10_000 * MS)).as("answered").isTrue();
        assertThat(driver.runUntil(s -> s.phase() == PerformerPhase.LISTENING && s.machineNotesSounding() == 0,
                driver.now() + 60_000 * MS)).as("the answer ended").isTrue();
        assertThat(driver.out.firstViolation()).isNull();
        assertThat(driver.out.sounding()).as("hanging notes").isZero();
        List<Onset> onsets = new ArrayList<>();
        for (int i = 0; i < driver.out.size(); i++) {
            int status = driver.out.status(i);
            if (status == (0x90 | MACHINE_CHANNEL) && driver.out.velocity(i) > 0) {
                onsets.add(new Onset(driver.out.time(i), driver.out.key(i), driver.out.velocity(i)));
            }
        }
        return onsets;
    }

    private static double mean(List<Onset> onsets) {
        return onsets.stream().mapToInt(Onset::velocity).average().orElseThrow();
    }

    private static double deviation(List<Onset> onsets) {
        double mean = mean(onsets);
        return Math.sqrt(onsets.stream().mapToDouble(o -> (o.velocity() - mean) * (o.velocity() - mean)).sum() / onsets.size());
    }

    /** The mean velocity of the call's last four notes, as the outside check reads it. */
    private static double lastFour(IntToDoubleFunction velocity, int count) {
        double sum = 0;
        for (int i = count - 4; i < count; i++) sum += Math.max(1, Math.min(127, Math.round(velocity.applyAsDouble(i))));
        return sum / 4;
    }

    @Test
    void theAnswerTakesTheLevelOfTheCallsLastNotesWithASpread() {
        for (int level : new int[] {35, 70, 110}) {
            for (long seed = 1; seed <= 3; seed++) {
                PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters(1, 1), seed);
                IntToDoubleFunction flat = i -> level;
                long end = call(driver, PerformanceDriver.BPM, 0, 16, EIGHTHS, STRAIGHT, 8, flat, seed);
                List<Onset> answer = answer(driver, end);

                assertThat(answer).as("answer notes").hasSizeGreaterThan(8);
                assertThat(mean(answer)).as("level %d, seed %d", level, seed).isCloseTo(level, within(8.0));
                // not one velocity: humanised, and accented where the notes fall on the grid (this untrained model's
                // notes mostly do not)
                assertThat(deviation(answer)).as("spread, level %d, seed %d", level, seed).isGreaterThan(1);
                assertThat(answer).allSatisfy(o -> assertThat(o.velocity()).isBetween(1, 127));
            }
        }
    }

    @Test
    void aCrescendoHeardIsContinuedAndADiminuendoToo() {
        int rises = 0;
        int falls = 0;
        for (long seed = 1; seed <= 6; seed++) {
            for (boolean crescendo : new boolean[] {true, false}) {
                IntToDoubleFunction contour = crescendo ? i -> 50 + 3 * i : i -> 100 - 3 * i;
                PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters(1, 1), seed);
                long end = call(driver, PerformanceDriver.BPM, 0, 16, EIGHTHS, STRAIGHT, 10, contour, seed);
                List<Onset> answer = answer(driver, end);
                double last = lastFour(contour, 16);

                // the outside check: mean within 15 of the call's last four notes, standard deviation at least 3
                assertThat(mean(answer)).as("seed %d, crescendo %s", seed, crescendo)
                        .isCloseTo(last, within(15.0));
                assertThat(deviation(answer)).as("seed %d, crescendo %s", seed, crescendo).isGreaterThanOrEqualTo(3);
                // the contour goes on: the answer's second half louder (softer) than its first
                List<Onset> first = answer.subList(0, answer.size() / 2);
                List<Onset> second = answer.subList(answer.size() / 2, answer.size());
                if (crescendo && mean(second) > mean(first) + 2) rises++;
                if (!crescendo && mean(second) < mean(first) - 2) falls++;
            }
        }
        assertThat(rises).as("crescendos continued, of 6").isGreaterThanOrEqualTo(5);
        assertThat(falls).as("diminuendos continued, of 6").isGreaterThanOrEqualTo(5);
    }

    /**
     * Plays the same call to two performers, feel 0 and {@code feel}: the model plays the same part (the feel only
     * renders it), so the answers' onsets pair up; returns, per answer note, {tick position in the beat, shift in ms}.
     */
    private static List<long[]> shifts(double bpm, int[] pattern, double[] offsets, double jitterMs, double feel, long seed) {
        List<List<Onset>> answers = new ArrayList<>();
        for (double f : new double[] {0, feel}) {
            PerformerParameters parameters = parameters(0, f);
            parameters.set(Parameter.TEMPO_BPM, bpm);
            PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, seed);
            long end = call(driver, bpm, 0, 32, pattern, offsets, jitterMs, i -> 80, seed);
            answers.add(answer(driver, end));
        }
        List<Onset> straight = answers.get(0);
        List<Onset> felt = answers.get(1);
        assertThat(felt.stream().map(Onset::pitch).toList()).as("the same part").isEqualTo(straight.stream().map(Onset::pitch).toList());
        double tickNanos = MusicalClock.nanosPerTick(bpm);
        List<long[]> result = new ArrayList<>();
        for (int i = 0; i < straight.size(); i++) {
            long tick = Math.round(straight.get(i).nanos() / tickNanos);
            if (Math.abs(tick * tickNanos - straight.get(i).nanos()) > 1) continue; // stamped at the decision
            result.add(new long[] {tick % 24, Math.round((felt.get(i).nanos() - straight.get(i).nanos()) / 1e6)});
        }
        return result;
    }

    /** {@link #shifts} over several seeds, so that the answers hold notes on every position. */
    private static List<long[]> shiftsOverSeeds(int[] pattern, double[] offsets, double jitterMs, double feel) {
        List<long[]> all = new ArrayList<>();
        for (long seed = 11; seed <= 16; seed++) all.addAll(shifts(PerformanceDriver.BPM, pattern, offsets, jitterMs, feel, seed));
        return all;
    }

    @Test
    void swingHeardIsPlayedAndBounded() {
        // eighths swung by 0.3 sixteenth (36 ms at 125 BPM), ±5 ms of jitter
        List<long[]> shifts = shiftsOverSeeds(EIGHTHS, new double[] {0, 0, 0.3, 0}, 5, 1);
        List<long[]> offBeats = shifts.stream().filter(s -> s[0] == 12).toList();
        List<long[]> beats = shifts.stream().filter(s -> s[0] == 0).toList();
        assertThat(offBeats).isNotEmpty();
        assertThat(beats).isNotEmpty();
        assertThat(offBeats).allSatisfy(s -> assertThat(s[1]).as("off-beat shift, ms").isBetween(25L, 40L));
        assertThat(beats).allSatisfy(s -> assertThat(s[1]).as("on-beat shift, ms").isZero());
        assertThat(shifts).allSatisfy(s -> assertThat(Math.abs(s[1])).as("any shift, ms").isLessThanOrEqualTo(40));

        // half the feel, half the swing
        List<long[]> half = shiftsOverSeeds(EIGHTHS, new double[] {0, 0, 0.3, 0}, 5, 0.5);
        assertThat(half.stream().filter(s -> s[0] == 12)).isNotEmpty().allSatisfy(s -> assertThat(s[1]).isBetween(12L, 20L));
    }

    @Test
    void aPushedPositionIsPlayedEarlyOnTime() {
        // the "e" and the "a" of every beat played 0.25 sixteenth (30 ms) early: the part is generated ahead to play them
        List<long[]> shifts = shiftsOverSeeds(SIXTEENTHS, new double[] {0, -0.25, 0, -0.25}, 3, 1);
        List<long[]> pushed = shifts.stream().filter(s -> s[0] == 6 || s[0] == 18).toList();
        // never earlier than the push, never later than the grid; only a note due right at the answer's decision,
        // before the part could be generated ahead, comes less early (nothing is sent before the present)
        // (the bound: a third of a sixteenth, 40 ms)
        assertThat(pushed).allSatisfy(s -> assertThat(s[1]).as("shift, ms").isBetween(-40L, 0L));
        assertThat(pushed.stream().filter(s -> s[1] >= -36 && s[1] <= -22).count()).as("notes pushed on time, of %d", pushed.size())
                .isGreaterThanOrEqualTo(Math.max(1, pushed.size() * 4 / 5));
    }

    @Test
    void aStraightPlayerWithJitterIsAnsweredOnTheGrid() {
        int notes = 0;
        int moved = 0;
        for (double bpm : new double[] {72, 96, 140}) {
            for (long seed = 1; seed <= 4; seed++) {
                for (long[] s : shifts(bpm, seed % 2 == 0 ? EIGHTHS : SIXTEENTHS, STRAIGHT, 12, 1, seed)) {
                    notes++;
                    if (Math.abs(s[1]) > 5) moved++;
                }
            }
        }
        assertThat(notes).isGreaterThan(100);
        assertThat(moved).as("answer notes the feel moved by more than 5 ms, of %d", notes).isLessThanOrEqualTo(notes / 20);
    }

    @Test
    void dynamicsAndFeelAtZeroPlayThePartAsTheModelPlaysIt() {
        RecordingStepModel model = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver driver = new PerformanceDriver(model, parameters(0, 0), 5);
        // velocities at the centres of the model's bins, so that the model hears the call as it was played
        IntToDoubleFunction crescendo = i -> Vocabulary.velocityOfBin(Vocabulary.binOfVelocity(40 + 4 * i));
        long end = call(driver, PerformanceDriver.BPM, 0, 16, EIGHTHS, new double[] {0, 0, 0.3, 0}, 5, crescendo, 5);
        answer(driver, end);
        // what sounded, velocities and ticks, is exactly what the model played and heard
        assertThat(TokenDecoder.decode(model.heard())).containsExactlyElementsOf(driver.soundedNotes());

        RecordingStepModel shaped = new RecordingStepModel(TestModels.kernel());
        PerformanceDriver other = new PerformanceDriver(shaped, parameters(1, 1), 5);
        long otherEnd = call(other, PerformanceDriver.BPM, 0, 16, EIGHTHS, new double[] {0, 0, 0.3, 0}, 5, crescendo, 5);
        answer(other, otherEnd);
        assertThat(shaped.heard()).as("the model played the same part").isEqualTo(model.heard());
        assertThat(TokenDecoder.decode(shaped.heard())).as("but it sounded otherwise").isNotEqualTo(other.soundedNotes());
    }

    @Test
    void aBargeInDuringAHeldBackNoteLeavesNothingHanging() {
        for (long seed = 1; seed <= 8; seed++) {
            PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters(1, 1), seed);
            long end = call(driver, PerformanceDriver.BPM, 0, 16, EIGHTHS, new double[] {0, 0, 0.33, 0}, 2, i -> 70, seed);
            assertThat(driver.runUntil(s -> s.answers() == 1, end + 10_000 * MS)).isTrue();
            long bargeIn = driver.now() + (300 + 37 * seed) * MS;
            driver.note(bargeIn / MS, 200, 48, 90);
            driver.note(bargeIn / MS + 50, 100, MELODY[(int) seed], 90); // the human takes a key the machine may hold
            driver.runTo(bargeIn + 5_000 * MS);
            driver.performer.allNotesOff(driver.now());
            assertThat(driver.out.firstViolation()).as("seed %d", seed).isNull();
            assertThat(driver.out.sounding()).as("seed %d", seed).isZero();
            assertThat(driver.status().machineNotesSounding()).isZero();
        }
    }
}
