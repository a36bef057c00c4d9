package io.antiphon.cli;

import io.antiphon.engine.perform.AnswerStart;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.presets.Preset;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code play} and {@code demo} that set performer parameters over the preset's: {@code --set NAME=VALUE}
 * (repeatable; any parameter, choices by name: {@code key_root=D}, {@code scale=dorian}), {@code --tempo BPM} (with the player clock, the tempo
 * expected before the player's is heard) and {@code --tempo-lock}.
 * {@link #check} refuses a bad name or value in one sentence before any work; {@link #applyTo} sets them once the
 * preset is loaded.
 */
final class ParameterOptions {

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Set a performer parameter over the preset's (repeatable), e.g. --set key_root=D --set scale=dorian"
                    + " --set temperature=0.7; `antiphon presets` lists the parameters.")
    List<String> settings = List.of();

    @Option(names = "--tempo", paramLabel = "BPM", description = "Tempo in beats per minute, 30..300 (the tempo_bpm parameter; default the preset's).")
    Double tempo;

    @Option(names = "--tempo-lock", description = "With the player clock: keep the tempo at --tempo (or the preset's tempo_bpm);"
            + " only the beat's phase follows your playing (the tempo_lock parameter).")
    boolean tempoLock;

    /** Parameters set elsewhere on the command line, by the option that sets them. */
    private static final Map<Parameter, String> OWN_OPTIONS = Map.of(Parameter.MODE, "--mode", Parameter.CLOCK, "--clock");

    /**
     * The values given, checked: names, values and the form NAME=VALUE.
     *
     * @throws IllegalArgumentException one sentence naming the option, the parameter and what it takes
     */
    Map<Parameter, Double> check() {
        Map<Parameter, Double> values = new LinkedHashMap<>();
        if (tempo != null) values.put(Parameter.TEMPO_BPM, value(Parameter.TEMPO_BPM, tempo.toString(), "--tempo " + tempo));
        if (tempoLock) values.put(Parameter.TEMPO_LOCK, 1.0);
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--set " + setting + ": give NAME=VALUE, e.g. --set key_root=D; the names are "
                        + Parameter.labels());
            }
            String name = setting.substring(0, equals).strip();
            Parameter parameter;
            try {
                parameter = Parameter.byLabel(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + setting + ": " + e.getMessage());
            }
            String option = OWN_OPTIONS.get(parameter);
            if (option != null) throw new IllegalArgumentException("--set " + setting + ": " + name + " is set with " + option);
            if (parameter == Parameter.TEMPO_BPM && tempo != null) {
                throw new IllegalArgumentException("--set " + setting + ": the tempo is already given with --tempo");
            }
            values.put(parameter, value(parameter, setting.substring(equals + 1), "--set " + setting));
        }
        return values;
    }

    private static double value(Parameter parameter, String text, String given) {
        try {
            return parameter.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(given + ": " + e.getMessage());
        }
    }

    /**
     * With the player clock, the answer enters on the player's next beat unless the preset or the command line says
     * when ({@code answer_start}).
     */
    static void playerEntrance(Map<Parameter, Double> values, Preset preset, PerformerParameters parameters) {
        if (parameters.clock() != ClockSource.PLAYER || values.containsKey(Parameter.ANSWER_START)
                || preset.parameters().containsKey(Parameter.ANSWER_START.label())) {
            return;
        }
        parameters.set(Parameter.ANSWER_START, AnswerStart.BEAT.ordinal());
    }

    /** Sets the checked values over the preset's. */
    static void applyTo(Map<Parameter, Double> values, PerformerParameters parameters) {
        values.forEach(parameters::set);
    }
}
