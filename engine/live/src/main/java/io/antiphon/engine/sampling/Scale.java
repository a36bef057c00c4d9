package io.antiphon.engine.sampling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scale as a set of pitch classes above a root, for the key/scale mask. The {@link #ordinal()} is the value the
 * {@code scale} performer parameter stores (0 = chromatic).
 */
public enum Scale {
    CHROMATIC(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    MAJOR(0, 2, 4, 5, 7, 9, 11),
    MINOR(0, 2, 3, 5, 7, 8, 10),
    HARMONIC_MINOR(0, 2, 3, 5, 7, 8, 11),
    DORIAN(0, 2, 3, 5, 7, 9, 10),
    PHRYGIAN(0, 1, 3, 5, 7, 8, 10),
    LYDIAN(0, 2, 4, 6, 7, 9, 11),
    MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10),
    LOCRIAN(0, 1, 3, 5, 6, 8, 10),
    MAJOR_PENTATONIC(0, 2, 4, 7, 9),
    MINOR_PENTATONIC(0, 3, 5, 7, 10),
    BLUES(0, 3, 5, 6, 7, 10),
    WHOLE_TONE(0, 2, 4, 6, 8, 10);

    private static final Scale[] ALL = values();

    /** Bit i set when the pitch class i semitones above the root belongs to the scale. */
    private final int classes;

    Scale(int... semitones) {
        int bits = 0;
        for (int s : semitones) bits |= 1 << s;
        this.classes = bits;
    }

    /** Whether MIDI key {@code pitch} belongs to this scale on {@code root} (0 = C .. 11 = B). */
    public boolean contains(int root, int pitch) {
        return (classes >> Math.floorMod(pitch - root, 12) & 1) != 0;
    }

    /** The lower-case name used in presets and on the command line, e.g. {@code harmonic_minor}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scale stored as {@code index} (its ordinal). */
    public static Scale ofIndex(int index) {
        if (index < 0 || index >= ALL.length) {
            throw new IllegalArgumentException("scale index " + index + " is outside 0.." + (ALL.length - 1) + " ("
                    + Arrays.stream(ALL).map(Scale::label).collect(Collectors.joining(", ")) + ")");
        }
        return ALL[index];
    }

    /** The number of scales. */
    public static int count() {
        return ALL.length;
    }
}
