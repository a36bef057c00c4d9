package io.antiphon.cli;

import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.SupervisedInput;
import io.antiphon.midi.port.SupervisedOutput;
import io.antiphon.midi.net.NetMidiPorts;
import io.antiphon.midi.virtual.VirtualPort;
import io.antiphon.midi.virtual.VirtualPorts;

import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import java.io.PrintStream;

/**
 * The MIDI ports of a {@code play} session: ports chosen by name ({@code --in}, {@code --out}), looked after by a
 * {@link PortWatcher} so that they survive being unplugged; network MIDI ports ({@code net:}); and the virtual device
 * ({@code --virtual}) for the sides not given otherwise.
 */
final class PlayPorts implements AutoCloseable {

    private final PortWatcher watcher;
    private final NetMidiPorts net;
    private final VirtualPort virtual;
    private final String in;
    private final String out;
    private SupervisedOutput namedOutput;
    private SupervisedInput namedInput;
    private SupervisedInput clockInput;
    private Receiver netOutput;
    private Transmitter netInput;

    private PlayPorts(PortWatcher watcher, NetMidiPorts net, VirtualPort virtual, String in, String out) {
        this.watcher = watcher;
        this.net = net;
        this.virtual = virtual;
        this.in = in;
        this.out = out;
    }

    /**
     * Opens the ports, or refuses in one sentence (a port name that matches none or several, a virtual device this
     * machine cannot create, neither names nor {@code --virtual}); {@code clockIn}, if not null, names a second input
     * that carries a host's clock.
     */
    static PlayPorts open(String in, String out, String virtualName, String clockIn, NetMidiOptions netOptions, PrintStream err)
            throws MidiPortException {
        if (virtualName == null && (in == null || out == null)) {
            throw new IllegalArgumentException("give the ports to play between with --in NAME and --out NAME (see `antiphon devices`),"
                    + " or create a virtual MIDI device with --virtual [NAME]");
        }
        PortWatcher.Events events = new PortEventsPrinter(err);
        PortWatcher watcher = PortWatcher.forThisMachine(events);
        NetMidiPorts net = null;
        VirtualPort virtual = null;
        try {
            net = netOptions.open(in, out, err);
            virtual = in != null && out != null ? null : VirtualPorts.open(virtualName, events);
            PlayPorts ports = new PlayPorts(watcher, net, virtual, in, out);
            if (NetMidiPorts.isNet(out)) {
                ports.netOutput = net.openOutput(out);
            } else if (out != null) {
                ports.namedOutput = watcher.openOutput(out);
            }
            if (NetMidiPorts.isNet(in)) {
                ports.netInput = net.openInput(in);
            } else if (in != null) {
                ports.namedInput = watcher.openInput(in);
            }
            if (clockIn != null) ports.clockInput = watcher.openInput(clockIn);
            return ports;
        } catch (MidiPortException | RuntimeException e) {
            if (virtual != null) virtual.close();
            if (net != null) net.close();
            watcher.close();
            throw e;
        }
    }

    /** Where the session's answers go. */
    Receiver output() {
        if (namedOutput != null) return namedOutput;
        return netOutput != null ? netOutput : virtual.output();
    }

    /**
     * Sends what the player plays to {@code sessionInput} and the clock input (if any) to {@code clockReceiver}, and
     * starts looking after the named ports.
     */
    void connect(Receiver sessionInput, Receiver clockReceiver) {
        if (namedInput != null) {
            namedInput.connect(sessionInput);
        } else if (netInput != null) {
            netInput.setReceiver(sessionInput);
        } else {
            virtual.connect(sessionInput);
        }
        if (clockInput != null) clockInput.connect(clockReceiver);
        watcher.start();
    }

    /** "input -> output", as the player chose them. */
    String describe() {
        return describe(in, namedInput == null ? null : namedInput.name(), " in") + " -> "
                + describe(out, namedOutput == null ? null : namedOutput.name(), " out");
    }

    private String describe(String spec, String portName, String virtualSide) {
        if (portName != null) return portName;
        if (NetMidiPorts.isNet(spec)) return net.describe(spec);
        return "virtual '" + virtual.name() + virtualSide + "'";
    }

    @Override
    public void close() {
        if (virtual != null) virtual.close();
        if (net != null) net.close();
        watcher.close();
    }
}
