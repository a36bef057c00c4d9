package io.antiphon.engine.perform;

import java.util.Map;

import io.antiphon.engine.sampling.Scale;
import io.antiphon.presets.Preset;

/**
 * The performer's live parameters (every {@link Parameter}) and the controller map that drives them. Read by the
 * performer at every use, so a change (by CC, by code, by a preset) takes effect on the next event. Owned by the
 * performer thread; not thread-safe.
 *
 * <p>Default controller map (a preset's {@code cc} entries replace these per controller):
 * <table>
 *   <caption>Default MIDI CC map</caption>
 *   <tr><th>CC</th><th>target</th><th>range (CC 0 .. 127)</th></tr>
 *   <tr><td>16</td><td>temperature</td><td>0.0 .. 2.0</td></tr>
 *   <tr><td>17</td><td>top_p</td><td>0.05 .. 1.0</td></tr>
 *   <tr><td>18</td><td>top_k</td><td>0 (off) .. 240</td></tr>
 *   <tr><td>19</td><td>mode</td><td>0-42 call-and-response, 43-85 jam, 86-127 harmonize</td></tr>
 *   <tr><td>70</td><td>max_polyphony</td><td>1 .. 16</td></tr>
 *   <tr><td>71</td><td>pitch_low</td><td>21 .. 108</td></tr>
 *   <tr><td>72</td><td>pitch_high</td><td>21 .. 108</td></tr>
 *   <tr><td>73</td><td>max_note_beats</td><td>0.25 .. 16</td></tr>
 *   <tr><td>75</td><td>key_root</td><td>C .. B (12 zones)</td></tr>
 *   <tr><td>76</td><td>scale</td><td>13 zones, chromatic .. whole_tone</td></tr>
 *   <tr><td>77</td><td>phrase_end_multiple</td><td>1 .. 8</td></tr>
 *   <tr><td>78</td><td>phrase_end_floor_ms</td><td>100 .. 4000</td></tr>
 *   <tr><td>79</td><td>answer_length_ratio</td><td>0.25 .. 4</td></tr>
 *   <tr><td>80</td><td>answer_now (action)</td><td>64-127 triggers</td></tr>
 *   <tr><td>81</td><td>reset_memory (action)</td><td>64-127 triggers</td></tr>
 *   <tr><td>82</td><td>all_notes_off (action)</td><td>64-127 triggers</td></tr>
 *   <tr><td>83</td><td>tempo_bpm</td><td>30 .. 300</td></tr>
 *   <tr><td>85</td><td>thru</td><td>0-63 off, 64-127 on</td></tr>
 *   <tr><td>86</td><td>answer_start</td><td>0-42 now, 43-85 next beat, 86-127 next bar</td></tr>
 *   <tr><td>87</td><td>dynamics</td><td>0 (the model's velocities) .. 1 (the player's)</td></tr>
 *   <tr><td>89</td><td>tap_tempo (action)</td><td>64-127 is a tap; two or more set the player clock's beat</td></tr>
 *   <tr><td>90</td><td>feel</td><td>0 (straight grid) .. 1 (the player's groove)</td></tr>
 *   <tr><td>102</td><td>adapt</td><td>0.0 (trained model only) .. 1.0 (full adaptation)</td></tr>
 *   <tr><td>103</td><td>forget_learning (action)</td><td>64-127 forgets what the session taught, keeps the state</td></tr>
 *   <tr><td>104</td><td>plan_beats</td><td>0 .. 16 (used up to beats_per_bar)</td></tr>
 *   <tr><td>64</td><td>sustain pedal (fixed)</td><td>64-127 down; holds off the phrase end</td></tr>
 *   <tr><td>120, 123</td><td>all sound off, all notes off (fixed)</td><td>any value</td></tr>
 *   <tr><td>Program Change</td><td>switch preset (fixed)</td><td>{@link PerformerListener#programChange}</td></tr>
 * </table>
 * CC 74 is left free on purpose: MPE controllers send it with every note; CC 85 is one of MIDI's undefined
 * controllers (CC 84 is portamento control), as are CC 86, 87, 89, 90, 102, 103 and 104 (CC 88 is the high-resolution velocity
 * prefix). {@code answer_min_beats}, {@code answer_max_beats}, {@code output_channel}, {@code lookahead_ms},
 * {@code clock}, {@code tempo_lock}, {@code beats_per_bar} and {@code metronome_channel} have no default controller.
 */
public final class PerformerParameters {

    private final double[] values = new double[Parameter.values().length];
    private final ControlMap controls = ControlMap.defaults();

    /** Every parameter at its default, the default controller map. */
    public PerformerParameters() {
        for (Parameter p : Parameter.values()) values[p.ordinal()] = p.defaultValue();
    }

    /** Defaults overridden by {@code preset}'s values and CC map. */
    public static PerformerParameters of(Preset preset) {
        PerformerParameters parameters = new PerformerParameters();
        parameters.applyPreset(preset);
        return parameters;
    }

    /**
     * Sets {@code preset}'s values and applies its CC map. Nothing changes unless all of it is valid.
     *
     * @throws IllegalArgumentException naming the preset and the bad parameter, value or controller
     */
    public void applyPreset(Preset preset) {
        Map<String, Double> values;
        try {
            values = valuesOf(preset.parameters());
            checkValues(values);
            ControlMap trial = ControlMap.defaults();
            trial.apply(preset.cc());
        } catch (IllegalArgumentException e) {
            throw Messages.inPreset(preset.name(), e);
        }
        applyValues(values);
        controls.apply(preset.cc());
    }

