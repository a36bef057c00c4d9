package io.antiphon.midi.port;

import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * An output device for tests of port loss: a real {@link MidiDevice} whose receivers keep what they are sent (as
 * status/data bytes), and which can be made to fail like an unplugged port: {@link #fail()} makes every send throw,
 * as the JDK's receivers do once their device is gone.
 */
public final class UnpluggableDevice implements MidiDevice {

    private final Info info;
    private final List<int[]> received = new ArrayList<>();
    private volatile boolean open;
    private volatile boolean failing;
    private int opens;

    public UnpluggableDevice(String name) {
        this.info = new Info(name, "Antiphon tests", "an output that can be unplugged", "1") {
        };
    }

    public MidiPorts.Port port() {
        return new MidiPorts.Port(MidiPorts.describe(info, this, OperatingSystem.current()), this);
    }

    /** From now on, every send throws until the device is opened again. */
    public void fail() {
        failing = true;
    }

    public synchronized List<int[]> received() {
        return List.copyOf(received);
    }

    public synchronized int opens() {
        return opens;
    }

    @Override
    public Info getDeviceInfo() {
        return info;
    }

    @Override
    public synchronized void open() {
        open = true;
        failing = false;
        opens++;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long getMicrosecondPosition() {
        return -1;
    }

    @Override
    public int getMaxReceivers() {
        return -1;
    }

    @Override
    public int getMaxTransmitters() {
        return 0;
    }

    @Override
    public Receiver getReceiver() {
        return new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (failing || !open) throw new IllegalStateException("device unplugged");
                ShortMessage m = (ShortMessage) message;
                synchronized (UnpluggableDevice.this) {
                    received.add(new int[]{m.getStatus(), m.getData1(), m.getData2()});
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<Receiver> getReceivers() {
        return List.of();
    }

    @Override
    public Transmitter getTransmitter() {
        throw new UnsupportedOperationException("an output only");
    }

    @Override
    public List<Transmitter> getTransmitters() {
        return List.of();
    }
}
