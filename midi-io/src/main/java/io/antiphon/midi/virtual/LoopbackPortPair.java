package io.antiphon.midi.virtual;

import java.util.List;
import java.util.function.Supplier;

import javax.sound.midi.Receiver;

import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.SupervisedInput;
import io.antiphon.midi.port.SupervisedOutput;

/**
 * The virtual device on Windows, which has no API for one that Java can reach: two loopback ports the user created
 * once in loopMIDI or Windows MIDI Services, "NAME out" (Antiphon writes, the DAW reads) and "NAME in" (the DAW
 * writes, Antiphon reads), opened by name like any port and looked after by a {@link PortWatcher}.
 */
final class LoopbackPortPair implements VirtualPort {

    private final String name;
    private final PortWatcher watcher;
    private final SupervisedOutput output;
    private final SupervisedInput input;

    private LoopbackPortPair(String name, PortWatcher watcher, SupervisedOutput output, SupervisedInput input) {
        this.name = name;
        this.watcher = watcher;
        this.output = output;
        this.input = input;
    }

    static LoopbackPortPair open(String name, Supplier<List<MidiPorts.Port>> devices, PortWatcher.Events events)
            throws VirtualPortUnavailableException {
        PortWatcher watcher = new PortWatcher(devices, PortWatcher.DEFAULT_POLL, events);
        try {
            SupervisedOutput output = watcher.openOutput(name + " out");
            SupervisedInput input = watcher.openInput(name + " in");
            watcher.start();
            return new LoopbackPortPair(name, watcher, output, input);
        } catch (MidiPortException e) {
            watcher.close();
            throw new VirtualPortUnavailableException(name, "Windows offers no virtual MIDI ports to Java and the loopback ports '"
                    + name + " in' and '" + name + " out' were not found (create them once in loopMIDI or Windows MIDI Services,"
                    + " see the README)");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Receiver output() {
        return output;
    }

    @Override
    public void connect(Receiver receiver) {
        input.connect(receiver);
    }

    @Override
    public void close() {
        watcher.close();
    }
}