    /**
     * A preset's parameter values as numbers: a number stays, a name is its choice's number ({@link Parameter#parse}).
     *
     * @throws IllegalArgumentException naming the unknown parameter or the value that is neither a number nor a choice
     */
    public static Map<String, Double> valuesOf(Map<String, ?> byName) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : byName.entrySet()) {
            Parameter p = Parameter.byLabel(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Number n) {
                values.put(entry.getKey(), n.doubleValue());
            } else if (value instanceof String text) {
                values.put(entry.getKey(), p.parse(text));
            } else {
                throw Messages.noValue(p.label());
            }
        }
        return values;
    }

    /**
     * Sets parameters by name. Nothing changes unless every name and value is valid.
     *
     * @throws IllegalArgumentException naming the unknown parameter (and listing the valid ones) or the bad value
     */
    public void applyValues(Map<String, Double> byName) {
        checkValues(byName);
        for (Map.Entry<String, Double> entry : byName.entrySet()) {
            set(Parameter.byLabel(entry.getKey()), entry.getValue());
        }
    }

    private static void checkValues(Map<String, Double> byName) {
        for (Map.Entry<String, Double> entry : byName.entrySet()) {
            Parameter p = Parameter.byLabel(entry.getKey());
            if (entry.getValue() == null) throw Messages.noValue(p.label());
            p.check(entry.getValue());
        }
    }

    /** The controller map: which CC drives which parameter or action. */
    public ControlMap controls() {
        return controls;
    }

    public double get(Parameter parameter) {
        return values[parameter.ordinal()];
    }

    /** @throws IllegalArgumentException when {@code value} is outside the parameter's range */
    public void set(Parameter parameter, double value) {
        parameter.check(value);
        values[parameter.ordinal()] = value;
    }

    /** @throws IllegalArgumentException for an unknown name (listing the valid ones) or a value out of range */
    public void set(String name, double value) {
        set(Parameter.byLabel(name), value);
    }

    /** Sets {@code parameter} from a controller value 0..127 and returns the value set. */
    public double setFromController(Parameter parameter, int ccValue) {
        double value = parameter.fromController(ccValue);
        values[parameter.ordinal()] = value;
        return value;
    }

    public PerformerMode mode() {
        return PerformerMode.ofIndex((int) get(Parameter.MODE));
    }

    public double temperature() {
        return get(Parameter.TEMPERATURE);
    }

    public int topK() {
        return (int) get(Parameter.TOP_K);
    }

    public double topP() {
        return get(Parameter.TOP_P);
    }

    /** 0 = C .. 11 = B. */
    public int keyRoot() {
        return (int) get(Parameter.KEY_ROOT);
    }

    public Scale scale() {
        return Scale.ofIndex((int) get(Parameter.SCALE));
    }

    public int pitchLow() {
        return (int) get(Parameter.PITCH_LOW);
    }

    public int pitchHigh() {
        return (int) get(Parameter.PITCH_HIGH);
    }

    public int maxPolyphony() {
        return (int) get(Parameter.MAX_POLYPHONY);
    }

    public double maxNoteBeats() {
        return get(Parameter.MAX_NOTE_BEATS);
    }

    public double tempoBpm() {
        return get(Parameter.TEMPO_BPM);
    }

    public double phraseEndMultiple() {
        return get(Parameter.PHRASE_END_MULTIPLE);
    }

    public double phraseEndFloorMs() {
        return get(Parameter.PHRASE_END_FLOOR_MS);
    }

    public double answerLengthRatio() {
        return get(Parameter.ANSWER_LENGTH_RATIO);
    }

    public double answerMinBeats() {
        return get(Parameter.ANSWER_MIN_BEATS);
    }

    public double answerMaxBeats() {
        return get(Parameter.ANSWER_MAX_BEATS);
    }

    /** MIDI channel 1..16 of the machine's notes. */
    public int outputChannel() {
        return (int) get(Parameter.OUTPUT_CHANNEL);
    }

    public double lookaheadMs() {
        return get(Parameter.LOOKAHEAD_MS);
    }

    /** How far ahead the machine samples its part, in beats: {@code plan_beats}, at most {@code beats_per_bar}. */
    public double planBeats() {
        return Math.min(get(Parameter.PLAN_BEATS), get(Parameter.BEATS_PER_BAR));
    }

    /** Whether the human's messages are passed to the output (MIDI thru). */
    public boolean thru() {
        return get(Parameter.THRU) != 0;
    }

    public ClockSource clock() {
        return ClockSource.ofIndex((int) get(Parameter.CLOCK));
    }

    /** Whether the player clock keeps {@code tempo_bpm} as the tempo (tracking only the beat's phase). */
    public boolean tempoLock() {
        return get(Parameter.TEMPO_LOCK) != 0;
    }

    /** How much the session's learning joins the trained model: 0 = not at all, 1 = fully. */
    public double adapt() {
        return get(Parameter.ADAPT);
    }

    public AnswerStart answerStart() {
        return AnswerStart.ofIndex((int) get(Parameter.ANSWER_START));
    }

    public int beatsPerBar() {
        return (int) get(Parameter.BEATS_PER_BAR);
    }

    /** How far the machine's velocities follow the player's, 0..1. */
    public double dynamics() {
        return get(Parameter.DYNAMICS);
    }

    /** How far the machine's onsets take the player's groove, 0..1. */
    public double feel() {
        return get(Parameter.FEEL);
    }

    /** MIDI channel 1..16 of the metronome, 0 for none. */
    public int metronomeChannel() {
        return (int) get(Parameter.METRONOME_CHANNEL);
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException inPreset(String preset, IllegalArgumentException cause) {
            return new IllegalArgumentException("preset '" + preset + "': " + cause.getMessage(), cause);
        }

        static IllegalArgumentException noValue(String label) {
            return new IllegalArgumentException("performer parameter '" + label + "' has no value");
        }
    }
}
