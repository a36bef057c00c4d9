package io.antiphon.midi.port;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import java.util.List;

/** Opens MIDI input and output ports by name substring (see {@link PortSelector} for the matching rule). */
final class MidiPortOpener {

    private MidiPortOpener() {
    }

    /** An open port of either direction; closing it releases the device and never throws a checked exception. */
    interface Opened extends AutoCloseable {
        MidiPortInfo info();

        MidiDevice device();

        @Override
        void close();
    }

    /** An open input: connect its transmitter to a receiver; close it to release the device. */
    public record OpenedInput(MidiPortInfo info, MidiDevice device, Transmitter transmitter) implements Opened {
        @Override
        public void close() {
            transmitter.close();
            device.close();
        }
    }

    /** An open output: send to its receiver; close it to release the device. */
    public record OpenedOutput(MidiPortInfo info, MidiDevice device, Receiver receiver) implements Opened {
        @Override
        public void close() {
            receiver.close();
            device.close();
        }
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
            if (port.info().kind() == MidiPortInfo.Kind.SYNTHESIZER) throw synthesizerWithoutAudio(port.info().name(), e);
            throw new MidiPortException("MIDI output '" + port.info().name() + "' cannot be opened: " + e.getMessage());
        }
    }

    /**
     * The JDK's software synthesizer sounds through the audio device: where none opens (a server, a container, no sound
     * card) the JDK says only "Can not open line".
     */
    private static MidiPortException synthesizerWithoutAudio(String name, Exception e) {
        return new MidiPortException("MIDI output '" + name + "' is the JDK's software synthesizer, which needs an audio "
                + "device, and none opens on this machine (" + e.getMessage() + "); send the answers to a synthesizer or DAW "
                + "instead (a MIDI port, net:NAME for network MIDI, or virtual for a virtual MIDI device), or hear Antiphon "
                + "offline with `antiphon demo`, which writes a WAV file");
    }
}
