package io.antiphon.engine.perform;

import java.util.function.Consumer;
import java.util.function.ObjDoubleConsumer;

/**
 * The controller dispatch both performer cores share: the sustain pedal, all-notes-off (CC 120 and 123), a CC mapped
 * to a parameter (set, then reported), a CC mapped to an action (pressed at 64 and above), and any other controller
 * passed thru when thru is on. What each of these means is the core's: it is handed the core's own methods.
 * Allocation-free: one instance per core, made with it.
 */
final class ControllerDispatcher {

    /** What a core does when the sustain pedal goes down ({@code true}) or up; thru has already passed it on. */
    @FunctionalInterface
    interface Sustain {
        void pedal(boolean down);
    }

    private final PerformerParameters parameters;
    private final ThruNotes thru;
    private final Sustain sustain;
    private final Runnable allNotesOff;
    private final ObjDoubleConsumer<Parameter> parameterChanged;
    private final Consumer<ControlAction> act;

    /**
     * @param sustain          the sustain pedal moved
     * @param allNotesOff      CC 120 (all sound off) or CC 123 (all notes off)
     * @param parameterChanged a mapped parameter was set from its controller to the value given
     * @param act              a mapped action's controller was pressed (value 64 or above)
     */
    ControllerDispatcher(PerformerParameters parameters, ThruNotes thru, Sustain sustain, Runnable allNotesOff,
                         ObjDoubleConsumer<Parameter> parameterChanged, Consumer<ControlAction> act) {
        this.parameters = parameters;
        this.thru = thru;
        this.sustain = sustain;
        this.allNotesOff = allNotesOff;
        this.parameterChanged = parameterChanged;
        this.act = act;
    }

    /** Dispatches controller {@code cc} = {@code value} of a control-change message with {@code status}, heard at {@code now}. */
    void controlChange(long now, int status, int cc, int value) {
        switch (cc) {
            case 64 -> {
                thru.sustain(now, status, value, parameters.thru());
                sustain.pedal(value >= 64);
            }
            case 120, 123 -> allNotesOff.run();
            default -> {
                Parameter parameter = parameters.controls().parameterAt(cc);
                if (parameter != null) {
                    parameterChanged.accept(parameter, parameters.setFromController(parameter, value));
                    return;
                }
                ControlAction action = parameters.controls().actionAt(cc);
                if (action != null) {
                    if (value >= 64) act.accept(action);
                } else if (parameters.thru()) {
                    thru.pass(now, status, cc, value);
                }
            }
        }
    }
}
