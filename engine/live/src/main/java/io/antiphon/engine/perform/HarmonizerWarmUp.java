package io.antiphon.engine.perform;

import java.util.SplittableRandom;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.kernel.RollStepModel;

/**
 * Gets the harmonizer's hot path compiled before the first real note (as {@link HotPathWarmUp} does for the
 * {@link Performer}): scratch harmonizers on the same model play a scripted melody (legato and detached notes, eighths
 * within a frame, held notes over several steps, rests long enough to fall idle, controllers moving, thru and the mode
 * switched, all notes off now and then; on the internal clock, following a host's MIDI clock, as clock master with a
 * metronome, and on the player clock) in rounds, until a round allocates nothing on the calling thread or the rounds
 * run out ({@link WarmUpRounds}: the model's memory is untouched). Allocates; not for the live path.
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
        return WarmUpRounds.run(model, maxRounds, (r, meter) -> playRound(model, frameTicks, framesPerRound, r, meter));
    }

    /** Three kinds of sink, so that the compiled call to {@link MidiOut#send} stays an ordinary virtual call. */
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

    private static final class LastStatusSink implements MidiOut {
        int last;

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            last = status;
        }
    }

    /** A host's MIDI clock at 120 BPM for the following scratch harmonizer: the time of its next tick, or -1 for none. */
    private static final class HostClock {
        static final long TICK = 500 * MS / 24;
        long next = -1;
    }

    private static long playRound(RollStepModel model, int frameTicks, int frames, int round, AllocationMeter meter) {
        MidiOut[] sinks = {new CountingSink(), new DroppingSink(), new LastStatusSink(), new CountingSink()};
        ClockSource[] clocks = {ClockSource.INTERNAL, ClockSource.FOLLOW, ClockSource.MASTER, ClockSource.PLAYER};
        long bytes = 0;
        for (int i = 0; i < sinks.length; i++) {
            long seed = round * 2L + i;
            PerformerParameters parameters = new PerformerParameters();
            parameters.set(Parameter.MODE, PerformerMode.HARMONIZE.ordinal());
            parameters.set(Parameter.CLOCK, clocks[i].ordinal());
            if (clocks[i] == ClockSource.MASTER) parameters.set(Parameter.METRONOME_CHANNEL, 10);
            Harmonizer scratch = new Harmonizer(model, frameTicks, parameters, seed, sinks[i]);
            if (sinks[i] instanceof PerformerListener listener) scratch.setListener(listener);
            PerformerStatus status = new PerformerStatus();
            SplittableRandom random = new SplittableRandom(seed);
            HostClock host = new HostClock();
            if (clocks[i] == ClockSource.FOLLOW) {
                scratch.onMidi(0, 0xFA, 0, 0);
                host.next = 0;
            }
            long before = meter == null ? 0 : meter.allocatedBytes();
            play(scratch, frames / sinks.length, status, random, host);
            bytes += meter == null ? 0 : meter.allocatedBytes() - before;
        }
        return meter == null ? -1 : bytes;
    }

    private static void play(Harmonizer scratch, int frames, PerformerStatus status, SplittableRandom random, HostClock host) {
        int modeCc = scratch.parameters().controls().controllerOf(Parameter.MODE);
        int temperatureCc = scratch.parameters().controls().controllerOf(Parameter.TEMPERATURE);
        int thruCc = scratch.parameters().controls().controllerOf(Parameter.THRU);
        long beat = 500 * MS;
        long now = 0;
        int melody = 72;
        int held = -1;
        int previousKey = -1;
        long previousRelease = 0;
        for (int note = 1; ; note++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                now = release(scratch, host, now, previousKey, previousRelease);
                previousKey = -1;
                now = run(scratch, host, now, now + 2 * beat + random.nextInt(400) * MS); // a rest: falls idle
            }
            long length = kind == 1 ? beat / 2 : kind == 2 ? 2 * beat : beat;
            int next = Math.max(60, Math.min(84, melody + random.nextInt(7) - 3));
            if (next == melody || next == held) next = next < 84 ? next + 1 : next - 1;
            melody = next;
            scratch.onMidi(now, 0x90, melody, 40 + random.nextInt(80));
            if (previousKey >= 0) {
                now = release(scratch, host, now, previousKey, previousRelease); // legato: released after the next key is down
            }
            previousKey = melody;
            previousRelease = now + length + (random.nextBoolean() ? 15 : -60 - random.nextInt(100)) * MS;
            if (previousRelease < now + length) {
                now = release(scratch, host, now, previousKey, previousRelease);
                previousKey = -1;
            }
            if (held < 0 && random.nextInt(9) == 0) {
                held = melody - 7;
                scratch.onMidi(now, 0x90, held, 60); // a key held under the line for a while
            } else if (held >= 0 && random.nextInt(3) == 0) {
                scratch.onMidi(now, 0x80, held, 0);
                held = -1;
            }
            now = run(scratch, host, now, Math.max(now, previousRelease - 15 * MS));
            if (previousKey < 0) now = run(scratch, host, now, now + 60 * MS);
            if (note % 5 == 0 && temperatureCc >= 0) scratch.onMidi(now, 0xB0, temperatureCc, random.nextInt(128));
            if (note % 7 == 0 && thruCc >= 0) scratch.onMidi(now, 0xB0, thruCc, random.nextInt(128));
            if (note % 11 == 0) scratch.onMidi(now, 0xE0, random.nextInt(128), random.nextInt(128));
            if (note % 13 == 0) scratch.onMidi(now, 0xB0, 64, random.nextBoolean() ? 127 : 0);
            if (note % 29 == 0 && modeCc >= 0) {
                scratch.onMidi(now, 0xB0, modeCc, 0);
                scratch.onMidi(now, 0xB0, modeCc, 127);
            }
            if (note % 37 == 0) {
                scratch.allNotesOff(now);
                previousKey = -1;
                held = -1;
            }
            if (note % 8 == 0) {
                scratch.readStatus(status);
                if (status.tokensFed() >= frames) break;
            }
        }
        scratch.allNotesOff(now);
    }

    /** Releases {@code key} at {@code at} (not before {@code now}), advancing time to it. */
    private static long release(Harmonizer scratch, HostClock host, long now, int key, long at) {
        if (key < 0) return now;
        long time = run(scratch, host, now, Math.max(now, at));
        scratch.onMidi(time, 0x80, key, 0);
        return time;
    }

    /** Advances from {@code from} to {@code to} in steps of two milliseconds, the host's ticks on time; returns {@code to}. */
    private static long run(Harmonizer scratch, HostClock host, long from, long to) {
        for (long t = from + 2 * MS; t < to; t += 2 * MS) advance(scratch, host, t);
        advance(scratch, host, to);
        return to;
    }

    private static void advance(Harmonizer scratch, HostClock host, long t) {
        while (host.next >= 0 && host.next <= t) {
            scratch.onMidi(host.next, 0xF8, 0, 0);
            host.next += HostClock.TICK;
        }
        scratch.advance(t);
    }
}
