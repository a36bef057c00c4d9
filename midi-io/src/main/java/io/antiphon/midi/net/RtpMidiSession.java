package io.antiphon.midi.net;

import io.antiphon.midi.HeldNotes;
import io.antiphon.midi.MidiByteParser;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One AppleMIDI session with one peer: the state machine of invitations, clock synchronisation, receiver feedback
 * and ending, for either role.
 * <ul>
 *   <li><b>We invite</b> ({@link #inviting}): IN to the peer's control port, every second until OK (at most
 *       {@value #INVITE_ATTEMPTS} times), then IN to its data port (control + 1) until OK; then CK0, and CK0 again
 *       every {@value #SYNC_FAST_MILLIS} ms for the first {@value #FAST_SYNCS}, then every {@value #SYNC_MILLIS} ms.
 *       NO ends it.</li>
 *   <li><b>The peer invites</b> ({@link #invited}): its IN on our control port is answered OK (the endpoint decides
 *       whether to accept), then its IN on our data port from the same host, within {@value #DATA_INVITE_MILLIS} ms.</li>
 *   <li>Both roles answer CK0 with CK1 and CK1 with CK2, send RS (the newest sequence number received) on the control
 *       port about {@value #FEEDBACK_MILLIS} ms after MIDI arrives, end on the peer's BY, and end with BY a session
 *       that has heard nothing for {@value #SILENCE_MILLIS} ms.</li>
 * </ul>
 * Time comes from the caller ({@code now}, nanoseconds); packets go out through an {@link Outbox}. The network
 * thread owns the instance; {@link #state()} and the peer's data address may be read from any thread (the sender).
 * MIDI goes to the delivery sink; when the session ends, every key its MIDI held down is released there
 * ({@link HeldNotes}).
 */
final class RtpMidiSession {

    enum Role { INITIATOR, RESPONDER }

    enum State { INVITING_CONTROL, INVITING_DATA, CONNECTED, ENDED }

    /** Sends session packets for a session; implemented by the endpoint over its two sockets. */
    interface Outbox {
        void send(boolean controlPort, InetSocketAddress to, byte[] packet, int length);
    }

    static final int INVITE_ATTEMPTS = 12;
    static final long INVITE_MILLIS = 1_000;
    static final long DATA_INVITE_MILLIS = 10_000;
    static final long SYNC_FAST_MILLIS = 1_500;
    static final int FAST_SYNCS = 3;
    static final long SYNC_MILLIS = 10_000;
    static final long FEEDBACK_MILLIS = 1_000;
    static final long SILENCE_MILLIS = 60_000;
    /** The end reason of a session whose peer rejoined without BY ({@link #replace}). */
    static final String REPLACED = "the peer rejoined: its new session replaces this one";

    private final Role role;
    private final int localSsrc;
    private final byte[] localName;
    private final long epochNanos;
    private final InetSocketAddress peerControl;
    private volatile InetSocketAddress peerData;
    private volatile State state;
    private final int token;
    private int peerSsrc;
    private String peerName = "";
    private String endReason = "";

    private int attempts;
    private long nextActionNanos;
    private long lastHeardNanos;
    private int syncsStarted;
    private long latencyTicks = -1;     // one-way latency estimate, 100 µs units; -1 before the first exchange
    private long offsetTicks;           // peer clock minus ours, 100 µs units (valid once latencyTicks >= 0)
    private boolean feedbackDue;
    private volatile long recoveredNoteOffs;   // written by the network thread only
    private volatile long clockExchanges;      // written by the network thread only
    private long feedbackAtNanos;

    final RtpMidiDecoder decoder;
    private final HeldNotes held = new HeldNotes();
    private final MidiByteParser.Sink delivery;
    private final MidiByteParser.Sink tracking = new MidiByteParser.Sink() {
        @Override
        public void shortMessage(int status, int data1, int data2) {
            held.track(status, data1, data2);
            delivery.shortMessage(status, data1, data2);
        }

        @Override
        public void sysEx(byte[] data, int off, int len) {
            delivery.sysEx(data, off, len);
        }
    };
    private final byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];

    private RtpMidiSession(Role role, int localSsrc, byte[] localName, long epochNanos, InetSocketAddress peerControl,
                           int token, int maxSysExBytes, MidiByteParser.Sink delivery) {
        this.role = role;
        this.delivery = delivery;
        this.localSsrc = localSsrc;
        this.localName = localName;
        this.epochNanos = epochNanos;
        this.peerControl = peerControl;
        this.token = token;
        this.decoder = new RtpMidiDecoder(maxSysExBytes, this::releasedDuringLoss);
    }

    /** A session we open: the first IN goes out at once. */
    static RtpMidiSession inviting(InetSocketAddress peerControl, int token, int localSsrc, byte[] localName, long epochNanos,
                                   int maxSysExBytes, MidiByteParser.Sink delivery, long now, Outbox outbox) {
        RtpMidiSession session = new RtpMidiSession(Role.INITIATOR, localSsrc, localName, epochNanos, peerControl, token, maxSysExBytes, delivery);
        session.peerData = new InetSocketAddress(peerControl.getAddress(), peerControl.getPort() + 1);
        session.state = State.INVITING_CONTROL;
        session.lastHeardNanos = now;
        session.invite(now, outbox);
        return session;
    }

    /** A session the peer opens with {@code invitation} (IN on our control port), accepted: OK goes out at once. */
    static RtpMidiSession invited(SessionPacket invitation, InetSocketAddress from, int localSsrc, byte[] localName, long epochNanos,
                                  int maxSysExBytes, MidiByteParser.Sink delivery, long now, Outbox outbox) {
        RtpMidiSession session = new RtpMidiSession(Role.RESPONDER, localSsrc, localName, epochNanos, from, invitation.token(), maxSysExBytes, delivery);
        session.peerSsrc = invitation.ssrc();
        session.peerName = invitation.name();
        session.state = State.INVITING_DATA;
        session.lastHeardNanos = now;
        session.nextActionNanos = now + TimeUnit.MILLISECONDS.toNanos(DATA_INVITE_MILLIS);
        session.reply(SessionPacket.ACCEPTED, true, from, outbox);
        return session;
    }

    /** Whether a session packet from {@code from} belongs to this session. */
    boolean matches(SessionPacket packet, InetSocketAddress from) {
        if (!from.getAddress().equals(peerControl.getAddress())) return false;
        return switch (packet.command()) {
            case SessionPacket.ACCEPTED, SessionPacket.REJECTED -> role == Role.INITIATOR && packet.token() == token;
            case SessionPacket.INVITATION -> role == Role.RESPONDER && packet.ssrc() == peerSsrc && packet.token() == token;
            default -> peerSsrc != 0 && packet.ssrc() == peerSsrc;
        };
    }

    /**
     * Whether a new invitation (one this session does not {@link #matches}) is this session's peer coming back without
     * having said BY (it crashed, or lost the network, and restarted): an invitation on the control port from the same
     * address and port, or with the same SSRC from the same host, while this session is open or waits for the peer's data
     * port. Such a session is dead on the peer's side; keeping it would send every message twice to the peer's new one.
     * A session we are still inviting is not replaced (the peer may be inviting us at the same moment).
     */
    boolean isRejoinedBy(SessionPacket invitation, InetSocketAddress from) {
        if (state == State.ENDED || state == State.INVITING_CONTROL) return false;
        if (role == Role.INITIATOR && state != State.CONNECTED) return false;
        if (!from.getAddress().equals(peerControl.getAddress())) return false;
        return from.getPort() == peerControl.getPort() || (peerSsrc != 0 && invitation.ssrc() == peerSsrc);
    }

    /**
     * Ends this session because its peer opened a new one ({@link #isRejoinedBy}): no BY (the peer no longer knows this
     * session, and a BY carrying our SSRC could end its new one); the keys its MIDI held are released.
     */
    void replace(Outbox outbox) {
        end(REPLACED, false, outbox);
    }

    /** Whether an RTP packet with this SSRC from {@code from} is this session's MIDI. */
    boolean carriesMidiFrom(int ssrc, InetSocketAddress from) {
        InetSocketAddress data = peerData;
        return state == State.CONNECTED && ssrc == peerSsrc && data != null
                && from.getPort() == data.getPort() && from.getAddress().equals(data.getAddress());
    }

    /** Handles a session packet that {@link #matches} this session, received on the control or data port. */
    void onSessionPacket(SessionPacket packet, boolean controlPort, InetSocketAddress from, long now, Outbox outbox) {
        if (state == State.ENDED) return;
        lastHeardNanos = now;
        switch (packet.command()) {
            case SessionPacket.INVITATION -> {          // the responder's second step, or a repeated IN
                if (!controlPort && state == State.INVITING_DATA) {
                    peerData = from;
                    state = State.CONNECTED;
                }
                if (controlPort || state == State.CONNECTED) reply(SessionPacket.ACCEPTED, controlPort, from, outbox);
            }
            case SessionPacket.ACCEPTED -> {
                if (controlPort && state == State.INVITING_CONTROL) {
                    peerSsrc = packet.ssrc();
                    peerName = packet.name();
                    state = State.INVITING_DATA;
                    attempts = 0;
                    invite(now, outbox);
                } else if (!controlPort && state == State.INVITING_DATA) {
                    state = State.CONNECTED;
                    startSync(now, outbox);
                }
            }
            case SessionPacket.REJECTED -> end("the peer declined the invitation", false, outbox);
            case SessionPacket.BYE -> end("the peer ended the session", false, outbox);
            case SessionPacket.CLOCK_SYNC -> {
                if (!controlPort && state == State.CONNECTED) clockSync(packet, now, outbox);
            }
            default -> {
                // RS and RL: nothing to do; Antiphon keeps no journal to trim
            }
        }
    }

    private void clockSync(SessionPacket packet, long now, Outbox outbox) {
        long ticks = ticks(now);
        switch (packet.count()) {
            case 0 -> send(false, peerData, SessionPacketCodec.writeClockSync(out, 0, localSsrc, 1, packet.timestamp(1), ticks, 0), outbox);
            case 1 -> {
                send(false, peerData, SessionPacketCodec.writeClockSync(out, 0, localSsrc, 2, packet.timestamp(1), packet.timestamp(2), ticks), outbox);
                latencyTicks = Math.max(0, (ticks - packet.timestamp(1)) / 2);
                offsetTicks = packet.timestamp(2) - (packet.timestamp(1) + latencyTicks);
                clockExchanges++;
            }
            default -> {
                long latency = Math.max(0, (packet.timestamp(3) - packet.timestamp(1)) / 2);
                latencyTicks = latency;
                offsetTicks = packet.timestamp(3) - (packet.timestamp(2) + latency);
                clockExchanges++;
            }
        }
    }

    /** A journal says this note was released while packets were lost: release it if its key is still held here. */
    private void releasedDuringLoss(int channel, int note) {
        if (held.isDown(channel, note)) {
            recoveredNoteOffs++;
            tracking.shortMessage(0x80 | channel, note, 0);
        }
    }

    /** MIDI arrived for this session: decode it and deliver its messages (noting the keys held). */
    void onMidi(byte[] buf, int off, int len, long now) {
        lastHeardNanos = now;
        if (decoder.decode(buf, off, len, tracking) && !feedbackDue) {
            feedbackDue = true;
            feedbackAtNanos = now + TimeUnit.MILLISECONDS.toNanos(FEEDBACK_MILLIS);
        }
    }

    /** Runs the timers: re-invitations, clock sync, receiver feedback, silence. */
    void tick(long now, Outbox outbox) {
        switch (state) {
            case INVITING_CONTROL, INVITING_DATA -> {
                if (now - nextActionNanos < 0) return;
                if (role == Role.RESPONDER) {
                    end("the peer did not open its data port", false, outbox);
                } else if (attempts >= INVITE_ATTEMPTS) {
                    end("the peer did not answer " + INVITE_ATTEMPTS + " invitations", false, outbox);
                } else {
                    invite(now, outbox);
                }
            }
            case CONNECTED -> {
                if (now - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(SILENCE_MILLIS)) {
                    end("the peer was silent for " + SILENCE_MILLIS / 1000 + " s", true, outbox);
                    return;
                }
                if (feedbackDue && now - feedbackAtNanos >= 0) {
                    feedbackDue = false;
                    send(true, peerControl, SessionPacketCodec.writeReceiverFeedback(out, 0, localSsrc, decoder.sequence()), outbox);
                }
                if (role == Role.INITIATOR && now - nextActionNanos >= 0) startSync(now, outbox);
            }
            default -> {
            }
        }
    }

    /** When {@link #tick} next has something to do at the latest (nanoseconds on the caller's clock). */
    long nextDeadline(long now) {
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(SYNC_MILLIS);
        if (state == State.INVITING_CONTROL || state == State.INVITING_DATA || role == Role.INITIATOR) {
            deadline = earlier(deadline, nextActionNanos);
        }
        if (feedbackDue) deadline = earlier(deadline, feedbackAtNanos);
        return earlier(deadline, lastHeardNanos + TimeUnit.MILLISECONDS.toNanos(SILENCE_MILLIS) + 1);
    }

    private static long earlier(long a, long b) {
        return b - a < 0 ? b : a;
    }

    private void startSync(long now, Outbox outbox) {
        syncsStarted++;
        nextActionNanos = now + TimeUnit.MILLISECONDS.toNanos(syncsStarted < FAST_SYNCS ? SYNC_FAST_MILLIS : SYNC_MILLIS);
        send(false, peerData, SessionPacketCodec.writeClockSync(out, 0, localSsrc, 0, ticks(now), 0, 0), outbox);
    }

    private void invite(long now, Outbox outbox) {
        attempts++;
        nextActionNanos = now + TimeUnit.MILLISECONDS.toNanos(INVITE_MILLIS);
        boolean control = state == State.INVITING_CONTROL;
        send(control, control ? peerControl : peerData,
                SessionPacketCodec.writeControl(out, 0, SessionPacket.INVITATION, token, localSsrc, localName), outbox);
    }

    private void reply(int command, boolean controlPort, InetSocketAddress to, Outbox outbox) {
        send(controlPort, to, SessionPacketCodec.writeControl(out, 0, command, token, localSsrc, localName), outbox);
    }

    /**
     * Ends the session: sends BY to the peer if {@code sendBye} and the peer had answered, delivers a release for every key its MIDI
     * held. Idempotent.
     */
    void end(String reason, boolean sendBye, Outbox outbox) {
        if (state == State.ENDED) return;
        boolean wasOpen = state != State.INVITING_CONTROL;
        state = State.ENDED;
        endReason = reason;
        if (sendBye && wasOpen) send(true, peerControl, SessionPacketCodec.writeControl(out, 0, SessionPacket.BYE, token, localSsrc, null), outbox);
        held.releaseAll(delivery);
        decoder.reset();
    }

    private void send(boolean controlPort, InetSocketAddress to, int length, Outbox outbox) {
        outbox.send(controlPort, to, out, length);
    }

    private long ticks(long now) {
        return (now - epochNanos) / 100_000;
    }

    State state() {
        return state;
    }

    Role role() {
        return role;
    }

    InetSocketAddress peerControl() {
        return peerControl;
    }

    InetSocketAddress peerData() {
        return peerData;
    }

    int peerSsrc() {
        return peerSsrc;
    }

    String peerName() {
        return peerName;
    }

    String endReason() {
        return endReason;
    }

    /** Note-offs recovered from journals after lost packets. */
    long recoveredNoteOffs() {
        return recoveredNoteOffs;
    }

    /** Clock exchanges completed on this side (a CK1 answered to our CK0, or a CK2 to our CK1). */
    long clockExchanges() {
        return clockExchanges;
    }

    /** Whether at least one clock exchange has completed. */
    boolean synchronised() {
        return latencyTicks >= 0;
    }

    /** One-way latency estimated by the clock exchange, in microseconds; -1 before the first. */
    long latencyMicros() {
        return latencyTicks < 0 ? -1 : latencyTicks * 100;
    }

    /** The peer's clock minus ours, in microseconds, as last estimated. */
    long offsetMicros() {
        return offsetTicks * 100;
    }
}
