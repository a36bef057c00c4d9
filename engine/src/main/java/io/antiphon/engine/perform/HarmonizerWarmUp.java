package io.antiphon.engine.perform;

import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.RollStepModel;

/**
 * Gets the harmonizer's hot path compiled before the first real note (as {@link HotPathWarmUp} does for the
 * {@link Performer}): scratch harmonizers on the same model play a scripted melody (legato and detached notes, eighths
 * within a frame, held notes over several steps, rests long enough to fall idle, controllers moving, thru and the mode
 * switched, all notes off now and then) in rounds, until a round allocates nothing on the calling thread or the rounds
 * run out. The model's recurrent state is saved before and restored after. Allocates; not for the live path.
 */
final class HarmonizerWarmUp {

    private static final long MS = 1_000_000L;

    private HarmonizerWarmUp() {
    }

    /** @return whether the last round allocated nothing (always false when this JVM cannot count allocation) */
    static boolean run(RollStepModel model, int frameTicks, int framesPerRound, int maxRounds) {
        if (framesPerRound < 0 || maxRounds < 1) {
            throw new IllegalArgumentException("warm-up needs frames per round >= 0 and at least one round: " + framesPerRound
                    + " frames, " + maxRounds + " rounds");
        }
        AllocationMeter meter = AllocationMeter.isSupported() ? new AllocationMeter() : null;
        RecurrentState saved = model.newState();
        model.saveState(saved);
        try {
            for (int round = 0; round < maxRounds; round++) {
                if (playRound(model, frameTicks, framesPerRound, round, meter) == 0 && meter != null) return true;
            }
            return false;
        } finally {
            model.restoreState(saved);
        }
    }

    /** Two kinds of sink, so that the compiled call to {@link MidiOut#send} stays an ordinary virtual call. */
    private static final class CountingSink implements MidiOut {
        long sent;

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            sent++;
        }
    }

    private static final class DroppingSink implements MidiOut, PerformerListener {
        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            // drops everything
        }
    }

    private static long playRound(RollStepModel model, int frameTicks, int frames, int round, AllocationMeter meter) {
        MidiOut[] sinks = {new CountingSink(), new DroppingSink()};
        long bytes = 0;
        for (int i = 0; i < sinks.length; i++) {
            long seed = round * 2L + i;
            PerformerParameters parameters = new PerformerParameters();
            parameters.set(Parameter.MODE, PerformerMode.HARMONIZE.ordinal());
            Harmonizer scratch = new Harmonizer(model, frameTicks, parameters, seed, sinks[i]);
            if (sinks[i] instanceof PerformerListener listener) scratch.setListener(listener);
            PerformerStatus status = new PerformerStatus();
            SplittableRandom random = new SplittableRandom(seed);
            long before = meter == null ? 0 : meter.allocatedBytes();
            play(scratch, frames / sinks.length, status, random);
            bytes += meter == null ? 0 : meter.allocatedBytes() - before;
        }
        return meter == null ? -1 : bytes;
    }

    private static void play(Harmonizer scratch, int frames, PerformerStatus status, SplittableRandom random) {
        int modeCc = scratch.parameters().controls().controllerOf(Parameter.MODE);
        int temperatureCc = scratch.parameters().controls().controllerOf(Parameter.TEMPERATURE);
        int thruCc = scratch.parameters().controls().controllerOf(Parameter.THRU);
        long now = 0;
        int melody = 72;
        int note = 0;
        while (true) {
            int beats = 1 + random.nextInt(3);
            long length = (beats * 500L - 20 - random.nextInt(200)) * MS;
            melody = Math.max(60, Math.min(84, melody + random.nextInt(7) - 3));
            scratch.onMidi(now, 0x90, melody, 40 + random.nextInt(80));
            for (long t = MS; t < length; t += MS) scratch.advance(now + t);
            scratch.onMidi(now + length, 0x80, melody, 0);
            now += length + (random.nextInt(12) == 0 ? 1_600 : 20) * MS;
            for (long t = now - 19 * MS; t <= now; t += MS) scratch.advance(t);
            note++;
            if (note % 5 == 0 && temperatureCc >= 0) scratch.onMidi(now, 0xB0, temperatureCc, random.nextInt(128));
            if (note % 7 == 0 && thruCc >= 0) scratch.onMidi(now, 0xB0, thruCc, random.nextInt(128));
            if (note % 11 == 0) scratch.onMidi(now, 0xE0, random.nextInt(128), random.nextInt(128));
            if (note % 13 == 0 && modeCc >= 0) {
                scratch.onMidi(now, 0xB0, modeCc, 0);
                scratch.onMidi(now, 0xB0, modeCc, 127);
            }
            if (note % 17 == 0) scratch.allNotesOff(now);
            if (note % 8 == 0) {
                scratch.readStatus(status);
                if (status.tokensFed() >= frames) break;
            }
        }
        scratch.allNotesOff(now);
    }
}
