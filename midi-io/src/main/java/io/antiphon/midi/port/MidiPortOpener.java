package io.antiphon.midi.port;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import java.util.List;

/** Opens MIDI input and output ports by name substring (see {@link PortSelector} for the matching rule). */
public final class MidiPortOpener {

    private MidiPortOpener() {
    }

    /** An open input: connect its transmitter to a receiver; close it to release the device. */
    public record OpenedInput(MidiPortInfo info, MidiDevice device, Transmitter transmitter) implements AutoCloseable {
        @Override
        public void close() {
            transmitter.close();
            device.close();
        }
    }

    /** An open output: send to its receiver; close it to release the device. */
    public record OpenedOutput(MidiPortInfo info, MidiDevice device, Receiver receiver) implements AutoCloseable {
        @Override
        public void close() {
            receiver.close();
            device.close();
        }
    }

    public static OpenedInput openInput(String name) throws MidiPortException {
        return openInput(name, MidiPorts.ports());
    }

    public static OpenedOutput openOutput(String name) throws MidiPortException {
        return openOutput(name, MidiPorts.ports());
    }

    static OpenedInput openInput(String name, List<MidiPorts.Port> ports) throws MidiPortException {
        return openInput(PortSelector.select(name, "input", ports.stream().filter(p -> p.info().input()).toList(), p -> p.info().name()));
    }

    /** Opens this input port (the chosen one, or one listed again after it was lost). */
    static OpenedInput openInput(MidiPorts.Port port) throws MidiPortException {
        try {
            port.device().open();
            return new OpenedInput(port.info(), port.device(), port.device().getTransmitter());
        } catch (MidiUnavailableException | RuntimeException e) {
            port.device().close();
            throw new MidiPortException("MIDI input '" + port.info().name() + "' cannot be opened: " + e.getMessage());
        }
    }

    static OpenedOutput openOutput(String name, List<MidiPorts.Port> ports) throws MidiPortException {
        return openOutput(PortSelector.select(name, "output", ports.stream().filter(p -> p.info().output()).toList(), p -> p.info().name()));
    }

    /** Opens this output port (the chosen one, or one listed again after it was lost). */
    static OpenedOutput openOutput(MidiPorts.Port port) throws MidiPortException {
        try {
            port.device().open();
            return new OpenedOutput(port.info(), port.device(), port.device().getReceiver());
        } catch (MidiUnavailableException | RuntimeException e) {
            port.device().close();
            throw new MidiPortException("MIDI output '" + port.info().name() + "' cannot be opened: " + e.getMessage());
        }
    }
}
