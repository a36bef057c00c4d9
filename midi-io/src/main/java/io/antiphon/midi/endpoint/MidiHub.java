package io.antiphon.midi.endpoint;

import io.antiphon.midi.net.NetMidiPorts;
import io.antiphon.midi.net.RtpMidiEndpoint;
import io.antiphon.midi.net.RtpMidiOptions;
import io.antiphon.midi.port.MidiPortException;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import io.antiphon.midi.port.PortNotFoundException;
import io.antiphon.midi.port.PortWatcher;
import io.antiphon.midi.port.SupervisedInput;
import io.antiphon.midi.port.SupervisedOutput;
import io.antiphon.midi.virtual.VirtualPort;
import io.antiphon.midi.virtual.VirtualPortUnavailableException;
import io.antiphon.midi.virtual.VirtualPorts;

import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one place where the sides of a performance are turned from {@link EndpointSpec}s into open endpoints, whatever
 * kind they are (as JUCE's {@code MidiInput::openDevice} and {@code createNewDevice}, or Magenta's {@code MidiHub},
 * which opens a port by name or creates a virtual one):
 * <ul>
 *   <li>ports are opened by a part of their name and looked after by one {@link PortWatcher}: a port unplugged is
 *       waited for and reopened (an output gets all notes off first);</li>
 *   <li>network specs share one RTP-MIDI endpoint ({@link NetMidiPorts}): {@code net:NAME} is the session peers join,
 *       {@code net:HOST:PORT} a session invited from here;</li>
 *   <li>{@code virtual[:NAME]} creates the virtual device NAME once, whichever sides use it.</li>
 * </ul>
 * A spec that cannot be opened is refused in one sentence ({@link MidiPortException}); ports that match nothing are
 * looked up first and reported together, with the other forms a spec may take.
 *
 * <pre>{@code
 * try (MidiHub hub = MidiHub.open("keystep", "virtual", null, MidiHub.Setup.forThisMachine(net, portEvents, netEvents))) {
 *     Receiver answers = hub.output().receiver();
 *     hub.input().connect(session.input());
 *     hub.start();
 *     ...
 * }
 * }</pre>
 */
public final class MidiHub implements AutoCloseable {

    /** The network MIDI options, asked for only when a spec is network MIDI (it may resolve host names). */
    @FunctionalInterface
    public interface NetOptions {
        RtpMidiOptions get() throws MidiPortException;
    }

    /**
     * What a hub opens endpoints on: the device list (read afresh on every check), the OS (how a virtual device is
     * made), the network options, and who is told when a port is lost and returns and when network sessions come and go.
     */
    public record Setup(Supplier<List<MidiPorts.Port>> devices, boolean thisMachine, OperatingSystem os, NetOptions net,
                        PortWatcher.Events portEvents, RtpMidiEndpoint.Listener netEvents) {

        public Setup {
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(os, "os");
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(portEvents, "portEvents");
            Objects.requireNonNull(netEvents, "netEvents");
        }

        /** This machine's ports (woken by CoreMIDI's notifications on macOS) and virtual devices. */
        public static Setup forThisMachine(NetOptions net, PortWatcher.Events portEvents, RtpMidiEndpoint.Listener netEvents) {
            return new Setup(MidiPorts::ports, true, OperatingSystem.current(), net, portEvents, netEvents);
        }

        /** The ports of {@code devices}, virtual devices made as on {@code os}. */
        public static Setup of(Supplier<List<MidiPorts.Port>> devices, OperatingSystem os, NetOptions net,
                               PortWatcher.Events portEvents, RtpMidiEndpoint.Listener netEvents) {
            return new Setup(devices, false, os, net, portEvents, netEvents);
        }
    }

    private final Setup setup;
    private final PortWatcher watcher;
    private final Map<String, VirtualPort> virtualDevices = new LinkedHashMap<>();
    private final List<MidiEndpoint> endpoints = new ArrayList<>();
    private NetMidiPorts net;
    private EndpointInput input;
    private EndpointOutput output;
    private EndpointInput clockInput;

    private MidiHub(Setup setup) {
        this.setup = setup;
        this.watcher = setup.thisMachine() ? PortWatcher.forThisMachine(setup.portEvents())
                : new PortWatcher(setup.devices(), PortWatcher.DEFAULT_POLL, setup.portEvents());
    }

