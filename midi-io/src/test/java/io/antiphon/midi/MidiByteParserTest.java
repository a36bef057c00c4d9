package io.antiphon.midi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MidiByteParserTest {

    /** Records what the parser delivers as readable strings: "90 3c 64" or "sysex f0 7e 7f f7". */
    static final class Recorder implements MidiByteParser.Sink {
        final List<String> messages = new ArrayList<>();

        @Override
        public void shortMessage(int status, int data1, int data2) {
            messages.add(String.format("%02x %02x %02x", status, data1, data2));
        }

        @Override
        public void sysEx(byte[] data, int off, int len) {
            messages.add("sysex " + HexFormat.ofDelimiter(" ").formatHex(data, off, off + len));
        }
    }

    private final MidiByteParser parser = new MidiByteParser(16);
    private final Recorder sink = new Recorder();

    private void feed(String hex) {
        byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);
        parser.parse(bytes, 0, bytes.length, sink);
    }

    @Test
    void channelMessagesWithAndWithoutRunningStatus() {
        feed("90 3c 64 40 00 c1 05 06 b0 07 7f");
        assertThat(sink.messages).containsExactly("90 3c 64", "90 40 00", "c1 05 00", "c1 06 00", "b0 07 7f");
        assertThat(parser.errors()).isZero();
        assertThat(parser.messages()).isEqualTo(5);
    }

    @Test
    void aMessageSplitAcrossCallsIsAssembled() {
        feed("90");
        feed("3c");
        assertThat(sink.messages).isEmpty();
        feed("64 3e");
        feed("50");
        assertThat(sink.messages).containsExactly("90 3c 64", "90 3e 50");
    }

    @Test
    void realTimeBytesInterleaveAnywhereWithoutBreakingTheMessage() {
        feed("90 f8 3c fa 64 f0 01 fe 02 f7 3e ff 10");
        assertThat(sink.messages).containsExactly("f8 00 00", "fa 00 00", "90 3c 64", "fe 00 00", "sysex f0 01 02 f7",
                "ff 00 00");
        // the SysEx cancelled running status, so "3e 10" around the reset are stray data bytes
        assertThat(parser.strayDataBytes()).isEqualTo(2);
    }

    @Test
    void systemCommonMessagesCancelRunningStatus() {
        feed("90 3c 64 f2 10 20 3e 50 f1 33 f3 05 f6");
        assertThat(sink.messages).containsExactly("90 3c 64", "f2 10 20", "f1 33 00", "f3 05 00", "f6 00 00");
        assertThat(parser.strayDataBytes()).isEqualTo(2);
    }

    @Test
    void aStatusByteInterruptingAMessageDropsItAndCountsIt() {
        feed("90 3c 80 3c 00 b0 07");
        parser.clearRunningStatus();
        assertThat(sink.messages).containsExactly("80 3c 00");
        assertThat(parser.truncated()).isEqualTo(2);
    }

    @Test
    void sysExOfAnyLengthUpToTheBoundIsDeliveredWhole() {
        feed("f0 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e f7");   // exactly 16 bytes
        assertThat(sink.messages).containsExactly("sysex f0 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e f7");
        assertThat(parser.sysExMessages()).isEqualTo(1);
    }

    @Test
    void oversizeSysExIsSkippedToItsEndAndCounted() {
        feed("f0 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f f7 90 3c 64");   // 17 bytes
        assertThat(sink.messages).containsExactly("90 3c 64");
        assertThat(parser.oversizeSysEx()).isEqualTo(1);
    }

    @Test
    void sysExCutByAnotherStatusIsDroppedAndTheStatusStillApplies() {
        feed("f0 01 02 90 3c 64");
        assertThat(sink.messages).containsExactly("90 3c 64");
        assertThat(parser.truncatedSysEx()).isEqualTo(1);
    }

    @Test
    void cancelledSysExIsDropped() {
        feed("f0 01 02");
        assertThat(parser.inSysEx()).isTrue();
        parser.cancelSysEx();
        feed("03 f7");
        assertThat(sink.messages).isEmpty();
        assertThat(parser.truncatedSysEx()).isEqualTo(1);
        assertThat(parser.strayDataBytes()).isEqualTo(1);
        assertThat(parser.undefinedStatus()).isEqualTo(1);
    }

    @Test
    void undefinedStatusBytesAreIgnoredAndCounted() {
        feed("f4 f5 f9 fd f7 90 3c f9 64");
        assertThat(sink.messages).containsExactly("90 3c 64");
        assertThat(parser.undefinedStatus()).isEqualTo(6);
    }

    @Test
    void badArgumentsAreCountedNotThrown() {
        byte[] buf = new byte[4];
        parser.parse(null, 0, 1, sink);
        parser.parse(buf, -1, 1, sink);
        parser.parse(buf, 3, 2, sink);
        parser.parse(buf, 0, -1, sink);
        parser.parse(buf, Integer.MAX_VALUE, Integer.MAX_VALUE, sink);
        parser.parse(buf, 0, 4, null);
        assertThat(parser.invalidCalls()).isEqualTo(6);
        assertThat(sink.messages).isEmpty();
    }

    @Test
    void resetDropsIncompleteMessagesAndOpenSysEx() {
        feed("90 3c");
        parser.reset();
        feed("64 f0 01");
        parser.reset();
        feed("02 f7");
        assertThat(sink.messages).isEmpty();
        assertThat(parser.truncated()).isEqualTo(1);
        assertThat(parser.truncatedSysEx()).isEqualTo(1);
    }

    @Test
    void randomBytesNeverThrowAndEveryDeliveredMessageIsWellFormed() {
        Random random = new Random(42);
        byte[] bytes = new byte[100_000];
        random.nextBytes(bytes);
        List<int[]> shorts = new ArrayList<>();
        List<Integer> sysExLengths = new ArrayList<>();
        MidiByteParser.Sink checking = new MidiByteParser.Sink() {
            @Override
            public void shortMessage(int status, int data1, int data2) {
                shorts.add(new int[]{status, data1, data2});
            }

            @Override
            public void sysEx(byte[] data, int off, int len) {
                assertThat(data[off] & 0xFF).isEqualTo(0xF0);
                assertThat(data[off + len - 1] & 0xFF).isEqualTo(0xF7);
                for (int i = off + 1; i < off + len - 1; i++) assertThat(data[i]).isNotNegative();
                sysExLengths.add(len);
            }
        };
        assertThatCode(() -> {
            for (int off = 0; off < bytes.length; off += 37) parser.parse(bytes, off, Math.min(37, bytes.length - off), checking);
        }).doesNotThrowAnyException();
        assertThat(shorts).isNotEmpty().allSatisfy(m -> {
            assertThat(m[0]).isBetween(0x80, 0xFF);
            assertThat(m[0]).isNotIn(0xF0, 0xF4, 0xF5, 0xF7, 0xF9, 0xFD);
            assertThat(m[1]).isBetween(0, 127);
            assertThat(m[2]).isBetween(0, 127);
        });
        assertThat(sysExLengths).allSatisfy(len -> assertThat(len).isBetween(2, 16));
        assertThat(parser.messages()).isEqualTo(shorts.size());
        assertThat(parser.errors()).isPositive();
    }
}
