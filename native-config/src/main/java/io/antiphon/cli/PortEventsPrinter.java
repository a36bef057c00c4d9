package io.antiphon.cli;

import io.antiphon.midi.port.PortWatcher;

import java.io.PrintStream;

/** Tells the player on the terminal when a MIDI port goes away and when it is back (on a line of its own). */
final class PortEventsPrinter implements PortWatcher.Events {

    private final PrintStream err;

    PortEventsPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void lost(String direction, String name) {
        err.printf("%nMIDI %s '%s' is gone: playing on, and reopening it when it returns.%n", direction, name);
    }

    @Override
    public void reconnected(String direction, String name) {
        err.printf("%nMIDI %s '%s' is back%s.%n", direction, name, direction.equals("output") ? " (all notes off sent first)" : "");
    }
}
