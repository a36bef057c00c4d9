package io.antiphon.engine.perform;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which MIDI controller (CC 0..127) drives which {@link Parameter} or {@link ControlAction}. Starts from the default
 * map (see {@link PerformerParameters}); a preset's entries replace the defaults for their controllers, and the target
 * {@code none} frees a controller. Controllers with a fixed meaning cannot be mapped: {@value #RESERVED}.
 */
public final class ControlMap {

    /** The target name that frees a controller. */
    public static final String NONE = "none";
    static final String RESERVED = "0 and 32 (bank select), 64 (sustain pedal), 120-127 (channel mode messages)";

    private final Parameter[] parameters = new Parameter[128];
    private final ControlAction[] actions = new ControlAction[128];

    /** A map with no controller mapped. */
    public ControlMap() {
    }

    /** The default map of the table in {@link PerformerParameters}. */
    public static ControlMap defaults() {
        ControlMap map = new ControlMap();
        map.map(16, Parameter.TEMPERATURE);
        map.map(17, Parameter.TOP_P);
        map.map(18, Parameter.TOP_K);
        map.map(19, Parameter.MODE);
        map.map(80, ControlAction.ANSWER_NOW);
        map.map(81, ControlAction.RESET_MEMORY);
        map.map(82, ControlAction.ALL_NOTES_OFF);
        map.map(83, Parameter.TEMPO_BPM);
        map.map(85, Parameter.THRU);
        map.map(86, Parameter.ANSWER_START);
        map.map(87, Parameter.DYNAMICS);
        map.map(89, ControlAction.TAP_TEMPO);
        map.map(90, Parameter.FEEL);
        map.map(102, Parameter.ADAPT);
        map.map(103, ControlAction.FORGET_LEARNING);
        map.map(104, Parameter.PLAN_BEATS);
        map.map(70, Parameter.MAX_POLYPHONY);
        map.map(71, Parameter.PITCH_LOW);
        map.map(72, Parameter.PITCH_HIGH);
        map.map(73, Parameter.MAX_NOTE_BEATS);
        map.map(75, Parameter.KEY_ROOT);
        map.map(76, Parameter.SCALE);
        map.map(77, Parameter.PHRASE_END_MULTIPLE);
        map.map(78, Parameter.PHRASE_END_FLOOR_MS);
        map.map(79, Parameter.ANSWER_LENGTH_RATIO);
        return map;
    }

    /** The parameter controller {@code cc} drives, or null. */
    public Parameter parameterAt(int cc) {
        return parameters[cc];
    }

    /** The action controller {@code cc} triggers, or null. */
    public ControlAction actionAt(int cc) {
        return actions[cc];
    }

    /** The first controller that drives {@code parameter}, or -1. */
    public int controllerOf(Parameter parameter) {
        for (int cc = 0; cc < 128; cc++) {
            if (parameters[cc] == parameter) return cc;
        }
        return -1;
    }

    /** The first controller that triggers {@code action}, or -1. */
    public int controllerOf(ControlAction action) {
        for (int cc = 0; cc < 128; cc++) {
            if (actions[cc] == action) return cc;
        }
        return -1;
    }

    public void map(int cc, Parameter parameter) {
        checkController(cc);
        parameters[cc] = parameter;
        actions[cc] = null;
    }

    public void map(int cc, ControlAction action) {
        checkController(cc);
        parameters[cc] = null;
        actions[cc] = action;
    }

    /** Frees controller {@code cc}. */
    public void unmap(int cc) {
        checkController(cc);
        parameters[cc] = null;
        actions[cc] = null;
    }

    /**
     * Maps controller {@code cc} to the parameter or action named {@code target}, or frees it for {@value #NONE}.
     *
     * @throws IllegalArgumentException for a reserved controller or an unknown name (listing the valid ones)
     */
    public void map(int cc, String target) {
        if (NONE.equals(target)) {
            unmap(cc);
            return;
        }
        for (ControlAction action : ControlAction.values()) {
            if (action.label().equals(target)) {
                map(cc, action);
                return;
            }
        }
        for (Parameter parameter : Parameter.values()) {
            if (parameter.label().equals(target)) {
                map(cc, parameter);
                return;
            }
        }
        throw new IllegalArgumentException("CC " + cc + " is mapped to unknown target '" + target
                + "'; valid parameters: " + Parameter.labels() + "; actions: "
                + Arrays.stream(ControlAction.values()).map(ControlAction::label).collect(Collectors.joining(", "))
                + "; or '" + NONE + "'");
    }

    /**
     * Applies a preset's CC map: controller number (as text, 0..127) to target name.
     *
     * @throws IllegalArgumentException naming the bad key or target
     */
    public void apply(Map<String, String> ccToTarget) {
        for (Map.Entry<String, String> entry : ccToTarget.entrySet()) {
            int cc;
            try {
                cc = Integer.parseInt(entry.getKey().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CC map key '" + entry.getKey() + "' is not a controller number 0..127");
            }
            map(cc, entry.getValue());
        }
    }

    /** Whether {@code cc} has a fixed meaning and cannot be mapped. */
    public static boolean isReserved(int cc) {
        return cc == 0 || cc == 32 || cc == 64 || cc >= 120;
    }

    private static void checkController(int cc) {
        if (cc < 0 || cc > 127) throw new IllegalArgumentException("controller number " + cc + " is outside 0..127");
        if (isReserved(cc)) throw new IllegalArgumentException("CC " + cc + " cannot be mapped: reserved are " + RESERVED);
    }
}
