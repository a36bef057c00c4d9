package io.antiphon.engine.token;

/**
 * The 240-token event vocabulary (docs/design.md, The event vocabulary). One token is one LSTM step.
 *
 * <pre>
 *   0.. 87  NOTE_ON(p)    key p = 21..108 pressed
 *  88..175  NOTE_OFF(p)   key p released
 * 176..223  TIME_SHIFT(k) time advances k = 1..48 ticks (1 tick = 1/24 quarter note)
 * 224..239  VELOCITY(b)   velocity bin b = 0..15 for the following note-ons
 * </pre>
 */
public final class Vocabulary {

    public static final int LOWEST_PITCH = 21;
    public static final int HIGHEST_PITCH = 108;
    public static final int PITCHES = HIGHEST_PITCH - LOWEST_PITCH + 1; // 88
    public static final int TICKS_PER_QUARTER = 24;
    public static final int MAX_SHIFT = 48;
    public static final int VELOCITY_BINS = 16;

    public static final int NOTE_ON_BASE = 0;
    public static final int NOTE_OFF_BASE = NOTE_ON_BASE + PITCHES;       // 88
    public static final int TIME_SHIFT_BASE = NOTE_OFF_BASE + PITCHES;    // 176
    public static final int VELOCITY_BASE = TIME_SHIFT_BASE + MAX_SHIFT;  // 224
    public static final int SIZE = VELOCITY_BASE + VELOCITY_BINS;         // 240

    /** The kinds of token. */
    public enum Kind { NOTE_ON, NOTE_OFF, TIME_SHIFT, VELOCITY }

    private Vocabulary() {
    }

    public static boolean isPlayable(int pitch) {
        return pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH;
    }

    public static int noteOn(int pitch) {
        checkPitch(pitch);
        return NOTE_ON_BASE + pitch - LOWEST_PITCH;
    }

    public static int noteOff(int pitch) {
        checkPitch(pitch);
        return NOTE_OFF_BASE + pitch - LOWEST_PITCH;
    }

    /** @param ticks 1..48 */
    public static int timeShift(int ticks) {
        if (ticks < 1 || ticks > MAX_SHIFT) throw Messages.timeShiftOutOfRange(ticks);
        return TIME_SHIFT_BASE + ticks - 1;
    }

    /** @param bin 0..15 */
    public static int velocity(int bin) {
        if (bin < 0 || bin >= VELOCITY_BINS) throw Messages.binOutOfRange(bin);
        return VELOCITY_BASE + bin;
    }

    public static Kind kind(int token) {
        checkToken(token);
        if (token < NOTE_OFF_BASE) return Kind.NOTE_ON;
        if (token < TIME_SHIFT_BASE) return Kind.NOTE_OFF;
        if (token < VELOCITY_BASE) return Kind.TIME_SHIFT;
        return Kind.VELOCITY;
    }

    public static boolean isNoteOn(int token) {
        return token >= NOTE_ON_BASE && token < NOTE_OFF_BASE;
    }

    public static boolean isNoteOff(int token) {
        return token >= NOTE_OFF_BASE && token < TIME_SHIFT_BASE;
    }

    public static boolean isTimeShift(int token) {
        return token >= TIME_SHIFT_BASE && token < VELOCITY_BASE;
    }

    public static boolean isVelocity(int token) {
        return token >= VELOCITY_BASE && token < SIZE;
    }

    /** The key of a NOTE_ON or NOTE_OFF token. */
    public static int pitch(int token) {
        if (isNoteOn(token)) return token - NOTE_ON_BASE + LOWEST_PITCH;
        if (isNoteOff(token)) return token - NOTE_OFF_BASE + LOWEST_PITCH;
        throw Messages.notANote(token);
    }

    /** The ticks of a TIME_SHIFT token. */
    public static int shiftTicks(int token) {
        if (!isTimeShift(token)) throw Messages.notATimeShift(token);
        return token - TIME_SHIFT_BASE + 1;
    }

    /** The bin of a VELOCITY token. */
    public static int velocityBin(int token) {
        if (!isVelocity(token)) throw Messages.notAVelocity(token);
        return token - VELOCITY_BASE;
    }

    /** Velocity 0..127 to its bin 0..15 (eight velocities a bin). */
    public static int binOfVelocity(int velocity) {
        if (velocity < 0 || velocity > 127) throw Messages.velocityOutOfRange(velocity);
        return velocity / 8;
    }

    /** The velocity a bin plays at: the middle of its range (4, 12, ..., 124). */
    public static int velocityOfBin(int bin) {
        if (bin < 0 || bin >= VELOCITY_BINS) throw Messages.binOutOfRange(bin);
        return bin * 8 + 4;
    }

    public static String describe(int token) {
        return Messages.describe(token);
    }

    private static void checkPitch(int pitch) {
        if (!isPlayable(pitch)) throw Messages.pitchOutside(pitch);
    }

    private static void checkToken(int token) {
        if (token < 0 || token >= SIZE) throw Messages.tokenOutside(token);
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException timeShiftOutOfRange(int ticks) {
            return new IllegalArgumentException("time shift out of range 1..48: " + ticks);
        }

        static IllegalArgumentException binOutOfRange(int bin) {
            return new IllegalArgumentException("velocity bin out of range 0..15: " + bin);
        }

        static IllegalArgumentException notANote(int token) {
            return new IllegalArgumentException("not a note token: " + describe(token));
        }

        static IllegalArgumentException notATimeShift(int token) {
            return new IllegalArgumentException("not a time-shift token: " + describe(token));
        }

        static IllegalArgumentException notAVelocity(int token) {
            return new IllegalArgumentException("not a velocity token: " + describe(token));
        }

        static IllegalArgumentException velocityOutOfRange(int velocity) {
            return new IllegalArgumentException("velocity out of range 0..127: " + velocity);
        }

        static IllegalArgumentException pitchOutside(int pitch) {
            return new IllegalArgumentException("pitch outside the 88 keys 21..108: " + pitch);
        }

        static IllegalArgumentException tokenOutside(int token) {
            return new IllegalArgumentException("token outside the vocabulary 0..239: " + token);
        }

        static String describe(int token) {
            if (token < 0 || token >= SIZE) return "INVALID(" + token + ")";
            return switch (kind(token)) {
                case NOTE_ON -> "NOTE_ON(" + pitch(token) + ")";
                case NOTE_OFF -> "NOTE_OFF(" + pitch(token) + ")";
                case TIME_SHIFT -> "TIME_SHIFT(" + shiftTicks(token) + ")";
                case VELOCITY -> "VELOCITY(" + velocityBin(token) + ")";
            };
        }
    }
}
