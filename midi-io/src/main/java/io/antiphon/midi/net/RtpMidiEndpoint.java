package io.antiphon.midi.net;

import io.antiphon.midi.MidiByteParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * An RTP-MIDI endpoint (RFC 6295 with Apple's session protocol): a control and a data UDP socket (ports P and P+1),
 * one network thread that receives on both, runs every {@link RtpMidiSession} and delivers incoming MIDI to a
 * {@link Receiver}; outgoing MIDI ({@link #send}) goes to every open session from the caller's thread.
 *
 * <p>Safety: only invitations from the allowed peers and the hosts this endpoint invited are accepted; at most {@link RtpMidiOptions#maxSessions()} sessions exist at once; datagrams are read into one fixed
 * 64 KiB buffer per endpoint and parsed in place; every malformed, unexpected or hostile datagram is counted
 * ({@link #counters()}) and dropped, never thrown. In steady state the receive path allocates nothing on the way to
 * the receiver (one reused {@link ShortMessage}; a SysEx becomes a new {@link SysexMessage}). When a session ends
 * (BY, silence, close), every key its MIDI held is released to the receiver.
 */
public final class RtpMidiEndpoint implements AutoCloseable {

    /**
     * Hears about sessions, on the network thread: keep it short. The endpoint logs these events at DEBUG only: the
     * listener is where a user is told. A peer that rejoins without BY ends its old session once, with the reason
     * {@value RtpMidiSession#REPLACED}, before its new one opens.
     */
    public interface Listener {
        default void connected(RtpMidiPeer peer) {
        }

        default void ended(RtpMidiPeer peer, String reason) {
        }

        /** A session that never opened was given up (the peer did not answer, declined, or never opened its data port). */
        default void failed(InetSocketAddress peerControl, String reason) {
        }

        /** An invitation from a host that is not an allowed peer was ignored (the first ten only; all are counted). */
        default void refused(InetSocketAddress from) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RtpMidiEndpoint.class);
    private static final int DATAGRAM_BYTES = 65_536;
    private static final int DRAIN_PER_WAKEUP = 64;
    private static final long MAX_WAIT_MILLIS = 250;
    private static final int PORT_PAIR_ATTEMPTS = 64;
    private static final long JOIN_MILLIS = 2_000;
    private static final int MAX_REFUSALS_REPORTED = 10;

    private final RtpMidiOptions options;
    private final LongSupplier clock;
    private final long epochNanos;
    private final int ssrc;
    private final byte[] nameBytes;
    private final SecureRandom random = new SecureRandom();
    private final Set<InetAddress> allowed;
    private final Set<InetAddress> invitedHosts = ConcurrentHashMap.newKeySet();
    private final DatagramChannel control;
    private final DatagramChannel data;
    private final Selector selector;
    private final Thread thread;
    private final AtomicReferenceArray<RtpMidiSession> slots;
    private final boolean[] announced;
    private final ConcurrentLinkedQueue<InetSocketAddress> invitations = new ConcurrentLinkedQueue<>();
    private volatile Receiver receiver;
    private volatile Listener listener = new Listener() {
    };
    private volatile List<RtpMidiPeer> peers = List.of();
    private volatile boolean running = true;
    private volatile boolean closed;

    // network thread only
    private final byte[] inBytes = new byte[DATAGRAM_BYTES];
    private final ByteBuffer inBuffer = ByteBuffer.wrap(inBytes);
    private final SessionPacket packet = new SessionPacket();
    private final Consumer<SelectionKey> onReady = this::drain;
    private final RtpMidiSession.Outbox outbox = this::sendSessionPacket;
    private final ByteBuffer outBuffer = ByteBuffer.allocate(SessionPacketCodec.MAX_LENGTH);
    private final ShortMessage incoming = new ShortMessage();
    private final MidiByteParser.Sink delivery = new MidiByteParser.Sink() {
        @Override
        public void shortMessage(int status, int data1, int data2) {
            deliverShort(status, data1, data2);
        }

        @Override
        public void sysEx(byte[] bytes, int off, int len) {
            deliverSysEx(bytes, off, len);
        }
    };
    private long lastDecodeErrorsOfEnded;
    private long lastLostOfEnded;
    private long lastRecoveredOfEnded;
    private long lastClockExchangesOfEnded;

    // sender side, under sendLock
    private final Object sendLock = new Object();
    private final byte[] sendBytes = new byte[RtpMidiEncoder.OVERHEAD + RtpMidiEncoder.MAX_LIST];
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(sendBytes.length);   // direct: no copy through a temporary buffer
    private int sendSequence;

    private volatile long packetsReceived;
    private volatile long midiPackets;
    private volatile long messagesDelivered;
    private volatile long malformedSession;
    private volatile long strangers;
    private volatile long refusedInvitations;
    private volatile long sessionsFull;
    private volatile long deliveryErrors;
    private volatile long messagesSent;
    private volatile long sendErrors;
    private volatile long unsendable;
    private volatile long internalErrors;
    private int refusalsReported;

    /** The network thread (for allocation measurements in tests). */
    Thread networkThread() {
        return thread;
    }

    private RtpMidiEndpoint(RtpMidiOptions options, LongSupplier clock) throws IOException {
        this.options = options;
        this.clock = clock;
        this.epochNanos = clock.getAsLong();
        this.ssrc = random.nextInt();
        this.sendSequence = random.nextInt() & 0xFFFF;
        this.nameBytes = options.name().getBytes(StandardCharsets.UTF_8);
        this.allowed = Set.copyOf(options.allowedPeers());
        this.slots = new AtomicReferenceArray<>(options.maxSessions());
        this.announced = new boolean[options.maxSessions()];
        DatagramChannel[] pair = bindPair(options.bindAddress(), options.port());
        this.control = pair[0];
        this.data = pair[1];
        try {
            this.selector = Selector.open();
            control.configureBlocking(false);
            data.configureBlocking(false);
            control.register(selector, SelectionKey.OP_READ, Boolean.TRUE);
            data.register(selector, SelectionKey.OP_READ, Boolean.FALSE);
        } catch (IOException | RuntimeException e) {
            closeQuietly(control);
            closeQuietly(data);
            throw e;
        }
        this.thread = new Thread(this::run, "antiphon-rtpmidi-" + options.name());
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * Binds the two sockets and starts the network thread.
     *
     * @throws IOException if the ports cannot be bound (in use, or the address is not this machine's)
     */
    public static RtpMidiEndpoint open(RtpMidiOptions options) throws IOException {
        return open(options, System::nanoTime);
    }

    static RtpMidiEndpoint open(RtpMidiOptions options, LongSupplier clock) throws IOException {
        RtpMidiEndpoint endpoint = new RtpMidiEndpoint(Objects.requireNonNull(options, "options"), clock);
        endpoint.thread.start();
        return endpoint;
    }

    private static DatagramChannel[] bindPair(InetAddress address, int port) throws IOException {
        StandardProtocolFamily family = address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        for (int attempt = 0; attempt < (port == 0 ? PORT_PAIR_ATTEMPTS : 1); attempt++) {
            DatagramChannel control = DatagramChannel.open(family);
            try {
                control.bind(new InetSocketAddress(address, port));
                int bound = ((InetSocketAddress) control.getLocalAddress()).getPort();
                if (bound % 2 != 0 || bound == 65535) {
                    control.close();
                    continue;
                }
                DatagramChannel data = DatagramChannel.open(family);
                try {
                    data.bind(new InetSocketAddress(address, bound + 1));
                    return new DatagramChannel[]{control, data};
                } catch (BindException busy) {
                    data.close();
                    control.close();
                    if (port != 0) throw new BindException("RTP-MIDI data port " + (bound + 1) + " on " + address.getHostAddress() + " is in use");
                }
            } catch (IOException e) {
                control.close();
                if (port != 0) {
                    throw e instanceof BindException
                            ? new BindException("RTP-MIDI port " + port + " on " + address.getHostAddress() + " is in use or not this machine's")
                            : e;
                }
            }
        }
        throw new BindException("no free even/odd port pair found on " + address.getHostAddress());
    }

    /** Where incoming MIDI goes (a port's {@code Transmitter.setReceiver} target); null drops it (counted). */
    public void setReceiver(Receiver target) {
        this.receiver = target;
    }

    public Receiver getReceiver() {
        return receiver;
    }

    public void setListener(Listener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
    }

    /** The local control port (the data port is the next one). */
    public int controlPort() {
        return ((InetSocketAddress) localAddress(control)).getPort();
    }

    public int dataPort() {
        return controlPort() + 1;
    }

    public String name() {
        return options.name();
    }

    /** Sessions open now. */
    public List<RtpMidiPeer> peers() {
        return peers;
    }

    /**
     * Invites the session whose control port is {@code peerControl} (its data port is the next one); its host is
     * admitted from now on. Invitations go out once a second until answered, at most
     * {@value RtpMidiSession#INVITE_ATTEMPTS} times; {@link Listener#connected} or {@link Listener#ended} tells how it went.
     */
    public void invite(InetSocketAddress peerControl) {
        if (peerControl.isUnresolved()) throw new IllegalArgumentException("unresolved host " + peerControl.getHostString());
        invitedHosts.add(peerControl.getAddress());
        invitations.add(peerControl);
        selector.wakeup();
    }

    // ---------------------------------------------------------------- network thread

    private void run() {
        try {
            while (running) {
                long now = clock.getAsLong();
                for (InetSocketAddress peer; (peer = invitations.poll()) != null; ) startInvitation(peer, now);
                long wait = MAX_WAIT_MILLIS;
                for (int i = 0; i < slots.length(); i++) {
                    RtpMidiSession session = slots.get(i);
                    if (session != null) wait = Math.min(wait, TimeUnit.NANOSECONDS.toMillis(session.nextDeadline(now) - now));
                }
                selector.select(onReady, Math.max(1, wait));
                now = clock.getAsLong();
                for (int i = 0; i < slots.length(); i++) {
                    RtpMidiSession session = slots.get(i);
                    if (session != null) session.tick(now, outbox);
                }
                publishChanges();
            }
        } catch (IOException | RuntimeException e) {
            if (running) LOG.error("RTP-MIDI endpoint '{}' stopped: {}", options.name(), e.toString());
        } finally {
            for (int i = 0; i < slots.length(); i++) {
                RtpMidiSession session = slots.get(i);
                if (session != null) session.end("this endpoint closed", true, outbox);
            }
            publishChanges();
        }
    }

    private void drain(SelectionKey key) {
        boolean isControl = key.attachment() == Boolean.TRUE;
        DatagramChannel channel = isControl ? control : data;
        for (int i = 0; i < DRAIN_PER_WAKEUP; i++) {
            inBuffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(inBuffer);
            } catch (IOException e) {
                strangers++;   // e.g. ICMP port unreachable reported on the socket
                return;
            }
            if (from == null) return;
            packetsReceived++;
            try {
                handle(isControl, (InetSocketAddress) from, inBuffer.position(), clock.getAsLong());
            } catch (RuntimeException e) {   // a fault of ours, not the sender's: count it, log it once, keep serving
                if (internalErrors++ == 0) LOG.error("RTP-MIDI endpoint '{}': a datagram could not be handled", options.name(), e);
            }
        }
    }

    private void handle(boolean isControl, InetSocketAddress from, int length, long now) {
        if (SessionPacketCodec.isSessionPacket(inBytes, 0, length)) {
            if (!SessionPacketCodec.decode(inBytes, 0, length, packet)) {
                malformedSession++;
                return;
            }
            RtpMidiSession session = find(packet, from);
            if (session != null) {
                session.onSessionPacket(packet, isControl, from, now, outbox);
            } else if (isControl && packet.command() == SessionPacket.INVITATION) {
                admit(from, now);
            } else {
                strangers++;
            }
            return;
        }
        if (isControl) {
            strangers++;
            return;
        }
        int sender = RtpMidiDecoder.ssrc(inBytes, 0, length);
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session != null && session.carriesMidiFrom(sender, from)) {
                midiPackets++;
                session.onMidi(inBytes, 0, length, now);
                return;
            }
        }
        strangers++;
    }

    private RtpMidiSession find(SessionPacket p, InetSocketAddress from) {
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session != null && session.state() != RtpMidiSession.State.ENDED && session.matches(p, from)) return session;
        }
        return null;
    }

    private void admit(InetSocketAddress from, long now) {
        InetAddress host = from.getAddress();
        if (!allowed.contains(host) && !invitedHosts.contains(host)) {
            refusedInvitations++;
            if (refusalsReported++ < MAX_REFUSALS_REPORTED) {   // a flood of invitations must not flood the log or terminal
                LOG.debug("RTP-MIDI: refused an invitation from {} (not an allowed peer)", host.getHostAddress());
                try {
                    listener.refused(from);
                } catch (RuntimeException e) {
                    LOG.warn("RTP-MIDI listener failed: {}", e.toString());
                }
            }
            return;
        }
        if (packet.version() == SessionPacketCodec.VERSION && replaceRejoined(from)) {
            publishChanges();   // the old session is announced ended and its slot freed first
        }
        int free = freeSlot();
        if (free < 0 || packet.version() != SessionPacketCodec.VERSION) {
            if (free < 0) sessionsFull++;
            else malformedSession++;
            int length = SessionPacketCodec.writeControl(outBuffer.array(), 0, SessionPacket.REJECTED, packet.token(), ssrc, nameBytes);
            sendSessionPacket(true, from, outBuffer.array(), length);
            return;
        }
        announced[free] = false;
        slots.set(free, RtpMidiSession.invited(packet, from, ssrc, nameBytes, epochNanos, options.maxSysExBytes(), delivery, now, outbox));
    }

    /** Ends the sessions a peer rejoining without BY left behind ({@link RtpMidiSession#isRejoinedBy}); whether there were any. */
    private boolean replaceRejoined(InetSocketAddress from) {
        boolean replaced = false;
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session != null && session.isRejoinedBy(packet, from)) {
                session.replace(outbox);
                replaced = true;
            }
        }
        return replaced;
    }

    private void startInvitation(InetSocketAddress peer, long now) {
        int free = freeSlot();
        if (free < 0) {
            sessionsFull++;
            listener.failed(peer, "too many sessions are open");
            return;
        }
        announced[free] = false;
        slots.set(free, RtpMidiSession.inviting(peer, random.nextInt(), ssrc, nameBytes, epochNanos, options.maxSysExBytes(),
                delivery, now, outbox));
    }

    private int freeSlot() {
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session == null || session.state() == RtpMidiSession.State.ENDED) return i;
        }
        return -1;
    }

    /** Announces sessions that opened or ended since the last call and frees the slots of ended ones. */
    private void publishChanges() {
        List<RtpMidiSession> opened = null;
        List<RtpMidiSession> endedSessions = null;
        List<RtpMidiSession> failedSessions = null;
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session == null) continue;
            if (session.state() == RtpMidiSession.State.ENDED) {
                slots.set(i, null);
                lastDecodeErrorsOfEnded += session.decoder.errors();
                lastLostOfEnded += session.decoder.lostPackets();
                lastRecoveredOfEnded += session.recoveredNoteOffs();
                lastClockExchangesOfEnded += session.clockExchanges();
                if (announced[i]) {
                    if (endedSessions == null) endedSessions = new ArrayList<>();
                    endedSessions.add(session);
                } else {
                    if (failedSessions == null) failedSessions = new ArrayList<>();
                    failedSessions.add(session);
                }
                announced[i] = false;
            } else if (session.state() == RtpMidiSession.State.CONNECTED && !announced[i]) {
                announced[i] = true;
                if (opened == null) opened = new ArrayList<>();
                opened.add(session);
            }
        }
        if (failedSessions != null) failedSessions.forEach(this::notifyFailure);
        if (opened == null && endedSessions == null) return;
        List<RtpMidiPeer> open = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session != null && session.state() == RtpMidiSession.State.CONNECTED) open.add(peerOf(session));
        }
        peers = List.copyOf(open);
        if (endedSessions != null) endedSessions.forEach(session -> notifyListener(session, false));
        if (opened != null) opened.forEach(session -> notifyListener(session, true));
    }

    private void notifyListener(RtpMidiSession session, boolean connected) {
        RtpMidiPeer peer = peerOf(session);
        try {
            if (connected) {
                LOG.debug("RTP-MIDI session with {} open", peer);
                listener.connected(peer);
            } else {
                LOG.debug("RTP-MIDI session with {} ended: {}", peer, session.endReason());
                listener.ended(peer, session.endReason());
            }
        } catch (RuntimeException e) {
            LOG.warn("RTP-MIDI listener failed: {}", e.toString());
        }
    }

    private void notifyFailure(RtpMidiSession session) {
        LOG.debug("RTP-MIDI session with {}:{} not opened: {}", session.peerControl().getAddress().getHostAddress(),
                session.peerControl().getPort(), session.endReason());
        try {
            listener.failed(session.peerControl(), session.endReason());
        } catch (RuntimeException e) {
            LOG.warn("RTP-MIDI listener failed: {}", e.toString());
        }
    }

    private static RtpMidiPeer peerOf(RtpMidiSession session) {
        return new RtpMidiPeer(session.peerName(), session.peerControl(), session.role() == RtpMidiSession.Role.INITIATOR);
    }

    private void sendSessionPacket(boolean controlPort, InetSocketAddress to, byte[] bytes, int length) {
        if (bytes != outBuffer.array()) System.arraycopy(bytes, 0, outBuffer.array(), 0, length);
        outBuffer.clear().limit(length);
        try {
            (controlPort ? control : data).send(outBuffer, to);
        } catch (IOException | RuntimeException e) {
            sendErrors++;
        }
    }

    private void deliverShort(int status, int data1, int data2) {
        Receiver target = receiver;
        if (target == null) {
            deliveryErrors++;
            return;
        }
        try {
            incoming.setMessage(status, data1, data2);
            messagesDelivered++;   // before the call: whoever the receiver wakes sees it counted
            target.send(incoming, -1);
        } catch (InvalidMidiDataException | RuntimeException e) {
            deliveryErrors++;
        }
    }

    private void deliverSysEx(byte[] bytes, int off, int len) {
        Receiver target = receiver;
        if (target == null) {
            deliveryErrors++;
            return;
        }
        try {
            byte[] copy = new byte[len];
            System.arraycopy(bytes, off, copy, 0, len);
            SysexMessage message = new SysexMessage(copy, len);
            messagesDelivered++;
            target.send(message, -1);
        } catch (InvalidMidiDataException | RuntimeException e) {
            deliveryErrors++;
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one MIDI message to every open session, now. Short messages and whole SysEx messages (F0 ... F7, up to
     * 4,095 bytes) are sent; anything else is counted as unsendable. Never throws; returns whether it went out to at
     * least one session. Allocates nothing for short messages.
     */
    public boolean send(MidiMessage message) {
        synchronized (sendLock) {
            if (closed || message == null) return false;
            long timestamp = (clock.getAsLong() - epochNanos) / 100_000;
            int length;
            if (message instanceof ShortMessage shortMessage) {
                length = RtpMidiEncoder.writeShort(sendBytes, 0, sendSequence, timestamp, ssrc, shortMessage.getLength(),
                        shortMessage.getStatus(), shortMessage.getData1(), shortMessage.getData2());
            } else if (message instanceof SysexMessage sysEx && sysEx.getStatus() == 0xF0 && sysEx.getLength() <= RtpMidiEncoder.MAX_LIST) {
                byte[] bytes = sysEx.getMessage();
                if ((bytes[bytes.length - 1] & 0xFF) != 0xF7) {
                    unsendable++;
                    return false;
                }
                length = RtpMidiEncoder.writeSysEx(sendBytes, 0, sendSequence, timestamp, ssrc, bytes, 0, bytes.length);
            } else {
                unsendable++;
                return false;
            }
            sendBuffer.clear();
            sendBuffer.put(sendBytes, 0, length);
            boolean sent = false;
            for (int i = 0; i < slots.length(); i++) {
                RtpMidiSession session = slots.get(i);
                if (session == null || session.state() != RtpMidiSession.State.CONNECTED) continue;
                sendBuffer.clear().limit(length);
                try {
                    data.send(sendBuffer, session.peerData());
                    sent = true;
                } catch (IOException | RuntimeException e) {
                    sendErrors++;
                }
            }
            if (sent) {
                sendSequence = (sendSequence + 1) & 0xFFFF;
                messagesSent++;
            }
            return sent;
        }
    }

    // ---------------------------------------------------------------- status and closing

    public RtpMidiCounters counters() {
        long decodeErrors = lastDecodeErrorsOfEnded;
        long lost = lastLostOfEnded;
        long recovered = lastRecoveredOfEnded;
        long clockExchanges = lastClockExchangesOfEnded;
        for (int i = 0; i < slots.length(); i++) {
            RtpMidiSession session = slots.get(i);
            if (session != null) {
                decodeErrors += session.decoder.errors();
                lost += session.decoder.lostPackets();
                recovered += session.recoveredNoteOffs();
                clockExchanges += session.clockExchanges();
            }
        }
        return new RtpMidiCounters(packetsReceived, midiPackets, messagesDelivered, malformedSession, strangers,
                refusedInvitations, sessionsFull, decodeErrors + internalErrors, lost, recovered, deliveryErrors, messagesSent, sendErrors, unsendable,
                clockExchanges);
    }

    /**
     * Ends every session (BY to each peer; the keys their MIDI held are released to the receiver), stops the network
     * thread and closes the sockets. Idempotent.
     */
    @Override
    public void close() {
        synchronized (sendLock) {
            if (closed) return;
            closed = true;
        }
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(selector);
        closeQuietly(control);
        closeQuietly(data);
    }

    private static SocketAddress localAddress(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the RTP-MIDI socket is closed", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", closeable, e.toString());
        }
    }
}
