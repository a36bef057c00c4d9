package io.antiphon.midi.port;

import io.antiphon.midi.HeldNotes;
import io.antiphon.midi.MidiByteParser;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input port that survives being unplugged: its transmitter feeds the {@link Receiver} given to {@link #connect}
 * (a session's input), and when a {@link PortWatcher} finds the device gone it closes it, releases every key and
 * sustain pedal the port held down (note-offs and pedal-ups to the same receiver, so the performer does not wait for
 * keys nobody can lift) and waits; when a port of the same name is listed again, it is opened and connected to the
 * same receiver. On the port's own thread, messages pass through with one bit set or cleared per note: no lock, no
 * allocation.
 */
public final class SupervisedInput extends SupervisedPort<MidiPortOpener.OpenedInput> {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedInput.class);

    private volatile Receiver target;
    /** What the port holds down; written on the port's thread, read by the watcher after the port is closed. */
    private final HeldNotes held = new HeldNotes();
    /** Written after every tracked message, read before {@link #held} is: publishes the port thread's writes. */
    private volatile long tracked;
    private final Receiver tracking = new Receiver() {
        @Override
        public void send(MidiMessage message, long timeStamp) {
            Receiver receiver = target;
            if (message instanceof ShortMessage m) {
                held.track(m.getStatus(), m.getData1(), m.getData2());
                tracked++;
            }
            if (receiver != null) receiver.send(message, timeStamp);
        }

        @Override
        public void close() {
        }
    };

    SupervisedInput(MidiPortOpener.OpenedInput opened) {
        super("input", opened);
    }

    /** Sends what the port plays to {@code receiver}, now and after every reconnection. */
    public synchronized void connect(Receiver receiver) {
        target = receiver;
        MidiPortOpener.OpenedInput port = open.get();
        if (port != null) port.transmitter().setReceiver(tracking);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(open.getAndSet(null));
    }

    // ---- the watcher's side ----

    /** Closes the port that is gone and releases what it held down (watcher thread); true if it was open. */
    boolean lose() {
        MidiPortOpener.OpenedInput port = open.getAndSet(null);
        if (port == null) return false;
        losses.incrementAndGet();
        closeQuietly(port);
        releaseHeld();
        return true;
    }

    private void releaseHeld() {
        Receiver receiver = target;
        if (tracked < 0 || receiver == null) return;   // the volatile read makes the port thread's tracking visible
        held.releaseAll(new MidiByteParser.Sink() {
            @Override
            public void shortMessage(int status, int data1, int data2) {
                try {
                    receiver.send(new ShortMessage(status, data1, data2), -1);
                } catch (InvalidMidiDataException | RuntimeException e) {
                    LOG.debug("MIDI input '{}': release not delivered: {}", name, e.toString());
                }
            }

            @Override
            public void sysEx(byte[] data, int off, int len) {
            }
        });
    }

    /** Connects a reopened port to the receiver (watcher thread). */
    synchronized void reconnect(MidiPortOpener.OpenedInput port) {
        if (closed) {
            closeQuietly(port);
            return;
        }
        if (target != null) port.transmitter().setReceiver(tracking);
        takeBack(port);
    }
}
