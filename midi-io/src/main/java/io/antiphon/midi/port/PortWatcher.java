package io.antiphon.midi.port;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiDeviceProvider;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiException;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiNotification;

/**
 * Looks after the ports a performance has open, off the real-time threads: a low-priority daemon thread reads the
 * device list every {@link #DEFAULT_POLL} (and at once when woken: by a {@link SupervisedOutput} whose port threw, or
 * on macOS by CoreMIDI4J's notification that the MIDI setup changed). A port that is no longer listed, or no longer
 * open, is closed and marked lost; a lost port whose name is listed again is reopened (an output first gets
 * all-notes-off on every channel) and put back into use.
 *
 * <pre>{@code
 * try (PortWatcher watcher = PortWatcher.forThisMachine(PortWatcher.Events.NONE)) {
 *     SupervisedOutput out = watcher.openOutput("synth");          // a Receiver that survives unplugging
 *     SupervisedInput in = watcher.openInput("keystep");
 *     in.connect(session.input());
 *     watcher.start();
 *     ...
 * }
 * }</pre>
 */
public final class PortWatcher implements AutoCloseable {

    /** How often the device list is read when nothing wakes the watcher. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(PortWatcher.class);
    private static final long JOIN_MILLIS = 2_000;
    private static final Pattern ALSA_ADDRESS = Pattern.compile("\\s*\\[hw:\\d+,\\d+(,\\d+)?\\]$");

    /** What the watcher did, for the terminal; called on the watcher's thread. */
    public interface Events {
        Events NONE = new Events() {
        };

        /** A port was found gone and closed; {@code direction} is "input" or "output". */
        default void lost(String direction, String name) {
        }

        /** A lost port was opened again. */
        default void reconnected(String direction, String name) {
        }
    }

    private final Supplier<List<MidiPorts.Port>> deviceList;
    private final long pollNanos;
    private final Events events;
    private final boolean coreMidiNotifications;
    private final List<SupervisedOutput> outputs = new CopyOnWriteArrayList<>();
    private final List<SupervisedInput> inputs = new CopyOnWriteArrayList<>();
    private final AtomicLong checks = new AtomicLong();
    private final CoreMidiNotification notification = this::wake;
    private volatile Thread thread;
    private volatile boolean closed;

    /**
     * @param deviceList what is plugged in now (read afresh on every check; {@link MidiPorts#ports()} on a machine)
     * @param poll       how often to read it when nothing wakes the watcher
     * @param events     told when a port is lost and when it returns
     */
    public PortWatcher(Supplier<List<MidiPorts.Port>> deviceList, Duration poll, Events events) {
        this(deviceList, poll, events, false);
    }

    private PortWatcher(Supplier<List<MidiPorts.Port>> deviceList, Duration poll, Events events, boolean coreMidiNotifications) {
        this.deviceList = Objects.requireNonNull(deviceList, "deviceList");
        this.pollNanos = poll.toNanos();
        if (pollNanos <= 0) throw new IllegalArgumentException("the poll interval must be positive: " + poll);
        this.events = Objects.requireNonNull(events, "events");
        this.coreMidiNotifications = coreMidiNotifications;
    }

    /** Watches this machine's ports ({@link MidiPorts#ports()}), woken by CoreMIDI4J's notifications on macOS. */
    public static PortWatcher forThisMachine(Events events) {
        return new PortWatcher(MidiPorts::ports, DEFAULT_POLL, events, true);
    }

    /** Opens an output port by name (see {@link PortSelector}) and looks after it from now on. */
    public SupervisedOutput openOutput(String name) throws MidiPortException {
        SupervisedOutput output = new SupervisedOutput(MidiPortOpener.openOutput(name, deviceList.get()), this::wake);
        outputs.add(output);
        return output;
    }

    /** Opens an input port by name (see {@link PortSelector}) and looks after it; {@link SupervisedInput#connect} it. */
    public SupervisedInput openInput(String name) throws MidiPortException {
        SupervisedInput input = new SupervisedInput(MidiPortOpener.openInput(name, deviceList.get()));
        inputs.add(input);
        return input;
    }

    /** Starts the watcher thread (minimum priority, daemon). */
    public synchronized void start() {
        if (thread != null || closed) return;
        Thread t = new Thread(this::run, "antiphon-port-watcher");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        if (coreMidiNotifications && MidiPorts.coreMidi4jLoaded()) {
            try {
                CoreMidiDeviceProvider.addNotificationListener(notification);
            } catch (CoreMidiException | RuntimeException | LinkageError e) {
                LOG.debug("CoreMIDI4J notifications unavailable, polling only: {}", e.toString());
            }
        }
        t.start();
    }

