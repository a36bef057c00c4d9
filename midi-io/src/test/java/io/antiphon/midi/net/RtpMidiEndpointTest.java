package io.antiphon.midi.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two real endpoints on 127.0.0.1 talking to each other, and what a hostile sender can and cannot do to one. */
class RtpMidiEndpointTest {

    private static final long WAIT_SECONDS = 20;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Collects what an endpoint delivers; counts down a latch per message. */
    static final class Collector implements Receiver {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        volatile CountDownLatch latch = new CountDownLatch(0);
        volatile boolean record = true;

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (!record) {
                latch.countDown();
            } else if (message instanceof ShortMessage m) {
                messages.add(m.getStatus() + " " + m.getData1() + " " + m.getData2());
            } else {
                messages.add("sysex " + HexFormat.ofDelimiter(" ").formatHex(message.getMessage()));
            }
            latch.countDown();
        }

        String next() throws InterruptedException {
            String message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(message).as("a message within " + WAIT_SECONDS + " s").isNotNull();
            return message;
        }

        @Override
        public void close() {
        }
    }

    private RtpMidiEndpoint listening;
    private RtpMidiEndpoint inviting;
    private final Collector atListening = new Collector();
    private final Collector atInviting = new Collector();

    @AfterEach
    void close() {
        if (inviting != null) inviting.close();
        if (listening != null) listening.close();
    }

    private void connect(RtpMidiOptions listeningOptions) throws Exception {
        listening = RtpMidiEndpoint.open(listeningOptions);
        listening.setReceiver(atListening);
        inviting = RtpMidiEndpoint.open(RtpMidiOptions.loopback("inviting").withPort(0));
        inviting.setReceiver(atInviting);
        CountDownLatch both = new CountDownLatch(2);
        RtpMidiEndpoint.Listener countDown = new RtpMidiEndpoint.Listener() {
            @Override
            public void connected(RtpMidiPeer peer) {
                both.countDown();
            }
        };
        listening.setListener(countDown);
        inviting.setListener(countDown);
        inviting.invite(new InetSocketAddress(LOOPBACK, listening.controlPort()));
        assertThat(both.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("both ends saw the session open").isTrue();
    }

    @Test
    void twoEndpointsExchangeNotesAndSysEx() throws Exception {
        connect(RtpMidiOptions.loopback("listening").withPort(0));
        assertThat(listening.controlPort() % 2).isZero();
        assertThat(listening.dataPort()).isEqualTo(listening.controlPort() + 1);
        assertThat(listening.peers()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("inviting"));
        assertThat(inviting.peers()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("listening"));

        assertThat(inviting.send(new ShortMessage(0x90, 60, 100))).isTrue();
        assertThat(inviting.send(new SysexMessage(new byte[]{(byte) 0xF0, 0x7E, 0x7F, 0x06, 0x01, (byte) 0xF7}, 6))).isTrue();
        assertThat(inviting.send(new ShortMessage(0xF8))).isTrue();
        assertThat(atListening.next()).isEqualTo("144 60 100");
        assertThat(atListening.next()).isEqualTo("sysex f0 7e 7f 06 01 f7");
        assertThat(atListening.next()).isEqualTo("248 0 0");

        assertThat(listening.send(new ShortMessage(0xB0, 7, 99))).isTrue();
        assertThat(atInviting.next()).isEqualTo("176 7 99");
        assertThat(inviting.counters().messagesSent()).isEqualTo(3);
    }

    @Test
    void closingReleasesTheKeysThePeerHeld() throws Exception {
        connect(RtpMidiOptions.loopback("listening").withPort(0));
        inviting.send(new ShortMessage(0x92, 48, 70));
        inviting.send(new ShortMessage(0x92, 52, 70));
        inviting.send(new ShortMessage(0x82, 48, 0));
        for (int i = 0; i < 3; i++) atListening.next();
        CountDownLatch ended = new CountDownLatch(1);
        listening.setListener(new RtpMidiEndpoint.Listener() {
            @Override
            public void ended(RtpMidiPeer peer, String reason) {
                ended.countDown();
            }
        });
        inviting.close();   // sends BY
        assertThat(ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(atListening.next()).isEqualTo("130 52 0");
        assertThat(listening.peers()).isEmpty();
    }

    @Test
    void hostileDatagramsAreCountedAndTheSessionPlaysOn() throws Exception {
        connect(RtpMidiOptions.loopback("listening").withPort(0));
        Random random = new Random(11);
        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            byte[] bytes = new byte[2_000];
            for (int i = 0; i < 2_000; i++) {
                random.nextBytes(bytes);
                int kind = i % 4;
                if (kind == 1) {                 // looks like a session packet
                    bytes[0] = (byte) 0xFF;
                    bytes[1] = (byte) 0xFF;
                } else if (kind == 2) {          // looks like RTP MIDI
                    bytes[0] = (byte) 0x80;
                }
                int length = random.nextInt(kind == 3 ? bytes.length : 60);
                int port = i % 2 == 0 ? listening.controlPort() : listening.dataPort();
                attacker.send(new DatagramPacket(bytes, length, LOOPBACK, port));
            }
            byte[] huge = new byte[65_507];   // the largest UDP payload over IPv4
            attacker.send(new DatagramPacket(huge, huge.length, LOOPBACK, listening.dataPort()));
            // a well-formed packet claiming to be the session's peer, from the wrong port
            byte[] spoof = new byte[32];
            int length = RtpMidiEncoder.writeShort(spoof, 0, 1, 0, 0, 3, 0x90, 1, 1);
            attacker.send(new DatagramPacket(spoof, length, LOOPBACK, listening.dataPort()));
        }
        // the session still works, and nothing the attacker sent was delivered. The flood may have filled the socket's
        // receive buffer (the kernel then drops what arrives): send until a note gets through, each a second apart
        String heard = null;
        for (int attempt = 0; attempt < 20 && heard == null; attempt++) {
            inviting.send(new ShortMessage(0x90, 64 + attempt, 80));
            heard = atListening.messages.poll(1, TimeUnit.SECONDS);
        }
        assertThat(heard).as("a note from the session's peer after the flood").matches("144 (6[4-9]|7[0-9]|8[0-3]) 80");
        RtpMidiCounters counters = listening.counters();
        assertThat(counters.malformedSession() + counters.strangers()).isPositive();
        assertThat(atListening.messages).allMatch(m -> m.matches("144 (6[4-9]|7[0-9]|8[0-3]) 80"));
        assertThat(listening.peers()).hasSize(1);
    }

    @Test
    void invitationsFromHostsNotAllowedAreRefused() throws Exception {
        // only 127.0.0.2 may invite: the inviting endpoint on 127.0.0.1 is refused
        listening = RtpMidiEndpoint.open(RtpMidiOptions.loopback("listening").withPort(0)
                .withAllowedPeers(Set.of(InetAddress.getByName("127.0.0.2"))));
        CountDownLatch refused = new CountDownLatch(1);
        listening.setListener(new RtpMidiEndpoint.Listener() {
            @Override
            public void refused(InetSocketAddress from) {
                refused.countDown();
            }
        });
        inviting = RtpMidiEndpoint.open(RtpMidiOptions.loopback("inviting").withPort(0));
        inviting.invite(new InetSocketAddress(LOOPBACK, listening.controlPort()));
        assertThat(refused.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(listening.counters().refusedInvitations()).isPositive();
        assertThat(listening.peers()).isEmpty();
    }

    @Test
    void aFullEndpointDeclinesAndTheInviterIsToldWhy() throws Exception {
        connect(RtpMidiOptions.loopback("listening").withPort(0).withMaxSessions(1));
        CountDownLatch failed = new CountDownLatch(1);
        String[] why = new String[1];
        try (RtpMidiEndpoint third = RtpMidiEndpoint.open(RtpMidiOptions.loopback("third").withPort(0))) {
            third.setListener(new RtpMidiEndpoint.Listener() {
                @Override
                public void failed(InetSocketAddress peer, String reason) {
                    why[0] = reason;
                    failed.countDown();
                }
            });
            third.invite(new InetSocketAddress(LOOPBACK, listening.controlPort()));
            assertThat(failed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(why[0]).isEqualTo("the peer declined the invitation");
            assertThat(listening.counters().sessionsFull()).isEqualTo(1);
            assertThat(third.peers()).isEmpty();
        }
        assertThat(listening.peers()).hasSize(1);
    }

    @Tag("timing")

    @Test
    void neitherReceivingNorSendingAllocatesPerMessageInSteadyState() throws Exception {
        connect(RtpMidiOptions.loopback("listening").withPort(0));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = listening.networkThread().getId();
        ShortMessage on = new ShortMessage(0x90, 60, 100);
        ShortMessage off = new ShortMessage(0x80, 60, 0);
        atListening.record = false;
        int window = 50;
        int perRound = 2_000;
        long[] allocated = new long[5];
        long[] sending = new long[5];
        long sender = Thread.currentThread().getId();
        for (int round = 0; round < allocated.length; round++) {
            long before = threads.getThreadAllocatedBytes(threadId);
            for (int sent = 0; sent < perRound; sent += window) {
                // a window at a time, so that no datagram overflows the socket's receive buffer
                CountDownLatch latch = new CountDownLatch(window);
                atListening.latch = latch;
                long sendBefore = threads.getThreadAllocatedBytes(sender);
                for (int i = 0; i < window / 2; i++) {
                    inviting.send(on);
                    inviting.send(off);
                }
                sending[round] += threads.getThreadAllocatedBytes(sender) - sendBefore;
                assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("round %d: a window of messages arrived", round).isTrue();
            }
            allocated[round] = threads.getThreadAllocatedBytes(threadId) - before;
        }
        System.out.printf("RTP-MIDI: bytes allocated per %d messages, by round: receiving (network thread) %s, sending %s%n",
                perRound, java.util.Arrays.toString(allocated), java.util.Arrays.toString(sending));
        // An allocation per message would cost at least 16 bytes x 2,000 = 32,000 bytes in every round. What remains after
        // the first round is sporadic (a few hundred bytes now and then: lock contention between the sending thread and
        // the network thread, timers), so each later round stays far below one small object per message.
        for (int round = 1; round < allocated.length; round++) {
            assertThat(allocated[round]).as("bytes allocated on the network thread in round %d of %d messages", round, perRound)
                    .isLessThan(16L * perRound / 4);
            assertThat(sending[round]).as("bytes allocated by the sender in round %d of %d messages", round, perRound)
                    .isLessThan(16L * perRound / 4);
        }
    }
}