    /**
     * Parses the specs ({@link EndpointSpec#parse}) and opens them: see {@link #open(EndpointSpec, EndpointSpec,
     * EndpointSpec, Setup)}.
     */
    public static MidiHub open(String in, String out, String clockIn, Setup setup) throws MidiPortException {
        return open(EndpointSpec.parse(in), EndpointSpec.parse(out), clockIn == null ? null : EndpointSpec.parse(clockIn), setup);
    }

    /**
     * Opens the input {@code in}, the output {@code out} and, if not null, a second input {@code clockIn} that carries a
     * host's MIDI clock (a port or a virtual device other than the input's), or refuses in one sentence and leaves
     * nothing open.
     */
    public static MidiHub open(EndpointSpec in, EndpointSpec out, EndpointSpec clockIn, Setup setup) throws MidiPortException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (clockIn != null && clockIn.isNet()) {
            throw new MidiPortException("the clock input '" + clockIn + "' must be a MIDI port or a virtual device (a network "
                    + "session's clock arrives on the input with its notes)");
        }
        if (clockIn instanceof EndpointSpec.Virtual && clockIn.equals(in)) {
            throw new MidiPortException("the clock input '" + clockIn + "' is already the input: give the clock input another "
                    + "device, or none (the clock on the input is followed)");
        }
        MidiHub hub = new MidiHub(setup);
        try {
            hub.openAll(in, out, clockIn);
            return hub;
        } catch (MidiPortException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    private void openAll(EndpointSpec in, EndpointSpec out, EndpointSpec clockIn) throws MidiPortException {
        // Ports first: names are the most often mistyped, and every side that matches nothing is told in one sentence.
        List<PortNotFoundException> missing = new ArrayList<>();
        if (out instanceof EndpointSpec.Port port) output = openOutputPort(port, missing);
        if (in instanceof EndpointSpec.Port port) input = openInputPort(port, missing);
        if (clockIn instanceof EndpointSpec.Port port) clockInput = openInputPort(port, missing);
        if (!missing.isEmpty()) throw notFound(missing);
        if (in.isNet() || out.isNet()) openNet(in, out);
        if (out instanceof EndpointSpec.Virtual virtual) {
            VirtualPort device = virtualDevice(virtual);
            output = add(new Output(out, "virtual '" + device.name() + " out'", device.output(), () -> true, () -> { }));
        }
        if (in instanceof EndpointSpec.Virtual virtual) input = virtualInput(virtual);
        if (clockIn instanceof EndpointSpec.Virtual virtual) clockInput = virtualInput(virtual);
    }

    private EndpointOutput openOutputPort(EndpointSpec.Port spec, List<PortNotFoundException> missing) throws MidiPortException {
        try {
            SupervisedOutput port = watcher.openOutput(spec.namePart());
            return add(new Output(spec, port.name(), port, port::connected, port::close));
        } catch (PortNotFoundException e) {
            missing.add(e);
            return null;
        }
    }

    private EndpointInput openInputPort(EndpointSpec.Port spec, List<PortNotFoundException> missing) throws MidiPortException {
        try {
            SupervisedInput port = watcher.openInput(spec.namePart());
            return add(new Input(spec, port.name(), port::connect, port::connected, port::close));
        } catch (PortNotFoundException e) {
            missing.add(e);
            return null;
        }
    }

    private static MidiPortException notFound(List<PortNotFoundException> missing) {
        if (missing.size() == 1 && missing.get(0).ambiguous()) return missing.get(0);
        String clauses = missing.stream().map(PortNotFoundException::clause).collect(Collectors.joining(" and "));
        boolean noneMatched = missing.stream().anyMatch(m -> !m.ambiguous());
        return new MidiPortException(Character.toUpperCase(clauses.charAt(0)) + clauses.substring(1)
                + (noneMatched ? "; give " + EndpointSpec.FORMS : "") + ".");
    }

    private void openNet(EndpointSpec in, EndpointSpec out) throws MidiPortException {
        // NetMidiPorts names the session after the input's net:NAME, else the output's, else its default; an invited
        // input (net:HOST:PORT) lends no name.
        String sessionIn = in instanceof EndpointSpec.NetSession ? in.toString() : null;
        String sessionOut = out.isNet() ? out.toString() : sessionIn == null ? EndpointSpec.NET + NetMidiPorts.DEFAULT_NAME : null;
        net = NetMidiPorts.open(sessionIn, sessionOut, setup.net().get(), setup.netEvents());
        if (out.isNet()) {
            Receiver receiver = net.openOutput(out.toString());   // invites net:HOST:PORT
            output = add(new Output(out, net.describe(out.toString()), receiver, () -> true, receiver::close));
        }
        if (in.isNet()) {
            if (in instanceof EndpointSpec.NetPeer peer && !in.equals(out)) net.endpoint().invite(address(peer));
            Transmitter transmitter = net.openInput(in.toString());
            input = add(new Input(in, net.describe(in.toString()), transmitter::setReceiver, () -> true, transmitter::close));
        }
    }

    private static InetSocketAddress address(EndpointSpec.NetPeer peer) throws MidiPortException {
        try {
            return new InetSocketAddress(InetAddress.getByName(peer.host()), peer.port());
        } catch (UnknownHostException e) {
            throw new MidiPortException("network MIDI host '" + peer.host() + "' is unknown");
        }
    }

    private EndpointInput virtualInput(EndpointSpec.Virtual spec) throws VirtualPortUnavailableException {
        VirtualPort device = virtualDevice(spec);
        return add(new Input(spec, "virtual '" + device.name() + " in'", device::connect, () -> true, () -> { }));
    }

    /** The virtual device of this name, created on first use: the input and the output may share one. */
    private VirtualPort virtualDevice(EndpointSpec.Virtual spec) throws VirtualPortUnavailableException {
        VirtualPort device = virtualDevices.get(spec.name());
        if (device == null) {
            device = VirtualPorts.open(spec.name(), setup.os(), setup.devices(), setup.portEvents());
            virtualDevices.put(spec.name(), device);
        }
        return device;
    }

    private <E extends MidiEndpoint> E add(E endpoint) {
        endpoints.add(endpoint);
        return endpoint;
    }

    /** Where the player's notes come from. */
    public EndpointInput input() {
        return input;
    }

    /** Where the answers go. */
    public EndpointOutput output() {
        return output;
    }

    /** The input that carries a host's clock, if one was asked for. */
    public Optional<EndpointInput> clockInput() {
        return Optional.ofNullable(clockInput);
    }

    /** Starts looking after the ports (on a daemon thread of minimum priority): call it once the inputs are connected. */
    public void start() {
        watcher.start();
    }

    /** "input -> output", as the terminal shows them. */
    public String describe() {
        return input.describe() + " -> " + output.describe();
    }

    /** Closes every endpoint, the virtual devices (other programs see them go), the network sessions and the ports. */
    @Override
    public void close() {
        for (MidiEndpoint endpoint : endpoints) endpoint.close();
        for (VirtualPort device : virtualDevices.values()) device.close();
        if (net != null) net.close();
        watcher.close();
    }

    /** An endpoint of any kind, as opened: what it was asked as, how it is named, whether it is connected, what closes it. */
    private abstract static class Opened implements MidiEndpoint {
        private final EndpointSpec spec;
        private final String description;
        private final BooleanSupplier connected;
        private final Runnable closer;
        private volatile boolean closed;

        Opened(EndpointSpec spec, String description, BooleanSupplier connected, Runnable closer) {
            this.spec = spec;
            this.description = description;
            this.connected = connected;
            this.closer = closer;
        }

        @Override
        public EndpointSpec spec() {
            return spec;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public boolean connected() {
            return !closed && connected.getAsBoolean();
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            closer.run();
        }
    }

    private static final class Input extends Opened implements EndpointInput {
        private final Consumer<Receiver> connector;

        Input(EndpointSpec spec, String description, Consumer<Receiver> connector, BooleanSupplier connected, Runnable closer) {
            super(spec, description, connected, closer);
            this.connector = connector;
        }

        @Override
        public void connect(Receiver receiver) {
            connector.accept(receiver);
        }
    }

    private static final class Output extends Opened implements EndpointOutput {
        private final Receiver receiver;

        Output(EndpointSpec spec, String description, Receiver receiver, BooleanSupplier connected, Runnable closer) {
            super(spec, description, connected, closer);
            this.receiver = receiver;
        }

        @Override
        public Receiver receiver() {
            return receiver;
        }
    }
}
