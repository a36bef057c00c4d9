package io.antiphon.engine.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns event tokens back into notes, tolerating whatever a model may sample.
 *
 * <ul>
 *   <li>A note plays at the centre of the current velocity bin ({@link Vocabulary#velocityOfBin}); before any
 *       {@code VELOCITY} token the bin is {@link #DEFAULT_VELOCITY_BIN}.</li>
 *   <li>{@code NOTE_ON} of a key that is down retriggers it: the sounding note ends there and a new one starts.</li>
 *   <li>{@code NOTE_OFF} of a key that is up is ignored.</li>
 *   <li>A note released (or retriggered) at its own onset tick would last no time and is dropped.</li>
 *   <li>Keys still down at the end are released at the final time, and last at least one tick.</li>
 * </ul>
 * The notes come in {@link SameKeyOverlaps#ONSET_ORDER}. For notes at tick resolution, with velocities at bin
 * centres and no same-key overlap, {@code decode(TokenEncoder.encode(notes))} equals the notes in that order.
 */
public final class TokenDecoder {

    /** The bin of note-ons that come before any {@code VELOCITY} token: 8, velocity 68 (mezzo-forte). */
    public static final int DEFAULT_VELOCITY_BIN = 8;

    private TokenDecoder() {
    }

    /** The notes of a token stream. */
    public static List<TimedNote> decode(int[] tokens) {
        long[] downSince = new long[Vocabulary.PITCHES];
        int[] downVelocity = new int[Vocabulary.PITCHES];
        Arrays.fill(downSince, -1);
        List<TimedNote> notes = new ArrayList<>();
        long now = 0;
        int velocity = Vocabulary.velocityOfBin(DEFAULT_VELOCITY_BIN);
        for (int i = 0; i < tokens.length; i++) {
            int token = tokens[i];
            if (token < 0 || token >= Vocabulary.SIZE) {
                throw new IllegalArgumentException("token " + token + " at index " + i + " is outside the vocabulary 0.."
                        + (Vocabulary.SIZE - 1));
            }
            switch (Vocabulary.kind(token)) {
                case TIME_SHIFT -> now += Vocabulary.shiftTicks(token);
                case VELOCITY -> velocity = Vocabulary.velocityOfBin(Vocabulary.velocityBin(token));
                case NOTE_OFF -> {
                    int key = Vocabulary.pitch(token) - Vocabulary.LOWEST_PITCH;
                    release(key, now, downSince, downVelocity, notes);
                }
                case NOTE_ON -> {
                    int key = Vocabulary.pitch(token) - Vocabulary.LOWEST_PITCH;
                    release(key, now, downSince, downVelocity, notes);
                    downSince[key] = now;
                    downVelocity[key] = velocity;
                }
            }
        }
        for (int key = 0; key < Vocabulary.PITCHES; key++) {
            if (downSince[key] >= 0) release(key, Math.max(now, downSince[key] + 1), downSince, downVelocity, notes);
        }
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return notes;
    }

    private static void release(int key, long tick, long[] downSince, int[] downVelocity, List<TimedNote> notes) {
        long start = downSince[key];
        if (start < 0) return;
        if (tick > start) notes.add(new TimedNote(key + Vocabulary.LOWEST_PITCH, downVelocity[key], start, tick));
        downSince[key] = -1;
    }
}
