package io.antiphon.midi.virtual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual MIDI device on Linux: an ALSA sequencer client named like the device, with a readable port "NAME out"
 * (Antiphon's answers; a DAW or {@code aconnect} subscribes to it) and a writable port "NAME in" (the player's notes).
 * The client is non-blocking: output events are sent direct ({@code snd_seq_event_output_direct}, no queue) from the
 * caller's thread and never wait (a full kernel pool is counted, not waited for); input is read by a daemon thread
 * that waits in {@code poll} on the client's descriptors (up to {@value #POLL_MILLIS} ms, so that it sees a close).
 */
final class AlsaSequencerPort implements VirtualPort {

    private static final Logger LOG = LoggerFactory.getLogger(AlsaSequencerPort.class);
    private static final Path SEQUENCER_DEVICE = Path.of("/dev/snd/seq");
    private static final int EAGAIN = 11;
    private static final int ENOSPC = 28;
    private static final int POLL_MILLIS = 200;
    private static final long JOIN_MILLIS = 2_000;

    private final String name;
    private final Pointer handle;
    private final int outPort;
    private final Output output = new Output();
    private final Thread reader;
    private final AtomicLong sendErrors = new AtomicLong();
    private final PortInput input = new PortInput("ALSA");
    private volatile boolean closing;
    private boolean closed;

    private AlsaSequencerPort(String name, Pointer handle, int outPort) {
        this.name = name;
        this.handle = handle;
        this.outPort = outPort;
        this.reader = new Thread(this::read, "antiphon-alsa-seq-in");
        reader.setDaemon(true);
        reader.setPriority(Thread.MAX_PRIORITY);
        reader.start();
    }

    /** Creates the sequencer client, or says in one sentence why this system cannot. */
    static AlsaSequencerPort open(String name) throws VirtualPortUnavailableException {
        return open(name, LibAsound.LIBRARY);
    }

    static AlsaSequencerPort open(String name, String library) throws VirtualPortUnavailableException {
        try {
            LibAsound.load(library);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new VirtualPortUnavailableException(name, "the ALSA library (" + library + ") is not installed"
                    + " (Debian and Ubuntu: apt install libasound2)");
        }
        PointerByReference ref = new PointerByReference();
        int err = LibAsound.snd_seq_open(ref, "default", LibAsound.SND_SEQ_OPEN_DUPLEX, LibAsound.SND_SEQ_NONBLOCK);
        if (err < 0) {
            String reason = Files.exists(SEQUENCER_DEVICE) ? "" : ", as " + SEQUENCER_DEVICE
                    + " is missing (no sound devices here, or the snd-seq kernel module is not loaded)";
            throw new VirtualPortUnavailableException(name, "the ALSA sequencer cannot be opened (snd_seq_open: "
                    + LibAsound.snd_strerror(err) + ")" + reason);
        }
        Pointer handle = ref.getValue();
        LibAsound.snd_seq_set_client_name(handle, name);
        int type = LibAsound.SND_SEQ_PORT_TYPE_MIDI_GENERIC | LibAsound.SND_SEQ_PORT_TYPE_APPLICATION;
        int out = LibAsound.snd_seq_create_simple_port(handle, name + " out",
                LibAsound.SND_SEQ_PORT_CAP_READ | LibAsound.SND_SEQ_PORT_CAP_SUBS_READ, type);
        int in = LibAsound.snd_seq_create_simple_port(handle, name + " in",
                LibAsound.SND_SEQ_PORT_CAP_WRITE | LibAsound.SND_SEQ_PORT_CAP_SUBS_WRITE, type);
        if (out < 0 || in < 0) {
            LibAsound.snd_seq_close(handle);
            throw new VirtualPortUnavailableException(name, "the ALSA sequencer refused its ports ("
                    + LibAsound.snd_strerror(out < 0 ? out : in) + ")");
        }
        LOG.debug("ALSA sequencer client {} '{}': ports {} (out) and {} (in)", LibAsound.snd_seq_client_id(handle), name, out, in);
        return new AlsaSequencerPort(name, handle, out);
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

    /** Events the sequencer refused (a full output buffer, a closed client). */
    long sendErrors() {
        return sendErrors.get();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closing = true;
        try {
            reader.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            LOG.warn("the ALSA input thread did not stop; the sequencer client is left open");
            return;
        }
        LibAsound.snd_seq_close(handle);
    }

    /** What Antiphon plays, sent to the readable port's subscribers. One sending thread; no allocation. */
    private final class Output implements Receiver {
        private final Memory event = new Memory(AlsaEvents.SIZE);

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (closing || !(message instanceof ShortMessage m)) return;
            if (!AlsaEvents.encode(m.getStatus(), m.getData1(), m.getData2(), outPort, event)) return;
            if (LibAsound.snd_seq_event_output_direct(handle, event) < 0) sendErrors.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }

    /** The input thread: every event written to the "in" port, as a short message to the connected receiver. */
    private void read() {
        PointerByReference ref = new PointerByReference();
        int count = LibAsound.snd_seq_poll_descriptors_count(handle, LibAsound.POLLIN);
        Memory descriptors = new Memory((long) Math.max(1, count) * LibAsound.Poll.POLLFD_SIZE);
        int filled = LibAsound.snd_seq_poll_descriptors(handle, descriptors, count, LibAsound.POLLIN);
        while (!closing) {
            if (LibAsound.Poll.poll(descriptors, filled, POLL_MILLIS) <= 0) continue;   // timeout (or EINTR): look again
            while (!closing) {
                int result = LibAsound.snd_seq_event_input(handle, ref);
                if (result == -EAGAIN) break;                     // drained
                if (result == -ENOSPC) continue;                  // the kernel dropped some: read on
                if (result < 0) {
                    LOG.warn("ALSA sequencer input stopped: {}", LibAsound.snd_strerror(result));
                    return;
                }
                Pointer event = ref.getValue();
                if (event != null) AlsaEvents.decode(event, input);
            }
        }
    }
}
