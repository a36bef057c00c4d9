package io.antiphon.midi.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SessionPacketCodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private final SessionPacket packet = new SessionPacket();

    @Test
    void invitationBytesAreApplesLayout() {
        byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];
        int length = SessionPacketCodec.writeControl(out, 0, SessionPacket.INVITATION, 0x01020304, 0xA0B0C0D0, "Mac".getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(out, 0, length)).isEqualTo("ff ff 49 4e 00 00 00 02 01 02 03 04 a0 b0 c0 d0 4d 61 63 00");

        assertThat(SessionPacketCodec.decode(out, 0, length, packet)).isTrue();
        assertThat(packet.command()).isEqualTo(SessionPacket.INVITATION);
        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.token()).isEqualTo(0x01020304);
        assertThat(packet.ssrc()).isEqualTo(0xA0B0C0D0);
        assertThat(packet.name()).isEqualTo("Mac");
    }

    @Test
    void byeCarriesNoName() {
        byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];
        int length = SessionPacketCodec.writeControl(out, 0, SessionPacket.BYE, 7, 8, "ignored".getBytes(StandardCharsets.UTF_8));
        assertThat(length).isEqualTo(16);
        assertThat(SessionPacketCodec.decode(out, 0, length, packet)).isTrue();
        assertThat(packet.command()).isEqualTo(SessionPacket.BYE);
        assertThat(packet.name()).isEmpty();
    }

    @Test
    void longNamesAreCutAtACharacterBoundaryAndControlCharactersReplaced() {
        byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];
        String name = "é".repeat(40);   // 80 bytes of UTF-8
        int length = SessionPacketCodec.writeControl(out, 0, SessionPacket.ACCEPTED, 1, 2, name.getBytes(StandardCharsets.UTF_8));
        assertThat(SessionPacketCodec.decode(out, 0, length, packet)).isTrue();
        assertThat(packet.name()).isEqualTo("é".repeat(32));

        byte[] hostile = HEX.parseHex("ff ff 4f 4b 00 00 00 02 00 00 00 01 00 00 00 02 41 0a 1b 42");   // no NUL at the end
        assertThat(SessionPacketCodec.decode(hostile, 0, hostile.length, packet)).isTrue();
        assertThat(packet.name()).isEqualTo("A??B");
    }

    @Test
    void clockSyncRoundTrips() {
        byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];
        int length = SessionPacketCodec.writeClockSync(out, 0, 42, 1, 0x0102030405060708L, -1L, 3);
        assertThat(length).isEqualTo(36);
        assertThat(HEX.formatHex(out, 0, 12)).isEqualTo("ff ff 43 4b 00 00 00 2a 01 00 00 00");
        assertThat(SessionPacketCodec.decode(out, 0, length, packet)).isTrue();
        assertThat(packet.ssrc()).isEqualTo(42);
        assertThat(packet.count()).isEqualTo(1);
        assertThat(packet.timestamp(1)).isEqualTo(0x0102030405060708L);
        assertThat(packet.timestamp(2)).isEqualTo(-1L);
        assertThat(packet.timestamp(3)).isEqualTo(3);
    }

    @Test
    void receiverFeedbackRoundTrips() {
        byte[] out = new byte[SessionPacketCodec.MAX_LENGTH];
        int length = SessionPacketCodec.writeReceiverFeedback(out, 0, 9, 0xBEEF);
        assertThat(HEX.formatHex(out, 0, length)).isEqualTo("ff ff 52 53 00 00 00 09 be ef 00 00");
        assertThat(SessionPacketCodec.decode(out, 0, length, packet)).isTrue();
        assertThat(packet.sequence()).isEqualTo(0xBEEF);
    }

    @Test
    void malformedPacketsAreRefused() {
        assertThat(decode("ff ff 49 4e 00 00 00 02 00 00")).as("short IN").isFalse();
        assertThat(decode("ff ff 43 4b 00 00 00 01 00 00 00 00")).as("short CK").isFalse();
        assertThat(decode("ff ff 43 4b 00 00 00 01 03 00 00 00" + " 00".repeat(24))).as("CK count 3").isFalse();
        assertThat(decode("ff ff 5a 5a 00 00 00 01 00 00 00 00")).as("unknown command").isFalse();
        assertThat(decode("ff fe 49 4e 00 00 00 02 00 00 00 01 00 00 00 02")).as("no signature").isFalse();
        assertThat(decode("ff ff 52")).as("three bytes").isFalse();
        assertThat(SessionPacketCodec.decode(null, 0, 4, packet)).isFalse();
        assertThat(SessionPacketCodec.decode(new byte[8], 6, 4, packet)).isFalse();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(3);
        byte[] bytes = new byte[120];
        for (int i = 0; i < 50_000; i++) {
            random.nextBytes(bytes);
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFF;
            int len = random.nextInt(bytes.length + 1);
            if (SessionPacketCodec.decode(bytes, 0, len, packet) && packet.command() == SessionPacket.INVITATION) {
                assertThat(packet.name().length()).isLessThanOrEqualTo(len);
            }
        }
    }

    private boolean decode(String hex) {
        byte[] bytes = HEX.parseHex(hex);
        return SessionPacketCodec.decode(bytes, 0, bytes.length, packet);
    }
}
