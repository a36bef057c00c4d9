package io.antiphon.midi.net;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.antiphon.midi.WellFormedMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the RTP-MIDI receive path with Jazzer (README, "Hostile input"): a run of datagrams
 * from one hostile peer, each a session packet (decoded by {@link SessionPacketCodec}) or an RTP-MIDI packet
 * (decoded by one {@link RtpMidiDecoder}, whose state carries from packet to packet). Nothing may throw, and
 * every message handed out must be well-formed. Input: datagrams, each preceded by its 2-byte big-endian length.
 */
class RtpMidiFuzzTest {

    private static final int MAX_SYSEX = 32;

    @FuzzTest
    void anyDatagramsAreDecodedOrCountedNeverThrown(byte[] input) {
        RtpMidiDecoder decoder = new RtpMidiDecoder(MAX_SYSEX);
        WellFormedMessages messages = new WellFormedMessages(MAX_SYSEX);
        SessionPacket session = new SessionPacket();
        int datagrams = 0;
        int pos = 0;
        while (pos + 2 <= input.length) {
            int length = Math.min(SessionPacketCodec.u16(input, pos), input.length - pos - 2);
            int off = pos + 2;
            if (SessionPacketCodec.isSessionPacket(input, off, length)) {
                if (SessionPacketCodec.decode(input, off, length, session)) {
                    assertThat(session.nameLength).isBetween(0, SessionPacketCodec.MAX_NAME_READ);
                    assertThat(session.name()).doesNotContainPattern("\\p{Cntrl}");
                }
            } else {
                decoder.decode(input, off, length, messages);
                datagrams++;
            }
            pos = off + length;
        }
        assertThat(decoder.packets()).isLessThanOrEqualTo(datagrams);
        assertThat(decoder.parser().invalidCalls()).isZero();
        decoder.reset();
        assertThat(decoder.parser().inSysEx()).isFalse();
    }
}
