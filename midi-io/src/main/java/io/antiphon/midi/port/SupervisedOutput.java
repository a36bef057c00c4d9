package io.antiphon.midi.port;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output port that survives being unplugged: the {@link Receiver} a session sends to while a {@link PortWatcher}
 * looks after the device behind it.
 *
 * <p>{@link #send} hands the message to the open port. If the port's receiver throws, the port is marked lost (one
 * compare-and-set, no lock, no allocation), the watcher is woken, and the exception is rethrown for the caller to
 * count. While the port is lost, {@code send} throws the preallocated {@link PortLostException} at once, so a
 * scheduler treats every message as not sent (and so tracks nothing as sounding). The watcher closes the lost device
 * off the caller's thread and, when a port of the same name is listed again, opens it, sends all-notes-off (CC 123)
 * on every channel first, and only then lets messages through.
 */
public final class SupervisedOutput extends SupervisedPort<MidiPortOpener.OpenedOutput> implements Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedOutput.class);
    private static final int ALL_NOTES_OFF = 123;

    private final Runnable wakeWatcher;
    /** A port that failed in {@link #send}, for the watcher to close. */
    private final AtomicReference<MidiPortOpener.OpenedOutput> toClose = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    SupervisedOutput(MidiPortOpener.OpenedOutput opened, Runnable wakeWatcher) {
        super("output", opened);
        this.wakeWatcher = wakeWatcher;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        MidiPortOpener.OpenedOutput port = open.get();
        if (port == null) {
            refused.incrementAndGet();
            throw PortLostException.INSTANCE;
        }
        try {
            port.receiver().send(message, timeStamp);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            // handed to the watcher before the port is marked lost: a watcher that finds it lost finds it here too, and
            // closes it before it opens the device again (closing it after would close the reopened device: the JDK
            // hands out one MidiDevice object per device)
            toClose.set(port);
            if (open.compareAndSet(port, null)) {
                losses.incrementAndGet();
                wakeWatcher.run();
            }
            throw e;
        }
    }

    /** Times the port's receiver threw. */
    public long failures() {
        return failures.get();
    }

    /** Messages refused (not sent) while the port was lost. */
    public long refused() {
        return refused.get();
    }

    /** Closes the port; later sends throw {@link PortLostException}. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(open.getAndSet(null));
        closeQuietly(toClose.getAndSet(null));
    }

    // ---- the watcher's side ----

    /** Marks the port lost because it is no longer listed or no longer open (watcher thread). */
    void lose() {
        MidiPortOpener.OpenedOutput port = open.getAndSet(null);
        if (port != null) {
            losses.incrementAndGet();
            closeQuietly(port);
        }
    }

    /**
     * Closes a port that failed in {@link #send}, if any (watcher thread); true if there was one to close as lost (false
     * too when its device is already open again: then only its receiver is closed).
     */
    boolean closeFailed() {
        MidiPortOpener.OpenedOutput failed = toClose.getAndSet(null);
        if (failed == null) return false;
        MidiPortOpener.OpenedOutput current = open.get();
        if (current == failed) {
            // the failing send has handed it over but not yet marked it lost: it is lost here (the send's own
            // compare-and-set then finds it gone), so that the watcher reports the loss and does not take this handle
            // for a reopened device
            if (open.compareAndSet(failed, null)) losses.incrementAndGet();
            current = null;
        }
        if (current != null && current.device() == failed.device()) {
            // the device is open again (this handle was lost another way first): only the old receiver goes
            failed.receiver().close();
            return false;
        }
        closeQuietly(failed);
        return true;
    }

    /** Takes a reopened port into use after sending it all-notes-off on every channel (watcher thread). */
    void reconnect(MidiPortOpener.OpenedOutput port) {
        if (closed) {
            closeQuietly(port);
            return;
        }
        try {
            ShortMessage message = new ShortMessage();
            for (int channel = 0; channel < 16; channel++) {
                message.setMessage(ShortMessage.CONTROL_CHANGE, channel, ALL_NOTES_OFF, 0);
                port.receiver().send(message, -1);
            }
        } catch (InvalidMidiDataException | RuntimeException e) {
            LOG.debug("MIDI output '{}' failed again while being silenced: {}", name, e.toString());
            closeQuietly(port);
            return;
        }
        takeBack(port);
    }
}
