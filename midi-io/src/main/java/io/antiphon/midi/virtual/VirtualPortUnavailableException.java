package io.antiphon.midi.virtual;

import io.antiphon.midi.port.MidiPortException;

/** This machine cannot create the virtual MIDI device; the message is one sentence naming the cause and the alternatives. */
public final class VirtualPortUnavailableException extends MidiPortException {

    /** What to use instead, appended to every cause. */
    static final String ALTERNATIVES = "use a hardware or loopback port instead (--in/--out NAME, see `antiphon devices`) "
            + "or network MIDI (--in net:NAME).";

    VirtualPortUnavailableException(String name, String cause) {
        super("The virtual MIDI device '" + name + "' cannot be created: " + cause + "; " + ALTERNATIVES);
    }
}
