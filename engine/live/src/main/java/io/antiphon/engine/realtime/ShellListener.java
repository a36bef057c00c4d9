package io.antiphon.engine.realtime;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerListener;

/**
 * The shell's listener on the performer: program changes go to the program loader (if the session has one), controller
 * moves and machine notes to the {@link SessionObserver}. Performer thread; allocation-free.
 */
final class ShellListener implements PerformerListener {

    private final ProgramChanges programs;
    private final SessionObserver observer;

    /** @param programs the program loader, or null to ignore program changes */
    ShellListener(ProgramChanges programs, SessionObserver observer) {
        this.programs = programs;
        this.observer = observer;
    }

    @Override
    public void programChange(int program) {
        if (programs != null) programs.programChange(program);
    }

    @Override
    public void parameterChanged(Parameter parameter, double value) {
        observer.parameterChanged(parameter, value);
    }

    @Override
    public void machineNote(long nanos, int channel, int key, int velocity) {
        observer.machineNote(nanos, channel, key, velocity);
    }

    @Override
    public void machinePlanned(long nanos, int channel, int key, int velocity) {
        observer.machinePlanned(nanos, channel, key, velocity);
    }

    @Override
    public void machinePlanDropped(long nanos, int channel, int key) {
        observer.machinePlanDropped(nanos, channel, key);
    }
}
