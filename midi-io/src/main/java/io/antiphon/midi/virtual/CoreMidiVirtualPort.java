package io.antiphon.midi.virtual;

import java.util.Locale;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.antiphon.midi.MidiByteParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual MIDI device on macOS: a CoreMIDI client with a virtual source "NAME out" (Antiphon's answers, sent with
 * {@code MIDIReceived} and stamped with the host time now: 0 does not mean "now" there) and a virtual destination
 * "NAME in" whose read callback (on CoreMIDI's thread) passes the player's notes on. DAWs list both as ports.
 * Written to Apple's documented API; not run on this project's Linux machine (see the README).
 */
final class CoreMidiVirtualPort implements VirtualPort {

    private static final Logger LOG = LoggerFactory.getLogger(CoreMidiVirtualPort.class);

    private final String name;
    private final int client;
    private final int source;
    private final int destination;
    /** Kept reachable for as long as CoreMIDI may call it. */
    private final CoreMidi.ReadProc readProc;
    private final Output output = new Output();
    private final MidiByteParser parser = new MidiByteParser();
    private final boolean arm = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).startsWith("aarch64");
    private final PortInput input = new PortInput("CoreMIDI");
    private volatile boolean closed;

    private CoreMidiVirtualPort(String name, int client, int source, int destination, CoreMidi.ReadProc readProc) {
        this.name = name;
        this.client = client;
        this.source = source;
        this.destination = destination;
        this.readProc = readProc;
    }

    /** Creates the client, source and destination, or says in one sentence why this system cannot. */
    static CoreMidiVirtualPort open(String name) throws VirtualPortUnavailableException {
        try {
            CoreMidi.load();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new VirtualPortUnavailableException(name, "CoreMIDI could not be loaded (" + e.getMessage() + ")");
        }
        Holder holder = new Holder();
        CoreMidi.ReadProc readProc = (packets, refCon, srcRefCon) -> {
            CoreMidiVirtualPort port = holder.port;
            if (port != null && !port.closed) {
                synchronized (port.parser) {   // CoreMIDI calls one destination's read proc from one thread
                    MidiPacketList.parse(packets, port.arm, port.parser, port.input);
                }
            }
        };
        IntByReference ref = new IntByReference();
        int status = withCFString(name, cf -> CoreMidi.Midi.MIDIClientCreate(cf, null, null, ref));
        if (status != 0) throw new VirtualPortUnavailableException(name, "MIDIClientCreate failed (OSStatus " + status + ")");
        int client = ref.getValue();
        status = withCFString(name + " out", cf -> CoreMidi.Midi.MIDISourceCreate(client, cf, ref));
        int source = ref.getValue();
        if (status == 0) status = withCFString(name + " in", cf -> CoreMidi.Midi.MIDIDestinationCreate(client, cf, readProc, null, ref));
        if (status != 0) {
            CoreMidi.Midi.MIDIClientDispose(client);
            throw new VirtualPortUnavailableException(name, "CoreMIDI refused the virtual endpoints (OSStatus " + status + ")");
        }
        CoreMidiVirtualPort port = new CoreMidiVirtualPort(name, client, source, ref.getValue(), readProc);
        holder.port = port;
        return port;
    }

    /** The port a read callback belongs to, set once it exists. */
    private static final class Holder {
        volatile CoreMidiVirtualPort port;
    }

    private interface WithString {
        int call(Pointer cfString);
    }

    private static int withCFString(String s, WithString call) {
        Pointer cf = CoreMidi.Foundation.CFStringCreateWithCString(null, s, CoreMidi.UTF8);
        try {
            return call.call(cf);
        } finally {
            CoreMidi.Foundation.CFRelease(cf);
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
    public synchronized void close() {
        if (closed) return;
        closed = true;
        CoreMidi.Midi.MIDIEndpointDispose(destination);
        CoreMidi.Midi.MIDIEndpointDispose(source);
        CoreMidi.Midi.MIDIClientDispose(client);
    }

    /** What Antiphon plays, from one thread: one packet per message, stamped now in host time; no allocation. */
    private final class Output implements Receiver {
        private final Memory packets = MidiPacketList.allocate();

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (closed || !(message instanceof ShortMessage m)) return;
            MidiPacketList.writeShort(packets, CoreMidi.System.mach_absolute_time(), m.getStatus(), m.getData1(), m.getData2(), m.getLength());
            CoreMidi.Midi.MIDIReceived(source, packets);
        }

        @Override
        public void close() {
        }
    }
}
