package io.antiphon.engine.perform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random performance for the invariant tests: human notes (on keys held or not, inside and outside the 88
 * keys, stamped now or a few ms in the past as a second port might), time passing, every mapped controller at any
 * value (so every mode, parameter and action, including modes added later to the {@code mode} controller's range), the
 * sustain pedal, all-notes-off controllers, pitch bend, a stop, a model switch, a fault of the model, and an external
 * MIDI clock that starts, stops, continues and jumps. The same seed always gives the same steps.
 */
public final class RandomPerformance {

    /** What one step does; {@code a}, {@code b}, {@code c} as the kind says. */
    public enum Kind {
        /** key {@code a}, velocity {@code b}, stamped {@code c} ms before now */
        NOTE_ON,
        /** key {@code a}, stamped {@code c} ms before now */
        NOTE_OFF,
        /** controller {@code a} to value {@code b} */
        CONTROL,
        /** pitch bend to {@code a} (LSB) {@code b} (MSB) */
        PITCH_BEND,
        /** time passes {@code a} ms, in steps of 1 ms */
        ADVANCE,
        /** the shell's stop: {@link Performer#allNotesOff} */
        STOP,
        /** a program change: {@link Performer#replaceModel} */
        REPLACE_MODEL,
        /** the model throws at its {@code a}-th next step */
        FAULT,
        /** an external MIDI clock starts (0xFA) at {@code a} BPM; its ticks (0xF8) come while time passes */
        CLOCK_START,
        /** the external clock stops (0xFC) */
        CLOCK_STOP,
        /** the external clock continues (0xFB) */
        CLOCK_CONTINUE,
        /** song position pointer (0xF2) {@code a} (LSB) {@code b} (MSB) */
        SONG_POSITION
    }

    /** One step of a performance. */
    public record Step(Kind kind, int a, int b, int c) {
        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + c + ")";
        }
    }

    /** Every controller the default map gives a meaning, plus the fixed ones and one unmapped (thru passes it). */
    private static final int[] CONTROLLERS = {16, 17, 18, 19, 70, 71, 72, 73, 75, 76, 77, 78, 79, 80, 81, 82, 83, 85, 86,
            87, 89, 90, 64, 64, 64, 120, 123, 1};

    private RandomPerformance() {
    }

    /**
     * @param steps  how many steps (at most)
     * @param faults whether {@link Kind#FAULT} may occur
     */
    public static List<Step> generate(long seed, int steps, boolean faults) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Step> script = new ArrayList<>(steps);
        boolean[] held = new boolean[128];
        for (int i = 0; i < steps; i++) {
            int roll = random.nextInt(100);
            if (roll < 30) {
                int ms = random.nextInt(4) == 0 ? 200 + random.nextInt(1300) : 1 + random.nextInt(120);
                script.add(new Step(Kind.ADVANCE, ms, 0, 0));
            } else if (roll < 52) {
                int key = random.nextInt(12) == 0 ? random.nextInt(128) : 48 + random.nextInt(37);
                held[key] = true;
                script.add(new Step(Kind.NOTE_ON, key, 1 + random.nextInt(127), late(random)));
            } else if (roll < 72) {
                int key = random.nextInt(6) == 0 ? random.nextInt(128) : heldKey(held, random);
                held[key] = false;
                script.add(new Step(Kind.NOTE_OFF, key, 0, late(random)));
            } else if (roll < 93) {
                script.add(new Step(Kind.CONTROL, CONTROLLERS[random.nextInt(CONTROLLERS.length)], random.nextInt(128), 0));
            } else if (roll < 94) {
                script.add(new Step(Kind.PITCH_BEND, random.nextInt(128), random.nextInt(128), 0));
            } else if (roll < 95) {
                script.add(new Step(Kind.STOP, 0, 0, 0));
            } else if (roll < 97) {
                switch (random.nextInt(4)) {
                    case 0 -> script.add(new Step(Kind.CLOCK_START, 60 + random.nextInt(121), 0, 0));
                    case 1 -> script.add(new Step(Kind.CLOCK_STOP, 0, 0, 0));
                    case 2 -> script.add(new Step(Kind.CLOCK_CONTINUE, 0, 0, 0));
                    default -> script.add(new Step(Kind.SONG_POSITION, random.nextInt(128), random.nextInt(4), 0));
                }
            } else if (roll < 98) {
                script.add(new Step(Kind.REPLACE_MODEL, 0, 0, 0));
            } else if (faults) {
                script.add(new Step(Kind.FAULT, 1 + random.nextInt(40), 0, 0));
            }
        }
        return script;
    }

    /**
     * A {@link GroovedPlayer}'s part at 120 BPM (the default tempo) as steps: time passing between its notes, and now and
     * then a controller among {@code mode}, {@code dynamics}, {@code feel}, all notes off, or a stop, so that answers
     * and jams shaped by the player's dynamics and feel are cut, switched and silenced anywhere.
     *
     * @param lengthMs how long the part lasts
     */
    public static List<Step> grooved(long seed, long lengthMs, int channel) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] groove = {0, random.nextDouble() * 0.6 - 0.3, random.nextDouble() * 0.35, random.nextDouble() * 0.6 - 0.3};
        long[][] part = GroovedPlayer.part(lengthMs * 1_000_000L, 120, groove, 4, channel, seed);
        List<Step> script = new ArrayList<>();
        long now = 0;
        for (long[] event : part) {
            long ms = event[0] / 1_000_000L;
            if (ms > now) {
                script.add(new Step(Kind.ADVANCE, (int) (ms - now), 0, 0));
                now = ms;
            }
            boolean on = (event[1] & 0xF0) == 0x90;
            script.add(new Step(on ? Kind.NOTE_ON : Kind.NOTE_OFF, (int) event[2], (int) event[3], 0));
            int roll = random.nextInt(200);
            if (roll < 3) {
                script.add(new Step(Kind.CONTROL, new int[] {19, 87, 90}[roll], random.nextInt(128), 0));
            } else if (roll == 3) {
                script.add(new Step(Kind.CONTROL, 123, 0, 0));
            } else if (roll == 4) {
                script.add(new Step(Kind.STOP, 0, 0, 0));
            }
        }
        script.add(new Step(Kind.ADVANCE, 3_000, 0, 0));
        return script;
    }

    /** Usually stamped now; sometimes up to 5 ms in the past (a second input port, or a late device stamp). */
    private static int late(SplittableRandom random) {
        return random.nextInt(8) == 0 ? 1 + random.nextInt(5) : 0;
    }

    private static int heldKey(boolean[] held, SplittableRandom random) {
        int start = random.nextInt(128);
        for (int i = 0; i < 128; i++) {
            int key = (start + i) % 128;
            if (held[key]) return key;
        }
        return 48 + random.nextInt(37);
    }
}
