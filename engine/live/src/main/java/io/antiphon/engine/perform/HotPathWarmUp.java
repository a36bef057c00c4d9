package io.antiphon.engine.perform;

import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.StepModel;

/**
 * Gets the performer's hot path compiled before the first real note. Until the JIT has compiled it (a few thousand
 * steps: docs/design.md, JIT and warm-up; longer on a busy machine, since compilation runs in the background), the
 * kernel's Vector API code runs interpreted, slowly and allocating. Scratch performers on the same model play a
 * scripted human (phrases and pauses, random keys or a motif repeated, both modes, barge-ins, controllers moving, thru switched on and off, pitch bend
 * and unmapped controllers passed through) in rounds, until a round allocates nothing on the calling thread or the
 * rounds run out. The model's memory is untouched ({@link WarmUpRounds}). Allocates; not for the live path.
 */
final class HotPathWarmUp {

    private static final long MS = 1_000_000L;
    private static final long STEP = 2 * MS;
    private static final long MODE_SWITCH = 15_000 * MS;
    /**
     * The second scratch performer's human plays sixteenths at 120 BPM (the default tempo) with a groove: the "e" early,
     * the "and" late, the "a" early, so that the feel holds notes back and pulls them ahead (see {@link ExpressionStage}).
     */
    private static final long SIXTEENTH = 125 * MS;
    private static final long[] GROOVE = {0, -25 * MS, 36 * MS, -20 * MS};
    /**
     * Every other phrase repeats this motif from a random root, the rest are random keys: the session's memories then
     * predict both sharply (the same intervals again) and vaguely, and the sampler meets both kinds of distribution.
     */
    private static final int[] MOTIF = {0, 4, 7, 5, 4, 2, 0, 7};
    /** The modulation wheel, mapped to nothing by default: passed through when thru is on. */
    private static final int UNMAPPED_CC = 1;

    private HotPathWarmUp() {
    }

    /**
     * @return whether the last round allocated nothing (always false when this JVM cannot count allocation)
     */
    static boolean run(StepModel model, int tokensPerRound, int maxRounds) {
        if (tokensPerRound < 0 || maxRounds < 1) {
            throw new IllegalArgumentException("warm-up needs tokens per round >= 0 and at least one round: " + tokensPerRound
                    + " tokens, " + maxRounds + " rounds");
        }
        return WarmUpRounds.run(model, maxRounds, (r, meter) -> playRound(model, tokensPerRound, r, meter));
    }

    /**
     * Three kinds of sink (for notes and for the listener's calls), so that the compiled calls to {@link MidiOut#send}
     * and to the listener stay ordinary virtual calls: had the warm-up used one kind, the JIT would compile for that
     * kind alone and deoptimise when the shell's own first turns up.
     */
    private static final class Sink implements MidiOut, PerformerListener {
        long sent;

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            sent++;
        }

