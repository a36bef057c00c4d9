package io.antiphon.engine.perform;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.antiphon.engine.sampling.Scale;

/**
 * Every live performer parameter: its name (as in presets and CC maps), range, default, and how a MIDI controller
 * value 0..127 maps onto it. Continuous parameters map linearly from the minimum (0) to the maximum (127); whole-number
 * parameters do the same and round; choices split 0..127 into equal zones, one per choice. The values of choices are
 * their indexes: {@code mode} 0 = call, 1 = jam, 2 = harmonize; {@code thru} 0 = off, 1 = on; {@code clock}
 * 0 = internal, 1 = follow, 2 = master, 3 = player; {@code tempo_lock} 0 = off, 1 = on; {@code answer_start} 0 = now, 1 = beat, 2 = bar; {@code key_root} 0 = C .. 11 = B;
 * {@code scale} as listed by {@link Scale} (0 = chromatic, 1 = major, 2 = minor, 3 = harmonic_minor, 4 = dorian,
 * 5 = phrygian, 6 = lydian, 7 = mixolydian, 8 = locrian, 9 = major_pentatonic, 10 = minor_pentatonic, 11 = blues,
 * 12 = whole_tone).
 */
public enum Parameter {
    /** Call-and-response (0), jam (1) or harmonize (2). */
    MODE("mode", 0, "call", "jam", "harmonize"),
    /** Sampling temperature; 0 plays the most probable token. */
    TEMPERATURE("temperature", 0.0, 2.0, 0.9, false),
    /** Keep only the k most probable tokens; 0 = off. */
    TOP_K("top_k", 0, 240, 0, true),
    /** Nucleus sampling: keep the most probable tokens holding this share of the mass; 1 = off. */
    TOP_P("top_p", 0.05, 1.0, 0.95, false),
    /** Root of the key mask, 0 = C .. 11 = B. */
    KEY_ROOT("key_root", 0, "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"),
    /** Scale of the key mask (see {@link Scale}); 0 = chromatic, no mask. */
    SCALE("scale", 0, scaleLabels()),
    /** Lowest key the machine may play. */
    PITCH_LOW("pitch_low", 21, 108, 36, true),
    /** Highest key the machine may play. */
    PITCH_HIGH("pitch_high", 21, 108, 96, true),
    /** Most machine notes sounding at once. */
    MAX_POLYPHONY("max_polyphony", 1, 16, 6, true),
    /** Longest machine note, in beats (quarter notes); it is released when reached. */
    MAX_NOTE_BEATS("max_note_beats", 0.25, 16, 4, false),
    /** Tempo: the length of a tick (1/24 beat) and of a beat. */
    TEMPO_BPM("tempo_bpm", 30, 300, 120, false),
    /** Phrase end: silence longer than this many times the player's recent median onset spacing. */
    PHRASE_END_MULTIPLE("phrase_end_multiple", 1, 8, 2.5, false),
    /** Phrase end: never before this much silence, in milliseconds. */
    PHRASE_END_FLOOR_MS("phrase_end_floor_ms", 100, 4000, 400, false),
    /** Answer length as a multiple of the call's length. */
    ANSWER_LENGTH_RATIO("answer_length_ratio", 0.25, 4, 1, false),
    /** Shortest answer, in beats. */
    ANSWER_MIN_BEATS("answer_min_beats", 0.5, 32, 2, false),
    /** Longest answer, in beats. */
    ANSWER_MAX_BEATS("answer_max_beats", 1, 64, 16, false),
    /** MIDI channel of the machine's notes, 1..16. */
    OUTPUT_CHANNEL("output_channel", 1, 16, 1, true),
    /** How far ahead of their time the machine's events are released to the output, in milliseconds. */
    LOOKAHEAD_MS("lookahead_ms", 0, 50, 5, false),
    /**
     * How far ahead of now the machine samples its part, in beats (at most {@code beats_per_bar}): the plan, held until
     * each note is due; 0 = each token just in time (within {@code lookahead_ms}). See {@link Performer}, The plan.
     */
    PLAN_BEATS("plan_beats", 0, 16, 0, false),
    /** MIDI thru, off (0) or on (1): the human's messages go to the output unchanged, before the model hears them. */
    THRU("thru", 0, "off", "on"),
    /**
     * Where musical time comes from: the {@code tempo_bpm} parameter (internal), an external MIDI clock (follow), or
     * this performer, which then sends MIDI clock to the output (master). See {@link ClockSource}.
     */
    CLOCK("clock", 0, "internal", "follow", "master", "player"),
    /** With the player clock: off (0) the tempo is the player's; on (1) it stays {@code tempo_bpm}, only the beat's phase follows. */
    TEMPO_LOCK("tempo_lock", 0, "off", "on"),
    /** When an answer starts after the call ends: at once (now), on the next beat, or on the next bar line. */
    ANSWER_START("answer_start", 0, "now", "beat", "bar"),
    /** Beats (quarter notes) in a bar, for bar lines and the metronome's accent. */
    BEATS_PER_BAR("beats_per_bar", 1, 16, 4, true),
    /** MIDI channel of the metronome clicks (clock master only), 1..16; 0 = no metronome. */
    METRONOME_CHANNEL("metronome_channel", 0, 16, 0, true),
    /**
     * How far the machine's velocities follow the player: 0 = the model's own velocity bins, 1 = the player's (the
     * level of the last four notes, the accents by metric position, the contour continued). See {@link ExpressionStage}.
     */
    DYNAMICS("dynamics", 0, 1, 1, false),
    /**
     * How far the machine's onsets take the player's groove (swing, push and pull by sixteenth position, measured
     * against the beat grid, at most a third of a sixteenth): 0 = the straight grid, 1 = the player's.
     */
    FEEL("feel", 0, 1, 1, false),
    /**
     * Learning the player: how much the session memory's predictions join the trained model's, 0 = the trained model
     * only, 1 = the mixture at the weight it learned (docs/design.md, Learning the player). The default 0.95: at 1 the
     * answers restate long stretches of the call (docs/models.md, Learning the player).
     */
    ADAPT("adapt", 0, 1, 0.95, false);

