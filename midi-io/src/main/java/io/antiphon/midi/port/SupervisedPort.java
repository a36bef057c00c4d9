package io.antiphon.midi.port;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link SupervisedInput} and a {@link SupervisedOutput} share: the port open now (null while it is lost), its
 * name as it is looked for again, and the count of losses and returns. The {@link PortWatcher} loses and takes back
 * ports on its own thread; {@link #connected()} may be read from any thread.
 */
public abstract sealed class SupervisedPort<P extends MidiPortOpener.Opened> implements AutoCloseable
        permits SupervisedInput, SupervisedOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedPort.class);

    /** The port's name, as it was opened and is looked for again. */
    protected final String name;
    private final String direction;
    /** The port as it is open now, or null while lost and after close. */
    protected final AtomicReference<P> open;
    protected final AtomicLong losses = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    protected volatile boolean closed;

    SupervisedPort(String direction, P opened) {
        this.direction = direction;
        this.name = opened.info().name();
        this.open = new AtomicReference<>(opened);
    }

    /** The name of the port, as it was opened and is looked for again. */
    public String name() {
        return name;
    }

    /** Whether the port is open now (false while it is lost, and after {@link #close}). */
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

    /** The port as it is open now, or null while lost. */
    P current() {
        return open.get();
    }

    boolean isClosed() {
        return closed;
    }

    /** Puts a reopened port into use (watcher thread); closed again at once if this was closed meanwhile. */
    void takeBack(P port) {
        open.set(port);
        reconnects.incrementAndGet();
        if (closed) closeQuietly(open.getAndSet(null));
    }

    void closeQuietly(P port) {
        if (port == null) return;
        try {
            port.close();
        } catch (RuntimeException e) {
            LOG.debug("MIDI {} '{}' did not close cleanly: {}", direction, name, e.toString());
        }
    }
}
