package io.antiphon.midi;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.midi.Receiver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input port that survives being unplugged: its transmitter feeds the {@link Receiver} given to {@link #connect}
 * (a session's input), and when a {@link PortWatcher} finds the device gone it closes it and waits; when a port of
 * the same name is listed again, it is opened and connected to the same receiver.
 */
public final class SupervisedInput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedInput.class);

    private final String name;
    private volatile Receiver target;
    private final AtomicReference<MidiPortOpener.OpenedInput> open;
    private final AtomicLong losses = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closed;

    SupervisedInput(MidiPortOpener.OpenedInput opened) {
        this.name = opened.info().name();
        this.open = new AtomicReference<>(opened);
    }

    /** Sends what the port plays to {@code receiver}, now and after every reconnection. */
    public synchronized void connect(Receiver receiver) {
        target = receiver;
        MidiPortOpener.OpenedInput port = open.get();
        if (port != null) port.transmitter().setReceiver(receiver);
    }

    /** The name of the port, as it was opened and is looked for again. */
    public String name() {
        return name;
    }

    /** Whether the port is open now. */
    public boolean connected() {
        return open.get() != null;
    }

    /** Times the port was lost. */
    public long losses() {
        return losses.get();
    }

    /** Times the port was opened again after a loss. */
    public long reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(open.getAndSet(null));
    }

    // ---- the watcher's side ----

    MidiPortOpener.OpenedInput current() {
        return open.get();
    }

    /** Closes the port that is gone (watcher thread); true if it was open. */
    boolean lose() {
        MidiPortOpener.OpenedInput port = open.getAndSet(null);
        if (port == null) return false;
        losses.incrementAndGet();
        closeQuietly(port);
        return true;
    }

    /** Connects a reopened port to the receiver (watcher thread). */
    synchronized void reconnect(MidiPortOpener.OpenedInput port) {
        if (closed) {
            closeQuietly(port);
            return;
        }
        if (target != null) port.transmitter().setReceiver(target);
        open.set(port);
        reconnects.incrementAndGet();
        if (closed) closeQuietly(open.getAndSet(null));
    }

    boolean isClosed() {
        return closed;
    }

    private void closeQuietly(MidiPortOpener.OpenedInput port) {
        if (port == null) return;
        try {
            port.close();
        } catch (RuntimeException e) {
            LOG.debug("MIDI input '{}' did not close cleanly: {}", name, e.toString());
        }
    }
}