        @Override
        public void parameterChanged(Parameter parameter, double value) {
            sent--;
        }
    }

    private static final class OtherSink implements MidiOut, PerformerListener {
        int last;

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            last = status;
        }

        @Override
        public void programChange(int program) {
            last = program;
        }
    }

    private static final class ThirdSink implements MidiOut, PerformerListener {
        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            // drops everything
        }
    }

    /** Plays one round; returns the bytes its playing (not its set-up) allocated, or -1 when unmeasured. */
    private static long playRound(StepModel model, int tokens, int round, AllocationMeter meter) {
        MidiOut[] sinks = {new Sink(), new OtherSink(), new ThirdSink()};
        long bytes = 0;
        for (int i = 0; i < sinks.length; i++) {
            long seed = round * 3L + i;
            Performer scratch = new Performer(model, new PerformerParameters(), seed, sinks[i]);
            scratch.setListener((PerformerListener) sinks[i]);
            PerformerStatus status = new PerformerStatus();
            SplittableRandom random = new SplittableRandom(seed);
            long[] releaseAt = new long[128];
            int[] knobs = knobs(scratch.parameters().controls(), i == 1);
            int[] buttons = buttons(scratch.parameters().controls());
            long before = meter == null ? 0 : meter.allocatedBytes();
            play(scratch, tokens / sinks.length, status, random, releaseAt, knobs, buttons, i == 1);
            bytes += meter == null ? 0 : meter.allocatedBytes() - before;
        }
        return meter == null ? -1 : bytes;
    }

    /**
     * The controllers turned during the warm-up: every mapped parameter (thru among them) but the mode (switched on its
     * own schedule), and for the grooved human the tempo (the groove is played against the default tempo's grid).
     */
    private static int[] knobs(ControlMap controls, boolean grooved) {
        return java.util.Arrays.stream(Parameter.values()).filter(p -> p != Parameter.MODE)
                .filter(p -> !grooved || p != Parameter.TEMPO_BPM)
                .mapToInt(controls::controllerOf).filter(cc -> cc >= 0).toArray();
    }

    /** The controllers of the actions (answer now, reset memory, all notes off), pressed now and then. */
    private static int[] buttons(ControlMap controls) {
        return java.util.Arrays.stream(ControlAction.values()).mapToInt(controls::controllerOf).filter(cc -> cc >= 0).toArray();
    }

    private static void play(Performer scratch, int tokens, PerformerStatus status, SplittableRandom random, long[] releaseAt,
                             int[] knobs, int[] buttons, boolean grooved) {
        PerformerParameters parameters = scratch.parameters();
        long now = 0;
        long nextNote = 0;
        long phraseEnd = 3_000 * MS;
        long nextModeSwitch = MODE_SWITCH;
        int motifRoot = -1;
        int motifNote = 0;
        for (long step = 0; ; step++) {
            now += STEP;
            for (int key = 0; key < 128; key++) {
                if (releaseAt[key] != 0 && releaseAt[key] <= now) {
                    scratch.onMidi(now, 0x80, key, 0);
                    releaseAt[key] = 0;
                }
            }
            if (now >= phraseEnd) {
                nextNote = now + (800 + random.nextInt(3_000)) * MS; // a pause: long enough for an answer, or a barge-in
                phraseEnd = nextNote + (1_000 + random.nextInt(3_000)) * MS;
                motifRoot = random.nextBoolean() ? 48 + random.nextInt(24) : -1;
                motifNote = 0;
            }
            if (now >= nextNote) {
                int key = motifRoot >= 0 ? motifRoot + MOTIF[motifNote++ % MOTIF.length] : 36 + random.nextInt(60);
                if (releaseAt[key] == 0) {
                    scratch.onMidi(now, 0x90, key, 1 + random.nextInt(127));
                    releaseAt[key] = now + (40 + random.nextInt(700)) * MS;
                }
                if (random.nextInt(6) == 0) {
                    nextNote = now;
                } else if (grooved) {
                    long sixteenth = now / SIXTEENTH + 1 + random.nextInt(3);
                    nextNote = sixteenth * SIXTEENTH + GROOVE[(int) (sixteenth % 4)];
                } else {
                    nextNote = now + (100 + random.nextInt(300)) * MS;
                }
            }
            if (step % 4 == 0 && knobs.length > 0) {
                scratch.onMidi(now, 0xB0, knobs[random.nextInt(knobs.length)], random.nextInt(128));
            }
            if (step % 8 == 2) {
                scratch.onMidi(now, 0xE0, random.nextInt(128), random.nextInt(128)); // pitch bend
                scratch.onMidi(now, 0xB1, UNMAPPED_CC, random.nextInt(128));
            }
            if (now >= nextModeSwitch) {
                nextModeSwitch += MODE_SWITCH;
                scratch.onMidi(now, 0xB0, parameters.controls().controllerOf(Parameter.MODE),
                        parameters.mode() == PerformerMode.JAM ? 0 : 64);
                scratch.onMidi(now, 0xB0, 64, random.nextBoolean() ? 127 : 0);
                if (buttons.length > 0) scratch.onMidi(now, 0xB0, buttons[random.nextInt(buttons.length)], 127);
                scratch.onMidi(now, 0xC0, random.nextInt(128), 0);
            }
            scratch.advance(now);
            if (step % 256 == 0) {
                scratch.readStatus(status);
                if (status.tokensFed() >= tokens) break;
            }
        }
        scratch.allNotesOff(now);
    }
}
