package io.antiphon.midi.net;

import io.antiphon.midi.MidiByteParser;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The session state machine alone: an injected clock, packets captured instead of sent. */
class RtpMidiSessionTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final InetAddress HOST = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress PEER_CONTROL = new InetSocketAddress(HOST, 6000);
    private static final InetSocketAddress PEER_DATA = new InetSocketAddress(HOST, 6001);
    private static final int LOCAL_SSRC = 0x0A0B0C0D;
    private static final int PEER_SSRC = 0x77;
    private static final byte[] NAME = "Antiphon".getBytes(StandardCharsets.UTF_8);

    /** A packet the session sent. */
    record Sent(boolean controlPort, InetSocketAddress to, SessionPacket packet) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final RtpMidiSession.Outbox outbox = (controlPort, to, bytes, length) -> {
        SessionPacket packet = new SessionPacket();
        assertThat(SessionPacketCodec.decode(Arrays.copyOf(bytes, length), 0, length, packet)).isTrue();
        sent.add(new Sent(controlPort, to, packet));
    };
    private final List<String> delivered = new ArrayList<>();
    private final MidiByteParser.Sink sink = new MidiByteParser.Sink() {
        @Override
        public void shortMessage(int status, int data1, int data2) {
            delivered.add(String.format("%02x %02x %02x", status, data1, data2));
        }

        @Override
        public void sysEx(byte[] data, int off, int len) {
            delivered.add("sysex");
        }
    };
    private final byte[] buf = new byte[128];

    private SessionPacket peerPacket(int command, int token) {
        int length = SessionPacketCodec.writeControl(buf, 0, command, token, PEER_SSRC, "Peer".getBytes(StandardCharsets.UTF_8));
        SessionPacket packet = new SessionPacket();
        assertThat(SessionPacketCodec.decode(Arrays.copyOf(buf, length), 0, length, packet)).isTrue();
        return packet;
    }

    private SessionPacket peerClock(int count, long t1, long t2, long t3) {
        int length = SessionPacketCodec.writeClockSync(buf, 0, PEER_SSRC, count, t1, t2, t3);
        SessionPacket packet = new SessionPacket();
        assertThat(SessionPacketCodec.decode(Arrays.copyOf(buf, length), 0, length, packet)).isTrue();
        return packet;
    }

    private RtpMidiSession invite(long now) {
        return RtpMidiSession.inviting(PEER_CONTROL, 1234, LOCAL_SSRC, NAME, 0, 256, sink, now, outbox);
    }

    @Test
    void invitingRetriesEverySecondThenGivesUp() {
        RtpMidiSession session = invite(0);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.controlPort()).isTrue();
            assertThat(s.to()).isEqualTo(PEER_CONTROL);
            assertThat(s.packet().command()).isEqualTo(SessionPacket.INVITATION);
            assertThat(s.packet().token()).isEqualTo(1234);
            assertThat(s.packet().name()).isEqualTo("Antiphon");
        });
        session.tick(999 * MS, outbox);
        assertThat(sent).hasSize(1);
        for (int i = 1; i <= RtpMidiSession.INVITE_ATTEMPTS; i++) session.tick(i * 1_000 * MS, outbox);
        assertThat(sent).hasSize(RtpMidiSession.INVITE_ATTEMPTS);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.ENDED);
        assertThat(session.endReason()).isEqualTo("the peer did not answer 12 invitations");
    }

    @Test
    void invitingOpensControlThenDataThenSynchronisesTheClock() {
        RtpMidiSession session = invite(0);
        SessionPacket ok = peerPacket(SessionPacket.ACCEPTED, 1234);
        assertThat(session.matches(peerPacket(SessionPacket.ACCEPTED, 999), PEER_CONTROL)).as("another token").isFalse();
        assertThat(session.matches(ok, PEER_CONTROL)).isTrue();
        session.onSessionPacket(ok, true, PEER_CONTROL, 10 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.INVITING_DATA);
        assertThat(session.peerName()).isEqualTo("Peer");
        Sent dataInvitation = sent.get(1);
        assertThat(dataInvitation.controlPort()).isFalse();
        assertThat(dataInvitation.to()).isEqualTo(PEER_DATA);

        session.onSessionPacket(ok, false, PEER_DATA, 20 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.CONNECTED);
        SessionPacket ck0 = sent.get(2).packet();
        assertThat(ck0.command()).isEqualTo(SessionPacket.CLOCK_SYNC);
        assertThat(ck0.count()).isZero();
        assertThat(ck0.timestamp(1)).isEqualTo(200);   // 20 ms in 100 µs units

        // CK1 comes back at 30 ms: 5 ms each way; the peer's clock reads 5,000 ticks (500 ms) ahead of ours
        assertThat(session.clockExchanges()).isZero();
        session.onSessionPacket(peerClock(1, 200, 5_250, 0), false, PEER_DATA, 30 * MS, outbox);
        assertThat(session.clockExchanges()).isEqualTo(1);
        SessionPacket ck2 = sent.get(3).packet();
        assertThat(ck2.count()).isEqualTo(2);
        assertThat(ck2.timestamp(3)).isEqualTo(300);
        assertThat(session.synchronised()).isTrue();
        assertThat(session.latencyMicros()).isEqualTo(5_000);
        assertThat(session.offsetMicros()).isEqualTo(500_000);

        // the next exchanges: 1.5 s apart at first, then every 10 s
        session.tick(20 * MS + 1_500 * MS, outbox);
        assertThat(sent).hasSize(5);
        assertThat(sent.get(4).packet().count()).isZero();
    }

    @Test
    void invitedSessionAcceptsControlThenDataAndAnswersClockSync() {
        SessionPacket in = peerPacket(SessionPacket.INVITATION, 55);
        RtpMidiSession session = RtpMidiSession.invited(in, PEER_CONTROL, LOCAL_SSRC, NAME, 0, 256, sink, 0, outbox);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.controlPort()).isTrue();
            assertThat(s.packet().command()).isEqualTo(SessionPacket.ACCEPTED);
            assertThat(s.packet().token()).isEqualTo(55);
            assertThat(s.packet().ssrc()).isEqualTo(LOCAL_SSRC);
        });
        assertThat(session.carriesMidiFrom(PEER_SSRC, PEER_DATA)).isFalse();
        assertThat(session.matches(in, PEER_DATA)).isTrue();
        session.onSessionPacket(in, false, PEER_DATA, 5 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.CONNECTED);
        assertThat(sent.get(1).controlPort()).isFalse();
        assertThat(session.carriesMidiFrom(PEER_SSRC, PEER_DATA)).isTrue();
        assertThat(session.carriesMidiFrom(PEER_SSRC, new InetSocketAddress(HOST, 7001))).as("another port").isFalse();
        assertThat(session.carriesMidiFrom(PEER_SSRC + 1, PEER_DATA)).as("another SSRC").isFalse();

        session.onSessionPacket(peerClock(0, 777, 0, 0), false, PEER_DATA, 100 * MS, outbox);
        SessionPacket ck1 = sent.get(2).packet();
        assertThat(ck1.count()).isEqualTo(1);
        assertThat(ck1.timestamp(1)).isEqualTo(777);
        assertThat(ck1.timestamp(2)).isEqualTo(1_000);
        assertThat(session.clockExchanges()).as("our CK1 is not answered yet").isZero();

        // the peer's CK2 completes the exchange on this side too
        session.onSessionPacket(peerClock(2, 777, 1_000, 1_900), false, PEER_DATA, 140 * MS, outbox);
        assertThat(session.clockExchanges()).isEqualTo(1);
        assertThat(session.synchronised()).isTrue();
    }

    @Test
    void anInvitedSessionWhoseDataPortNeverOpensIsDropped() {
        RtpMidiSession session = RtpMidiSession.invited(peerPacket(SessionPacket.INVITATION, 1), PEER_CONTROL, LOCAL_SSRC, NAME, 0, 256, sink, 0, outbox);
        session.tick(RtpMidiSession.DATA_INVITE_MILLIS * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.ENDED);
        assertThat(session.endReason()).isEqualTo("the peer did not open its data port");
    }

    @Test
    void midiIsDeliveredFeedbackSentAndHeldKeysReleasedWhenThePeerLeaves() {
        RtpMidiSession session = connectedResponder();
        byte[] rtp = new byte[64];
        int length = RtpMidiEncoder.writeShort(rtp, 0, 1, 0, PEER_SSRC, 3, 0x90, 60, 100);
        session.onMidi(rtp, 0, length, 200 * MS);
        length = RtpMidiEncoder.writeShort(rtp, 0, 2, 0, PEER_SSRC, 3, 0xB0, 64, 127);
        session.onMidi(rtp, 0, length, 210 * MS);
        assertThat(delivered).containsExactly("90 3c 64", "b0 40 7f");

        session.tick(1_199 * MS, outbox);
        assertThat(sent).noneMatch(s -> s.packet().command() == SessionPacket.RECEIVER_FEEDBACK);
        session.tick(1_200 * MS, outbox);
        assertThat(sent.get(sent.size() - 1)).satisfies(s -> {
            assertThat(s.controlPort()).isTrue();
            assertThat(s.packet().command()).isEqualTo(SessionPacket.RECEIVER_FEEDBACK);
            assertThat(s.packet().sequence()).isEqualTo(2);
        });

        SessionPacket bye = peerPacket(SessionPacket.BYE, 55);
        assertThat(session.matches(bye, PEER_CONTROL)).isTrue();
        session.onSessionPacket(bye, true, PEER_CONTROL, 2_000 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.ENDED);
        assertThat(delivered).containsExactly("90 3c 64", "b0 40 7f", "80 3c 00", "b0 40 00");
    }

    @Test
    void aKeyReleasedDuringAPacketLossIsReleasedFromTheJournal() {
        RtpMidiSession session = connectedResponder();
        byte[] rtp = new byte[64];
        int length = RtpMidiEncoder.writeShort(rtp, 0, 1, 0, PEER_SSRC, 3, 0x90, 60, 100);
        session.onMidi(rtp, 0, length, 200 * MS);
        // packet 2 (the note-off of 60) is lost; packet 3 carries note-on 64 and a journal whose chapter N marks notes 60
        // and 61 released (61 was never held here: nothing to release)
        byte[] third = java.util.HexFormat.ofDelimiter(" ").parseHex(
                "80 61 00 03 00 00 00 00 00 00 00 77 43 90 40 64 20 00 02 00 06 08 00 77 0c");
        session.onMidi(third, 0, third.length, 300 * MS);
        assertThat(delivered).containsExactly("90 3c 64", "80 3c 00", "90 40 64");
        assertThat(session.recoveredNoteOffs()).isEqualTo(1);
    }

    @Test
    void aSilentPeerIsSaidGoodbyeAfterAMinute() {
        RtpMidiSession session = connectedResponder();
        int before = sent.size();
        session.tick(5 * MS + RtpMidiSession.SILENCE_MILLIS * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.CONNECTED);
        session.tick(6 * MS + RtpMidiSession.SILENCE_MILLIS * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.ENDED);
        assertThat(sent.subList(before, sent.size())).singleElement().satisfies(s -> {
            assertThat(s.controlPort()).isTrue();
            assertThat(s.to()).isEqualTo(PEER_CONTROL);
            assertThat(s.packet().command()).isEqualTo(SessionPacket.BYE);
        });
    }

    @Test
    void aPeerThatRejoinsWithoutByeReplacesItsSessionSilentlyAndItsKeysAreReleased() {
        RtpMidiSession session = connectedResponder();
        byte[] rtp = new byte[64];
        int length = RtpMidiEncoder.writeShort(rtp, 0, 1, 0, PEER_SSRC, 3, 0x90, 60, 100);
        session.onMidi(rtp, 0, length, 200 * MS);
        int before = sent.size();

        SessionPacket fresh = invitation(99, 0x5151);   // the restarted peer: a new token and a new SSRC, the same port
        assertThat(session.matches(fresh, PEER_CONTROL)).isFalse();
        assertThat(session.isRejoinedBy(fresh, PEER_CONTROL)).isTrue();
        assertThat(session.isRejoinedBy(invitation(99, PEER_SSRC), new InetSocketAddress(HOST, 7000)))
                .as("the same SSRC from another port of the same host").isTrue();
        assertThat(session.isRejoinedBy(fresh, new InetSocketAddress(HOST, 7000)))
                .as("another peer on the same host: another port, another SSRC").isFalse();
        assertThat(session.isRejoinedBy(fresh, new InetSocketAddress(otherHost(), 6000))).as("another host").isFalse();

        session.replace(outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.ENDED);
        assertThat(session.endReason()).isEqualTo(RtpMidiSession.REPLACED);
        assertThat(sent).as("no BY: it would carry our SSRC to the peer's new session").hasSize(before);
        assertThat(delivered).containsExactly("90 3c 64", "80 3c 00");
        assertThat(session.isRejoinedBy(fresh, PEER_CONTROL)).as("an ended session is not replaced again").isFalse();
    }

    @Test
    void aSessionWeAreStillInvitingIsNotReplacedByThePeersOwnInvitation() {
        RtpMidiSession session = invite(0);
        assertThat(session.isRejoinedBy(invitation(99, PEER_SSRC), PEER_CONTROL)).isFalse();
        session.onSessionPacket(peerPacket(SessionPacket.ACCEPTED, 1234), true, PEER_CONTROL, 5 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.INVITING_DATA);
        assertThat(session.isRejoinedBy(invitation(99, PEER_SSRC), PEER_CONTROL)).isFalse();
        session.onSessionPacket(peerPacket(SessionPacket.ACCEPTED, 1234), false, PEER_DATA, 6 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.CONNECTED);
        assertThat(session.isRejoinedBy(invitation(99, 0x5151), PEER_CONTROL)).as("open: the peer restarted").isTrue();
    }

    private SessionPacket invitation(int token, int ssrc) {
        int length = SessionPacketCodec.writeControl(buf, 0, SessionPacket.INVITATION, token, ssrc, "Peer".getBytes(StandardCharsets.UTF_8));
        SessionPacket packet = new SessionPacket();
        assertThat(SessionPacketCodec.decode(Arrays.copyOf(buf, length), 0, length, packet)).isTrue();
        return packet;
    }

    private static InetAddress otherHost() {
        try {
            return InetAddress.getByAddress(new byte[]{127, 0, 0, 2});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private RtpMidiSession connectedResponder() {
        SessionPacket in = peerPacket(SessionPacket.INVITATION, 55);
        RtpMidiSession session = RtpMidiSession.invited(in, PEER_CONTROL, LOCAL_SSRC, NAME, 0, 256, sink, 0, outbox);
        session.onSessionPacket(in, false, PEER_DATA, 5 * MS, outbox);
        assertThat(session.state()).isEqualTo(RtpMidiSession.State.CONNECTED);
        return session;
    }
}
