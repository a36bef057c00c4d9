package io.antiphon.engine.sampling;

import static io.antiphon.engine.token.Vocabulary.LOWEST_PITCH;
import static io.antiphon.engine.token.Vocabulary.MAX_SHIFT;
import static io.antiphon.engine.token.Vocabulary.NOTE_OFF_BASE;
import static io.antiphon.engine.token.Vocabulary.NOTE_ON_BASE;
import static io.antiphon.engine.token.Vocabulary.PITCHES;
import static io.antiphon.engine.token.Vocabulary.SIZE;
import static io.antiphon.engine.token.Vocabulary.TIME_SHIFT_BASE;
import static io.antiphon.engine.token.Vocabulary.VELOCITY_BASE;

import io.antiphon.engine.token.Vocabulary;

/**
 * The masks applied to the model's distribution before a machine token is sampled (docs/design.md, Sampling). Each rule
 * only forbids tokens, so they compose in any order; the performer applies them in the order listed here. Key arrays
 * are indexed by MIDI key 0..127; a machine onset of -1 means the key is up. Allocation-free.
 */
public final class MaskRules {

    private MaskRules() {
    }

    /**
     * Keyboard consistency: no {@code NOTE_ON} for a key that is down (the machine's or the human's), no
     * {@code NOTE_OFF} for a key the machine does not hold, and none for a key it pressed at {@code now} (a note lasts
     * at least one tick, so the stream cannot loop on press/release at one instant).
     */
    public static void keyboard(TokenMask mask, long[] machineOnsetTicks, boolean[] humanDown, long now) {
        for (int k = 0; k < PITCHES; k++) {
            int pitch = k + LOWEST_PITCH;
            long onset = machineOnsetTicks[pitch];
            if (onset >= 0 || humanDown[pitch]) mask.forbid(NOTE_ON_BASE + k);
            if (onset < 0 || onset >= now) mask.forbid(NOTE_OFF_BASE + k);
        }
    }

    /** No {@code NOTE_ON} outside {@code scale} on {@code root} (0 = C). */
    public static void scale(TokenMask mask, Scale scale, int root) {
        if (scale == Scale.CHROMATIC) return;
        for (int k = 0; k < PITCHES; k++) {
            if (!scale.contains(root, k + LOWEST_PITCH)) mask.forbid(NOTE_ON_BASE + k);
        }
    }

    /** No {@code NOTE_ON} outside the keys between {@code a} and {@code b} (inclusive, in either order). */
    public static void pitchRange(TokenMask mask, int a, int b) {
        int low = Math.max(Math.min(a, b), LOWEST_PITCH);
        int high = Math.min(Math.max(a, b), Vocabulary.HIGHEST_PITCH);
        if (low > high) {
            mask.forbidRange(NOTE_ON_BASE, NOTE_OFF_BASE);
            return;
        }
        mask.forbidRange(NOTE_ON_BASE, NOTE_ON_BASE + low - LOWEST_PITCH);
        mask.forbidRange(NOTE_ON_BASE + high - LOWEST_PITCH + 1, NOTE_OFF_BASE);
    }

    /** No {@code NOTE_ON} while {@code sounding} machine notes already reach {@code max}. */
    public static void polyphony(TokenMask mask, int sounding, int max) {
        if (sounding >= max) forbidOnsets(mask);
    }

    /** No {@code NOTE_ON} and no {@code VELOCITY}: only releases and time may follow. */
    public static void forbidOnsets(TokenMask mask) {
        mask.forbidRange(NOTE_ON_BASE, NOTE_OFF_BASE);
        mask.forbidRange(VELOCITY_BASE, SIZE);
    }

    /**
     * The velocity grammar of {@link io.antiphon.engine.token.TokenEncoder}: a {@code VELOCITY} token is followed by a
     * {@code NOTE_ON}; it appears only when the bin changes and a {@code NOTE_ON} can follow; before any velocity is
     * set ({@code currentBin} -1) a {@code NOTE_ON} needs a {@code VELOCITY} first. Apply after the rules that restrict
     * {@code NOTE_ON}.
     */
    public static void velocityGrammar(TokenMask mask, int previousToken, int currentBin) {
        if (Vocabulary.isVelocity(previousToken)) {
            mask.forbidRange(NOTE_OFF_BASE, SIZE);
            return;
        }
        if (!mask.allowsAnyIn(NOTE_ON_BASE, NOTE_OFF_BASE)) {
            mask.forbidRange(VELOCITY_BASE, SIZE);
            return;
        }
        if (currentBin >= 0) {
            mask.forbid(VELOCITY_BASE + currentBin);
        } else {
            mask.forbidRange(NOTE_ON_BASE, NOTE_OFF_BASE);
        }
    }

    /** No {@code TIME_SHIFT}: used for an answer's first token, so that the answer starts at once. */
    public static void noTimeShift(TokenMask mask) {
        mask.forbidRange(TIME_SHIFT_BASE, VELOCITY_BASE);
    }

    /**
     * Onto the grid: no {@code TIME_SHIFT} that ends between the lines of a grid of {@code unitTicks}, where
     * {@code gridTick} is the current tick counted from a grid line. Time then moves only to grid lines, so every
     * following token (onsets and releases) falls on one; from a tick off the grid, the first shift reaches the next line.
     */
    public static void shiftsOntoGrid(TokenMask mask, long gridTick, int unitTicks) {
        if (unitTicks <= 1) return;
        for (int shift = 1; shift <= MAX_SHIFT; shift++) {
            if (Math.floorMod(gridTick + shift, (long) unitTicks) != 0) mask.forbid(TIME_SHIFT_BASE + shift - 1);
        }
    }

    /** No {@code TIME_SHIFT} longer than {@code maxTicks} (e.g. the ticks left in the answer). */
    public static void shiftsUpTo(TokenMask mask, long maxTicks) {
        if (maxTicks >= MAX_SHIFT) return;
        int keep = (int) Math.max(maxTicks, 0);
        mask.forbidRange(TIME_SHIFT_BASE + keep, VELOCITY_BASE);
    }

    /**
     * Maximum note duration. When a machine note has sounded {@code maxTicks} or longer, only the {@code NOTE_OFF}s of
     * such overdue notes stay allowed (forced release). Otherwise no {@code TIME_SHIFT} may carry time past the
     * earliest deadline, so the release comes exactly on time.
     */
    public static void maxDuration(TokenMask mask, long[] machineOnsetTicks, long now, long maxTicks) {
        long remaining = Long.MAX_VALUE;
        boolean overdue = false;
        for (int pitch = LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
            long onset = machineOnsetTicks[pitch];
            if (onset < 0) continue;
            long left = onset + maxTicks - now;
            if (left <= 0) overdue = true;
            remaining = Math.min(remaining, left);
        }
        if (!overdue) {
            shiftsUpTo(mask, remaining);
            return;
        }
        mask.forbidRange(NOTE_ON_BASE, NOTE_OFF_BASE);
        mask.forbidRange(TIME_SHIFT_BASE, SIZE);
        for (int k = 0; k < PITCHES; k++) {
            long onset = machineOnsetTicks[k + LOWEST_PITCH];
            if (onset < 0 || onset + maxTicks - now > 0) mask.forbid(NOTE_OFF_BASE + k);
        }
    }
}
