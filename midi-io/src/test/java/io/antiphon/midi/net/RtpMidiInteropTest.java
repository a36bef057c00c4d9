package io.antiphon.midi.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Antiphon's RTP-MIDI endpoint against an independent implementation, the npm package {@code rtpmidi}
 * ({@link NpmRtpMidiPeer}), on 127.0.0.1: the session opens whichever side invites, and notes sent each way arrive
 * with their pitch, velocity and order. Fails (does not skip) when the peer cannot be found or installed, unless
 * ANTIPHON_RTPMIDI_PEER=optional.
 */
class RtpMidiInteropTest {

    private static final long WAIT_SECONDS = 20;

    private NpmRtpMidiPeer peer;
    private RtpMidiEndpoint endpoint;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<String> endReasons = new ArrayList<>();
    private final BlockingQueue<String> sessionEvents = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (endpoint != null) endpoint.close();
        if (peer != null) peer.close();
    }

    private void openEndpoint() throws Exception {
        endpoint = RtpMidiEndpoint.open(RtpMidiOptions.loopback("Antiphon test").withPort(0));
        endpoint.setReceiver(new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                ShortMessage m = (ShortMessage) message;
                received.add(m.getStatus() + " " + m.getData1() + " " + m.getData2());
            }

            @Override
            public void close() {
            }
        });
        endpoint.setListener(new RtpMidiEndpoint.Listener() {
            @Override
            public void connected(RtpMidiPeer p) {
                sessionEvents.add("connected " + p.name());
                connected.countDown();
            }

            @Override
            public void ended(RtpMidiPeer p, String reason) {
                synchronized (endReasons) {
                    endReasons.add(reason);
                }
                sessionEvents.add("ended " + reason);
                ended.countDown();
            }
        });
    }

    @Test
    void antiphonInvitesTheNpmPeerAndNotesFlowBothWays() throws Exception {
        peer = NpmRtpMidiPeer.start("npm peer");
        openEndpoint();
        endpoint.invite(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port));

        assertThat(peer.await("connected")).isEqualTo("connected Antiphon test");
        assertThat(connected.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("Antiphon saw the session open").isTrue();
        assertThat(endpoint.peers()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("npm peer");
            assertThat(p.invitedByUs()).isTrue();
        });

        notesFromAntiphonArrive();
        awaitSynced();   // the package sends only after its own clock exchange (it starts one after ours)
        // it starts its own on our CK2, after which this side has counted the exchange it opened
        assertThat(endpoint.counters().clockExchanges()).isPositive();
        notesFromThePeerArrive();

        endpoint.close();
        assertThat(peer.await("removed")).as("the peer saw our BY").isEqualTo("removed Antiphon test");
        assertThat(endpoint.counters().decodeErrors()).isZero();
    }

    @Test
    void theNpmPeerInvitesAntiphonAndNotesFlowBothWays() throws Exception {
        openEndpoint();
        peer = NpmRtpMidiPeer.start("npm peer");
        peer.command("invite 127.0.0.1 " + endpoint.controlPort());

        assertThat(peer.await("connected")).isEqualTo("connected Antiphon test");
        assertThat(connected.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("Antiphon saw the session open").isTrue();
        assertThat(endpoint.peers()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("npm peer");
            assertThat(p.invitedByUs()).isFalse();
        });

        awaitSynced();
        notesFromThePeerArrive();
        notesFromAntiphonArrive();

        // a key still down when the peer leaves is released by Antiphon
        peer.command("send 144 67 99");
        assertThat(next()).isEqualTo("144 67 99");
        peer.command("end");
        assertThat(ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("Antiphon saw the session end").isTrue();
        assertThat(next()).isEqualTo("128 67 0");
        synchronized (endReasons) {
            assertThat(endReasons).containsExactly("the peer ended the session");
        }
        assertThat(endpoint.peers()).isEmpty();
        assertThat(endpoint.counters().decodeErrors()).isZero();
    }

    @Test
    void aPeerThatRejoinsWithoutByeHearsEveryNoteOnce() throws Exception {
        openEndpoint();
        peer = NpmRtpMidiPeer.start("npm peer");
        int port = peer.port;
        peer.command("invite 127.0.0.1 " + endpoint.controlPort());
        peer.await("connected");
        assertThat(nextSessionEvent()).isEqualTo("connected npm peer");
        awaitSynced();
        peer.command("send 144 67 99");
        assertThat(next()).isEqualTo("144 67 99");

        for (int rejoin = 1; rejoin <= 2; rejoin++) {
            peer.kill();   // no BY: a crash or a lost network
            peer = NpmRtpMidiPeer.start("npm peer", port);
            peer.command("invite 127.0.0.1 " + endpoint.controlPort());
            assertThat(peer.await("connected")).isEqualTo("connected Antiphon test");
            List<String> events = new ArrayList<>();
            do {
                events.add(nextSessionEvent());
            } while (!events.get(events.size() - 1).startsWith("connected"));
            notesFromAntiphonArrive();   // each exactly once, in order: no second session sends them again
            assertThat(events).as("rejoin " + rejoin + ": the old session ends once, then the new one opens")
                    .containsExactly("ended " + RtpMidiSession.REPLACED, "connected npm peer");
            assertThat(endpoint.peers()).as("one session after rejoin " + rejoin).hasSize(1);
        }
        assertThat(sessionEvents).isEmpty();
        assertThat(next()).as("the key the first peer held is released when its session is replaced").isEqualTo("128 67 0");
        assertThat(received).isEmpty();
    }

    private void notesFromAntiphonArrive() throws Exception {
        int[][] notes = {{0x90, 60, 100}, {0x90, 64, 90}, {0x80, 60, 0}, {0x90, 67, 1}, {0x80, 64, 64}, {0x80, 67, 0}, {0x91, 36, 127}, {0x81, 36, 0}};
        for (int[] note : notes) {
            assertThat(endpoint.send(new ShortMessage(note[0], note[1], note[2]))).isTrue();
        }
        assertThat(peer.awaitMidi(notes.length)).containsExactly(
                "144 60 100", "144 64 90", "128 60 0", "144 67 1", "128 64 64", "128 67 0", "145 36 127", "129 36 0");
    }

    private void notesFromThePeerArrive() throws Exception {
        String[] notes = {"144 72 100", "144 76 80", "128 72 0", "144 79 127", "128 76 0", "128 79 0"};
        for (String note : notes) peer.command("send " + note);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < notes.length; i++) got.add(next());
        assertThat(got).containsExactly(notes);
    }

    /**
     * Waits for the peer's own clock exchange; if it does not come, the failure also says how many exchanges completed
     * on Antiphon's side, to tell a session whose exchanges never got through from one where only the peer's did not.
     */
    private void awaitSynced() throws InterruptedException {
        try {
            peer.await("synced");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; Antiphon's counters: " + endpoint.counters(), e);
        }
    }

    private String nextSessionEvent() throws InterruptedException {
        String event = sessionEvents.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a session event within " + WAIT_SECONDS + " s").isNotNull();
        return event;
    }

    private String next() throws InterruptedException, InvalidMidiDataException {
        String message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(message).as("a MIDI message from the npm peer within " + WAIT_SECONDS + " s").isNotNull();
        return message;
    }
}
