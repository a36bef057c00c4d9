package io.antiphon.midi.net;

import io.antiphon.midi.MidiByteParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RtpMidiDecoderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final List<String> messages = new ArrayList<>();
    private final RtpMidiDecoder decoder = new RtpMidiDecoder(64, (channel, note) -> messages.add("released " + channel + " " + note));
    private final MidiByteParser.Sink sink = new MidiByteParser.Sink() {
        @Override
        public void shortMessage(int status, int data1, int data2) {
            messages.add(String.format("%02x %02x %02x", status, data1, data2));
        }

        @Override
        public void sysEx(byte[] data, int off, int len) {
            messages.add("sysex " + HEX.formatHex(data, off, off + len));
        }
    };
    private int sequence = 100;

    /** An RTP header (version 2, PT 97, the next sequence number, SSRC 0x11223344) followed by {@code payloadHex}. */
    private boolean packet(String payloadHex) {
        return packetWithSequence(sequence++, payloadHex);
    }

    private boolean packetWithSequence(int seq, String payloadHex) {
        byte[] bytes = HEX.parseHex(String.format("80 61 %02x %02x 00 00 10 00 11 22 33 44 %s", (seq >>> 8) & 0xFF, seq & 0xFF, payloadHex).trim());
        return decoder.decode(bytes, 0, bytes.length, sink);
    }

    @Test
    void oneCommandWithoutDeltaTime() {
        assertThat(packet("03 90 3c 64")).isTrue();
        assertThat(messages).containsExactly("90 3c 64");
        assertThat(decoder.sequence()).isEqualTo(100);
        assertThat(decoder.lastSsrc()).isEqualTo(0x11223344);
        assertThat(decoder.timestamp()).isEqualTo(0x1000);
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void deltaTimesRunningStatusAndTheZFlag() {
        // B = 1, Z = 1, LEN 18: delta 0, note-on; delta 5, running status; delta 0x81 0x00 (two octets), note-off;
        // a delta time of four octets, program change
        assertThat(packet("a0 12 00 90 3c 64 05 3e 50 81 00 80 3c 00 ff ff ff 7f c0 05")).isTrue();
        assertThat(messages).containsExactly("90 3c 64", "90 3e 50", "80 3c 00", "c0 05 00");
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void aLongListUsesTheTwelveBitLength() {
        StringBuilder list = new StringBuilder("90 30 40");
        for (int i = 0; i < 9; i++) list.append(String.format(" 00 %02x 40", 0x31 + i));   // 3 + 27 = 30 octets
        assertThat(packet("80 1e " + list)).isTrue();
        assertThat(messages).hasSize(10).startsWith("90 30 40").endsWith("90 39 40");
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void realTimeAndSystemCommonCommandsKeepTheListsRunningStatus() {
        assertThat(packet("0e 90 3c 64 00 f8 00 f2 01 02 00 3e 50 00 f6")).isTrue();
        assertThat(messages).containsExactly("90 3c 64", "f8 00 00", "f2 01 02", "90 3e 50", "f6 00 00");
    }

    @Test
    void aTrailingDeltaTimeWithNoCommandIsLegal() {
        assertThat(packet("04 90 3c 64 07")).isTrue();
        assertThat(messages).containsExactly("90 3c 64");
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void aWholeSysExAndOneSegmentedAcrossThreePackets() {
        packet("04 f0 7e 01 f7");
        packet("04 f0 01 02 f0");
        packet("05 f7 03 04 fe f0");
        assertThat(messages).containsExactly("sysex f0 7e 01 f7", "fe 00 00");
        packet("03 f7 05 f7");
        assertThat(messages).containsExactly("sysex f0 7e 01 f7", "fe 00 00", "sysex f0 01 02 03 04 05 f7");
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void aCancelledSysExIsDroppedAndAnOrphanContinuationCounted() {
        packet("03 f0 01 f0");
        packet("03 f7 02 f4");
        packet("03 f7 03 f7");
        packet("03 90 3c 64");
        assertThat(messages).containsExactly("90 3c 64");
        assertThat(decoder.orphanSegments()).isEqualTo(1);
        assertThat(decoder.parser().truncatedSysEx()).isEqualTo(1);
    }

    @Test
    void aJournalIsCheckedAndSkipped() {
        // J = 1; journal header: A = 1, TOTCHAN = 0, checkpoint 0x0063; channel journal for channel 0, LENGTH 6,
        // chapter N bits, then three bytes of chapter data
        assertThat(packet("43 90 3c 64 20 00 63 00 06 08 01 02 03")).isTrue();
        assertThat(messages).containsExactly("90 3c 64");
        assertThat(decoder.malformedJournals()).isZero();
        // a channel journal claiming more bytes than the packet has
        assertThat(packet("43 90 3e 64 20 00 63 00 40 08")).isTrue();
        assertThat(messages).containsExactly("90 3c 64", "90 3e 64");
        assertThat(decoder.malformedJournals()).isEqualTo(1);
        // a system journal (Y = 1) of 4 bytes, then no channel journals
        assertThat(packet("43 90 40 64 40 00 63 00 04 ff ff")).isTrue();
        assertThat(decoder.malformedJournals()).isEqualTo(1);
    }

    @Test
    void afterALossTheJournalsReleasedNotesComeBeforeThePacketsCommands() {
        // channel journal for channel 0 with chapters C (one log: CC 64 = 127) and N (no logs, LOW = HIGH = 7,
        // OFFBITS 0x08: note 60 released)
        String journal = "20 00 64 00 09 48 00 40 7f 00 77 08";
        packetWithSequence(100, "03 90 3c 64");
        packetWithSequence(101, "43 90 3e 64 " + journal);   // no loss: the journal is only checked
        assertThat(messages).containsExactly("90 3c 64", "90 3e 64");
        packetWithSequence(103, "43 90 40 64 " + journal);   // 102 was lost
        assertThat(messages).containsExactly("90 3c 64", "90 3e 64", "released 0 60", "90 40 64");
        assertThat(decoder.lostPackets()).isEqualTo(1);
        assertThat(decoder.malformedJournals()).isZero();
        // chapter N claiming more OFFBITS bytes than its channel journal holds
        packetWithSequence(105, "43 90 41 64 20 00 64 00 05 08 00 77");
        assertThat(messages).endsWith("90 41 64");
        assertThat(decoder.malformedJournals()).isEqualTo(1);
    }

    @Test
    void chapterNsOffbitsCoverTheirRangeHighBitFirst() {
        List<String> released = new ArrayList<>();
        // channel 9 (CHAN bits 1001: 0x48), LOW = 0, HIGH = 1: notes 0..15; 0x81 0x01 = notes 0, 7 and 15
        byte[] journal = HEX.parseHex("20 00 01 48 07 08 00 01 81 01");
        assertThat(RecoveryJournal.releasedNotes(journal, 0, journal.length, (c, n) -> released.add(c + ":" + n)))
                .isEqualTo(journal.length);
        assertThat(released).containsExactly("9:0", "9:7", "9:15");
        assertThat(RecoveryJournal.length(journal, 0, journal.length - 1)).isEqualTo(-1);
    }

    @Test
    void paddingCsrcsAndHeaderExtensionsAreHonoured() {
        // P = 1 (last byte counts 3 padding bytes), CC = 1, X = 1 with one word of extension
        byte[] bytes = HEX.parseHex("b1 61 00 01 00 00 00 00 11 22 33 44 aa bb cc dd be de 00 01 01 02 03 04 03 90 3c 64 00 00 03");
        assertThat(decoder.decode(bytes, 0, bytes.length, sink)).isTrue();
        assertThat(messages).containsExactly("90 3c 64");
        assertThat(decoder.errors()).isZero();
    }

    @Test
    void latePacketsAreDroppedAndGapsCountedAsLoss() {
        packetWithSequence(10, "03 90 3c 64");
        assertThat(packetWithSequence(10, "03 90 3c 64")).isFalse();
        assertThat(packetWithSequence(9, "03 90 3c 64")).isFalse();
        assertThat(packetWithSequence(13, "03 80 3c 00")).isTrue();
        assertThat(messages).containsExactly("90 3c 64", "80 3c 00");
        assertThat(decoder.latePackets()).isEqualTo(2);
        assertThat(decoder.lostPackets()).isEqualTo(2);
        // the sequence wraps around
        decoder.reset();
        packetWithSequence(0xFFFF, "03 90 3c 64");
        assertThat(packetWithSequence(0, "03 80 3c 00")).isTrue();
    }

    @Test
    void aSenderThatRestartsItsNumberingIsFollowedAfterAFewPackets() {
        packetWithSequence(5_000, "03 90 3c 64");
        for (int i = 0; i < RtpMidiDecoder.RESYNC_AFTER_LATE - 1; i++) assertThat(packetWithSequence(i, "03 90 3d 64")).isFalse();
        assertThat(packetWithSequence(RtpMidiDecoder.RESYNC_AFTER_LATE, "03 90 3e 64")).isTrue();
        assertThat(packetWithSequence(RtpMidiDecoder.RESYNC_AFTER_LATE + 1, "03 90 3f 64")).isTrue();
        assertThat(messages).containsExactly("90 3c 64", "90 3e 64", "90 3f 64");
    }

    @Test
    void malformedPacketsAreCountedAndTheGoodPartKept() {
        byte[] versionOne = HEX.parseHex("40 61 00 01 00 00 00 00 11 22 33 44 03 90 3c 64");
        assertThat(decoder.decode(versionOne, 0, versionOne.length, sink)).isFalse();
        byte[] headerOnly = HEX.parseHex("80 61 00 01 00 00 00 00 11 22 33 44");
        assertThat(decoder.decode(headerOnly, 0, headerOnly.length, sink)).isFalse();
        assertThat(decoder.malformedPackets()).isEqualTo(2);

        packet("09 90 3c");                       // LEN past the end of the packet
        packet("02 3c 64");                       // no status for the first command
        packet("05 90 3c 64 00 3e");              // a truncated command
        packet("07 90 3c 64 00 90 3e 90");        // a status byte where data belongs
        packet("09 90 3c 64 80 80 80 80 00 f8");  // a delta time of five octets
        assertThat(messages).containsExactly("90 3c 64", "90 3c 64", "90 3c 64");
        assertThat(decoder.malformedLists()).isEqualTo(5);
    }

    @Test
    void randomPacketsNeverThrowAndOnlyWellFormedMessagesComeOut() {
        Random random = new Random(7);
        byte[] bytes = new byte[300];
        List<int[]> shorts = new ArrayList<>();
        MidiByteParser.Sink checking = new MidiByteParser.Sink() {
            @Override
            public void shortMessage(int status, int data1, int data2) {
                shorts.add(new int[]{status, data1, data2});
            }

            @Override
            public void sysEx(byte[] data, int off, int len) {
                assertThat(data[off] & 0xFF).isEqualTo(0xF0);
                assertThat(data[off + len - 1] & 0xFF).isEqualTo(0xF7);
            }
        };
        assertThatCode(() -> {
            for (int i = 0; i < 20_000; i++) {
                int len = random.nextInt(bytes.length + 1);
                random.nextBytes(bytes);
                if (i % 2 == 0) {                 // half of them with a plausible RTP header
                    bytes[0] = (byte) 0x80;
                    bytes[2] = (byte) (i >>> 9);
                    bytes[3] = (byte) (i >>> 1);
                }
                decoder.decode(bytes, 0, len, checking);
                decoder.decode(bytes, random.nextInt(bytes.length), random.nextInt(bytes.length), checking);
            }
            decoder.decode(null, 0, 0, checking);
            decoder.decode(bytes, -1, 5, checking);
        }).doesNotThrowAnyException();
        assertThat(shorts).isNotEmpty().allSatisfy(m -> {
            assertThat(m[0]).isBetween(0x80, 0xFF);
            assertThat(m[1]).isBetween(0, 127);
            assertThat(m[2]).isBetween(0, 127);
        });
        assertThat(decoder.errors()).isPositive();
    }
}
