package io.antiphon.engine.perform;

/**
 * The controller dispatch both performer cores share: the sustain pedal, all-notes-off (CC 120 and 123), a CC mapped
 * to a parameter (set, then reported), a CC mapped to an action (pressed at 64 and above), and any other controller
 * passed thru when thru is on. What each of these means is the core's: it answers through {@link Target}.
 * Allocation-free: one instance per core, made with it.
 */
final class ControllerDispatcher {

    /** What a performer core does with a dispatched controller. */
    interface Target {
        /** The sustain pedal went down ({@code true}) or up; thru has already passed it on. */
        void sustain(boolean down);

        /** CC 120 (all sound off) or CC 123 (all notes off). */
        void allNotesOff();

        /** A mapped parameter was set from its controller to {@code value}. */
        void parameterChanged(Parameter parameter, double value);

        /** A mapped action's controller was pressed (value 64 or above). */
        void act(ControlAction action);
    }

    private final PerformerParameters parameters;
    private final ThruNotes thru;
    private final Target target;

    ControllerDispatcher(PerformerParameters parameters, ThruNotes thru, Target target) {
        this.parameters = parameters;
        this.thru = thru;
        this.target = target;
    }

    /** Dispatches controller {@code cc} = {@code value} of a control-change message with {@code status}, heard at {@code now}. */
    void controlChange(long now, int status, int cc, int value) {
        switch (cc) {
            case 64 -> {
                thru.sustain(now, status, value, parameters.thru());
                target.sustain(value >= 64);
            }
            case 120, 123 -> target.allNotesOff();
            default -> {
                Parameter parameter = parameters.controls().parameterAt(cc);
                if (parameter != null) {
                    target.parameterChanged(parameter, parameters.setFromController(parameter, value));
                    return;
                }
                ControlAction action = parameters.controls().actionAt(cc);
                if (action != null) {
                    if (value >= 64) target.act(action);
                } else if (parameters.thru()) {
                    thru.pass(now, status, cc, value);
                }
            }
        }
    }
}
