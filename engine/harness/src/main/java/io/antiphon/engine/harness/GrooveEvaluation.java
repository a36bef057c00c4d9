package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.AnswerStart;
import io.antiphon.engine.perform.BeatTracker;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;

/**
 * How well the performer follows a human (the {@code player} clock): melodies performed by {@link HumanPerformance}
 * at given tempi with seeded human timing and velocity contours are played through the performer core on a simulated
 * clock (1 ms steps), with a real model, and the answer is measured against the player's true grid. See
 * {@link GrooveResult} for what is reported.
 */
public final class GrooveEvaluation {

    private static final long STEP_NANOS = 1_000_000L;
    private static final long AFTER_CALL_NANOS = 40_000_000_000L;
    /** An answer onset this close to the player's sixteenth grid is on it (the mark). */
    private static final double GRID_TOLERANCE_MS = 30;
    /** The bar of {@link Accents#DOWNBEATS} and of {@link #barFound}: the calls are 4/4 bars. */
    private static final int BEATS_PER_BAR = 4;

    private GrooveEvaluation() {
    }

    /**
     * Performs every melody at every tempo and measures.
     *
     * @param model      the answering model (stepped here, on this thread)
     * @param parameters the preset's parameters; copied per case, with the player clock, call-and-response, the answer
     *                   entering on the next beat, output on channel 2
     * @param melodies   score melodies, rows of {onset beat, duration beats, pitch}, beat 0 a downbeat
     * @param options    the tempi and the human's timing
     */
    public static GrooveResult run(StepModel model, PerformerParameters parameters, List<double[][]> melodies, GrooveOptions options) {
        double[] tempos = options.tempos();
        double maxDrift = options.maxDrift();
        double maxRubato = options.maxRubato();
        double jitterMs = options.jitterMs();
        SplittableRandom random = new SplittableRandom(options.seed());
        List<GrooveResult.Case> cases = new ArrayList<>();
        for (int m = 0; m < melodies.size(); m++) {
            for (int t = 0; t < tempos.length; t++) {
                double bpm = tempos[t];
                int restBeats = options.rests() ? t % 3 : 0;
                double drawn = random.nextDouble(10, 20);
                double jitter = jitterMs > 0 ? jitterMs : drawn;
                double drift = 1 + (maxDrift > 0 ? random.nextDouble(-maxDrift, maxDrift) : 0);
                double rubato = maxRubato > 0 ? random.nextDouble(0, maxRubato) : 0;
                int low = random.nextInt(40, 70);
                int high = random.nextInt(80, 115);
                boolean crescendo = random.nextBoolean();
                HumanPerformance performance = HumanPerformance.of(TestMelodies.withRest(melodies.get(m), restBeats, options.restAfter()),
                        bpm, drift, rubato, jitter, options.jitter(), low, high, crescendo, options.accents(), random.nextLong());
                cases.add(play(model, parameters, performance, m, restBeats, jitter, random.nextLong()));
            }
        }
        return new GrooveResult(cases);
    }