    private static final Parameter[] ALL = values();

    private final String label;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final boolean whole;
    private final String[] choices;

    Parameter(String label, double min, double max, double defaultValue, boolean whole) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.whole = whole;
        this.choices = null;
    }

    Parameter(String label, int defaultValue, String... choices) {
        this.label = label;
        this.min = 0;
        this.max = choices.length - 1;
        this.defaultValue = defaultValue;
        this.whole = true;
        this.choices = choices;
    }

    private static String[] scaleLabels() {
        return Arrays.stream(Scale.values()).map(Scale::label).toArray(String[]::new);
    }

    /** The name used in presets, CC maps and commands, e.g. {@code top_p}. */
    public String label() {
        return label;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double defaultValue() {
        return defaultValue;
    }

    /** Whether the parameter takes whole numbers only (choices do). */
    public boolean whole() {
        return whole;
    }

    /** The names of a choice parameter's values, in order (value 0 first); empty for a number. */
    public java.util.List<String> choices() {
        return choices == null ? java.util.List.of() : java.util.List.of(choices);
    }

    /** The value a controller at {@code ccValue} (0..127) sets. */
    public double fromController(int ccValue) {
        int v = Math.max(0, Math.min(127, ccValue));
        if (choices != null) return Math.min(v * choices.length / 128, choices.length - 1);
        double value = min + (max - min) * v / 127.0;
        return whole ? Math.round(value) : value;
    }

    /** The value for people: the choice's name, a whole number, or the number. */
    public String describe(double value) {
        if (choices != null) return choices[(int) value];
        if (whole) return Long.toString(Math.round(value));
        return Double.toString(value);
    }

    /**
     * The value {@code text} gives this parameter: a number, or for a choice its name, case-insensitive
     * ({@code "D"} for key_root, also with a flat: {@code "Bb"}; {@code "dorian"} for scale; {@code "harmonize"} for mode).
     *
     * @throws IllegalArgumentException naming this parameter and what it takes, when {@code text} is neither a number
     *                                  in range nor one of its choices
     */
    public double parse(String text) {
        String trimmed = text.strip();
        if (choices != null) {
            String wanted = this == KEY_ROOT ? sharpOf(trimmed) : trimmed;
            for (int i = 0; i < choices.length; i++) {
                if (choices[i].equalsIgnoreCase(wanted)) return i;
            }
        }
        double value;
        try {
            value = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("performer parameter '" + label + "' takes "
                    + (choices == null ? "a number within " + describeRange() : "one of " + String.join(", ", choices)
                    + " (or its number 0.." + (choices.length - 1) + ")") + ", not '" + text + "'");
        }
        check(value);
        return value;
    }

    /** A key name with a flat as the same key with a sharp ({@code Bb} is {@code A#}); others unchanged. */
    private static String sharpOf(String key) {
        if (key.length() != 2 || (key.charAt(1) != 'b' && key.charAt(1) != 'B')) return key;
        String sharps = "C#D#EF#G#A#B";
        String naturals = "CDEFGAB";
        int natural = naturals.indexOf(Character.toUpperCase(key.charAt(0)));
        if (natural < 0) return key;
        int[] semitone = {0, 2, 4, 5, 7, 9, 11};
        int flat = Math.floorMod(semitone[natural] - 1, 12);
        return KEY_ROOT.choices[flat];
    }

    /**
     * @throws IllegalArgumentException naming this parameter, when {@code value} is outside its range or not a whole
     *                                  number where one is needed
     */
    public void check(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("performer parameter '" + label + "' must be within " + describeRange()
                    + ", got " + value);
        }
        if (whole && value != Math.rint(value)) {
            throw new IllegalArgumentException("performer parameter '" + label + "' takes whole numbers (" + describeRange()
                    + "), got " + value);
        }
    }

    /** The range for people, e.g. {@code 0.05..1.0} or {@code 0..1 (0 = call, 1 = jam)}. */
    public String describeRange() {
        if (choices == null) return whole ? (long) min + ".." + (long) max : min + ".." + max;
        StringBuilder s = new StringBuilder().append("0..").append(choices.length - 1).append(" (");
        for (int i = 0; i < choices.length; i++) {
            if (i > 0) s.append(", ");
            s.append(i).append(" = ").append(choices[i]);
        }
        return s.append(')').toString();
    }

    /**
     * The parameter called {@code label}.
     *
     * @throws IllegalArgumentException naming the unknown parameter and listing the valid ones
     */
    public static Parameter byLabel(String label) {
        for (Parameter p : ALL) {
            if (p.label.equals(label)) return p;
        }
        throw new IllegalArgumentException("unknown performer parameter '" + label + "'; valid parameters: " + labels());
    }

    /** The parameter names, comma-separated, in declaration order. */
    public static String labels() {
        return Arrays.stream(ALL).map(Parameter::label).collect(Collectors.joining(", "));
    }
}
