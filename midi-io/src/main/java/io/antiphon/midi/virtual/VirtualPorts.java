package io.antiphon.midi.virtual;

import java.util.List;
import java.util.function.Supplier;

import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import io.antiphon.midi.port.PortWatcher;

/**
 * Creates the virtual MIDI device {@code antiphon play --virtual NAME} offers to other programs, the way each OS
 * allows: an ALSA sequencer client on Linux, a CoreMIDI virtual source and destination on macOS, a pair of
 * loopMIDI / Windows MIDI Services loopback ports on Windows. Native libraries are loaded only here, on first use.
 * Where the system cannot, a {@link VirtualPortUnavailableException} says why in one sentence and names the
 * alternatives.
 */
public final class VirtualPorts {

    /** The device name when {@code --virtual} is given without one. */
    public static final String DEFAULT_NAME = "Antiphon";

    private VirtualPorts() {
    }

    /** Creates the virtual device {@code name} on this machine. */
    public static VirtualPort open(String name, PortWatcher.Events events) throws VirtualPortUnavailableException {
        return open(name, OperatingSystem.current(), MidiPorts::ports, events);
    }

    /** Creates the virtual device {@code name} as {@code os} allows ({@code devices}: the ports Windows would look in). */
    public static VirtualPort open(String name, OperatingSystem os, Supplier<List<MidiPorts.Port>> devices, PortWatcher.Events events)
            throws VirtualPortUnavailableException {
        if (name == null || name.isBlank()) throw new VirtualPortUnavailableException(String.valueOf(name), "the name is empty");
        return switch (os) {
            case LINUX -> AlsaSequencerPort.open(name);
            case MACOS -> CoreMidiVirtualPort.open(name);
            case WINDOWS -> LoopbackPortPair.open(name, devices, events);
            case OTHER -> throw new VirtualPortUnavailableException(name, "Antiphon knows no way to create one on "
                    + System.getProperty("os.name"));
        };
    }
}