    /** Wakes the watcher thread to check at once. Never blocks, never allocates. */
    public void wake() {
        Thread t = thread;
        if (t != null) LockSupport.unpark(t);
    }

    /** Device-list checks done so far. */
    public long checks() {
        return checks.get();
    }

    /**
     * One check of every supervised port against the device list, on the calling thread (the watcher thread calls
     * it in its loop; tests call it directly).
     */
    public synchronized void checkNow() {
        if (closed) return;
        List<MidiPorts.Port> listed;
        try {
            listed = deviceList.get();
        } catch (RuntimeException e) {
            LOG.debug("MIDI device list unreadable, trying again later: {}", e.toString());
            return;
        }
        for (SupervisedOutput output : outputs) {
            if (!output.isClosed()) check(output, listed);
        }
        for (SupervisedInput input : inputs) {
            if (!input.isClosed()) check(input, listed);
        }
        checks.incrementAndGet();
    }

    private void check(SupervisedOutput output, List<MidiPorts.Port> listed) {
        if (output.closeFailed()) events.lost("output", output.name());
        Optional<MidiPorts.Port> port = find(listed, output.name(), info -> info.output());
        MidiPortOpener.OpenedOutput current = output.current();
        if (current != null && (port.isEmpty() || !current.device().isOpen())) {
            output.lose();
            events.lost("output", output.name());
        }
        if (output.current() == null && port.isPresent()) {
            // a send that failed since the first line left its port here: closed before the device is opened again
            if (output.closeFailed()) events.lost("output", output.name());
            try {
                output.reconnect(MidiPortOpener.openOutput(port.get()));
            } catch (MidiPortException e) {
                LOG.debug("MIDI output '{}' is listed but does not open yet: {}", output.name(), e.getMessage());
                return;
            }
            if (output.connected()) events.reconnected("output", output.name());
        }
    }

    private void check(SupervisedInput input, List<MidiPorts.Port> listed) {
        Optional<MidiPorts.Port> port = find(listed, input.name(), info -> info.input());
        MidiPortOpener.OpenedInput current = input.current();
        if (current != null && (port.isEmpty() || !current.device().isOpen())) {
            if (input.lose()) events.lost("input", input.name());
        }
        if (input.current() == null && port.isPresent()) {
            try {
                input.reconnect(MidiPortOpener.openInput(port.get()));
            } catch (MidiPortException e) {
                LOG.debug("MIDI input '{}' is listed but does not open yet: {}", input.name(), e.getMessage());
                return;
            }
            if (input.connected()) events.reconnected("input", input.name());
        }
    }

    /**
     * The listed port of this name; failing that, the only one whose name differs just in the ALSA address the JDK
     * appends on Linux ("KeyStep 37 [hw:2,0,0]" for "KeyStep 37 [hw:1,0,0]": a device plugged back in may get
     * another card number).
     */
    static Optional<MidiPorts.Port> find(List<MidiPorts.Port> listed, String name, Predicate<MidiPortInfo> direction) {
        Optional<MidiPorts.Port> exact = listed.stream().filter(p -> p.info().name().equals(name) && direction.test(p.info())).findFirst();
        if (exact.isPresent()) return exact;
        String base = withoutAlsaAddress(name);
        if (base.equals(name)) return Optional.empty();
        List<MidiPorts.Port> moved = listed.stream()
                .filter(p -> direction.test(p.info()) && withoutAlsaAddress(p.info().name()).equals(base)).toList();
        return moved.size() == 1 ? Optional.of(moved.get(0)) : Optional.empty();
    }

    private static String withoutAlsaAddress(String name) {
        return ALSA_ADDRESS.matcher(name).replaceFirst("");
    }

    private void run() {
        while (!closed) {
            try {
                checkNow();
            } catch (RuntimeException e) {
                LOG.debug("MIDI port check failed, trying again later: {}", e.toString());
            }
            if (!closed) LockSupport.parkNanos(this, pollNanos);
        }
    }

    /** Stops the watcher thread and closes every port it looks after. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (coreMidiNotifications && MidiPorts.coreMidi4jLoaded()) {
                try {
                    CoreMidiDeviceProvider.removeNotificationListener(notification);
                } catch (CoreMidiException | RuntimeException | LinkageError e) {
                    LOG.debug("CoreMIDI4J listener not removed: {}", e.toString());
                }
            }
        }
        for (SupervisedInput input : inputs) input.close();
        for (SupervisedOutput output : outputs) output.close();
    }
}