    /** Plays one performance through a fresh performer and measures it. */
    static GrooveResult.Case play(StepModel model, PerformerParameters preset, HumanPerformance performance, int melody,
                                  int restBeats, double jitterMs, long seed) {
        PerformerParameters parameters = new PerformerParameters();
        for (Parameter p : Parameter.values()) parameters.set(p, preset.get(p));
        parameters.set(Parameter.MODE, PerformerMode.CALL_AND_RESPONSE.ordinal());
        parameters.set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        parameters.set(Parameter.ANSWER_START, AnswerStart.BEAT.ordinal());
        parameters.set(Parameter.OUTPUT_CHANNEL, 2);
        parameters.set(Parameter.THRU, 0);
        List<long[]> answer = new ArrayList<>();
        MidiOut out = (nanos, status, key, velocity) -> {
            if ((status & 0xF0) == 0x90 && velocity > 0) answer.add(new long[] {nanos, key, velocity});
        };
        Performer performer = new Performer(model, parameters, seed, out);
        BeatTracker beats = performer.playerBeat();
        PerformerStatus status = new PerformerStatus();

        long[][] events = performance.events();
        long after4 = performance.beatNanos(performance.startBeat() + 4) + STEP_NANOS;
        long after8 = performance.beatNanos(performance.startBeat() + 8) + STEP_NANOS;
        long lastOnset = performance.lastOnsetNanos();
        double tempo4 = Double.NaN;
        double tempo8 = Double.NaN;
        double tempoAtEnd = Double.NaN;
        double phaseErrorMs = Double.NaN;
        boolean beatFound = false;
        int delivered = 0;
        long answersDuringCall = -1;
        long end = events[events.length - 1][0] + AFTER_CALL_NANOS;
        for (long now = 0; now < end; now += STEP_NANOS) {
            while (delivered < events.length && events[delivered][0] <= now) {
                long[] e = events[delivered++];
                performer.onMidi(e[0], (int) e[1], (int) e[2], (int) e[3]);
            }
            performer.advance(now);
            if (Double.isNaN(tempo4) && now >= after4) tempo4 = beats.locked() ? beats.bpm() : Double.NaN;
            if (Double.isNaN(tempo8) && now >= after8) tempo8 = beats.locked() ? beats.bpm() : Double.NaN;
            if (Double.isNaN(tempoAtEnd) && now >= lastOnset) {
                tempoAtEnd = beats.bpm();
                beatFound = beats.locked();
                phaseErrorMs = phaseError(performance, beats, lastOnset);
            }
            if (delivered == events.length && now > lastOnset) {
                performer.readStatus(status);
                // the answer to the call begins after its last note (one begun at a rest inside it and cut off by the
                // player's next note is not it)
                if (answersDuringCall < 0) answersDuringCall = status.answers();
                if (status.answers() > answersDuringCall && status.phase() == PerformerPhase.LISTENING
                        && status.machineNotesSounding() == 0) break;
            }
        }
        performer.readStatus(status);
        int hanging = status.machineNotesSounding();
        boolean barFound = barFound(performance, beats, lastOnset);
        performer.allNotesOff(end);

        double beatAtEnd = performance.beatAt(lastOnset);
        double trueTempo4 = performance.tempoAt(performance.startBeat() + 4);
        double trueTempo8 = performance.tempoAt(performance.startBeat() + 8);
        double trueTempoEnd = performance.tempoAt(beatAtEnd);
        int onSixteenths = 0;
        int lineOnSixteenths = 0;
        TempoLine line = performance.straightTempo();
        double answerVelocity = 0;
        for (long[] note : answer) {
            if (performance.gridErrorMs(note[0], 4) <= GRID_TOLERANCE_MS) onSixteenths++;
            if (lineErrorMs(performance, line, note[0]) <= GRID_TOLERANCE_MS) lineOnSixteenths++;
            answerVelocity += note[2];
        }
        double meanVelocity = answerVelocity / Math.max(1, answer.size());
        double squares = 0;
        for (long[] note : answer) squares += (note[2] - meanVelocity) * (note[2] - meanVelocity);
        int[] velocities = performance.velocities();
        double callLevel = 0;
        int lastFour = Math.min(4, velocities.length);
        for (int i = velocities.length - lastFour; i < velocities.length; i++) callLevel += velocities[i];
        callLevel /= lastFour;
        long firstAnswer = answer.isEmpty() ? -1 : answer.get(0)[0];
        return new GrooveResult.Case(melody, restBeats, performance.bpm(), jitterMs, performance.drift(), performance.rubato(),
                relativeError(tempo4, trueTempo4), relativeError(tempo8, trueTempo8), tempoAtEnd / trueTempoEnd,
                beatFound, phaseErrorMs, answer.size(), onSixteenths, lineOnSixteenths,
                firstAnswer < 0 ? Double.NaN : performance.gridErrorMs(firstAnswer, 1),
                firstAnswer < 0 ? Double.NaN : performance.beatAt(firstAnswer) - performance.beatAt(lastOnset),
                firstAnswer >= 0 && firstAnswer <= lastOnset, barFound, callLevel,
                answer.isEmpty() ? Double.NaN : meanVelocity, answer.isEmpty() ? Double.NaN : Math.sqrt(squares / answer.size()),
                status.answers(), hanging);
    }

    /**
     * How far the straight tempo through the call ({@code line}) puts the player's sixteenth nearest {@code nanos} from
     * where it truly is, in ms: the error that answer note would have had on the best straight tempo through the same
     * onsets.
     */
    private static double lineErrorMs(HumanPerformance performance, TempoLine line, long nanos) {
        double sixteenth = Math.rint(performance.beatAt(nanos) * 4) / 4;
        return Math.abs(line.nanosAt(sixteenth) - performance.beatNanos(sixteenth)) / 1e6;
    }

    /**
     * Whether the tracker's bar lines (bars of {@value #BEATS_PER_BAR} beats) are the player's: its beat nearest the
     * player's last downbeat at or before {@code at} (every {@value #BEATS_PER_BAR}th score beat from beat 0, the call's
     * first bar line, where {@link Accents#DOWNBEATS} puts its accents) is within a quarter beat of it and the first of its bar.
     */
    private static boolean barFound(HumanPerformance performance, BeatTracker beats, long at) {
        if (!beats.locked()) return false;
        double bar = BEATS_PER_BAR * Math.floor(performance.beatAt(at) / BEATS_PER_BAR);
        long downbeat = performance.beatNanos(bar);
        long beat = performance.beatNanos(bar + 1) - downbeat;
        long nearest = beats.nearestBeatNanos(downbeat);
        return Math.abs(beats.beatNanos() - beat) < beat / 10 && Math.abs(nearest - downbeat) < beat / 4
                && beats.beatInBarAt(nearest + beats.beatNanos() / 4, BEATS_PER_BAR) == 1;
    }

    /** The mean distance from the player's last four beats before {@code at} to the tracker's nearest beats, in ms. */
    private static double phaseError(HumanPerformance performance, BeatTracker beats, long at) {
        double last = Math.floor(performance.beatAt(at));
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            long truth = performance.beatNanos(last - k);
            sum += Math.abs(beats.nearestBeatNanos(truth) - truth) / 1e6;
        }
        return sum / 4;
    }

    private static double relativeError(double measured, double truth) {
        return Double.isNaN(measured) ? Double.NaN : Math.abs(measured - truth) / truth;
    }

}
