package io.antiphon.engine.realtime;

import java.util.concurrent.atomic.AtomicLong;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The {@link Receiver} handed to a MIDI input port's {@code Transmitter}: stamps each short message with the session
 * clock and try-publishes it to the input ring. It never blocks, never allocates and never throws: system-exclusive
 * and meta messages and active sensing are ignored (counted), a full ring drops (counted by the ring). The device's
 * own timestamp is not used (the JDK's is taken when its reader polls, on another clock). The time spent here is
 * recorded as the MIDI callback latency. Any number of ports may share one instance.
 */
public final class MidiInputReceiver implements Receiver {

    private static final int ACTIVE_SENSING = 0xFE;

    private final EventRing ring;
    private final NanoClock clock;
    private final LatencyMeters meters;
    private final AtomicLong ignored = new AtomicLong();
    private volatile boolean closed;

    public MidiInputReceiver(EventRing ring, NanoClock clock, LatencyMeters meters) {
        this.ring = ring;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void send(MidiMessage message, long deviceTimestamp) {
        long arrival = clock.nanoTime();
        if (closed) return;
        if (message instanceof ShortMessage shortMessage && shortMessage.getStatus() != ACTIVE_SENSING) {
            ring.tryPublish(RingEvent.Kind.MIDI, arrival, shortMessage.getStatus(), shortMessage.getData1(), shortMessage.getData2(), -1);
        } else {
            ignored.incrementAndGet();
        }
        meters.recordMidiCallback(clock.nanoTime() - arrival);
    }

    /** Messages ignored: not short messages (system exclusive, meta) or active sensing. */
    public long ignored() {
        return ignored.get();
    }

    /** Stops accepting messages; later ones are ignored silently (a port may still deliver a few). */
    @Override
    public void close() {
        closed = true;
    }
}
