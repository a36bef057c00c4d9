package io.antiphon.midi;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the live MIDI byte-stream parser with Jazzer (README, "Hostile input"). The first
 * input byte picks how the rest is cut into pieces; the stream is parsed whole by one parser and piece by piece
 * by another: both must hand out the same well-formed messages and count the same faults. A small SysEx bound
 * makes oversize SysEx reachable.
 */
class MidiByteParserFuzzTest {

    private static final int MAX_SYSEX = 16;

    @FuzzTest
    void anyStreamGivesWellFormedMessagesHoweverItIsCut(byte[] input) {
        if (input.length == 0) return;
        int piece = 1 + (input[0] & 0x07);
        MidiByteParser whole = new MidiByteParser(MAX_SYSEX);
        MidiByteParser pieces = new MidiByteParser(MAX_SYSEX);
        WellFormedMessages wholeMessages = new WellFormedMessages(MAX_SYSEX);
        WellFormedMessages pieceMessages = new WellFormedMessages(MAX_SYSEX);

        whole.parse(input, 1, input.length - 1, wholeMessages);
        for (int off = 1; off < input.length; off += piece) {
            pieces.parse(input, off, Math.min(piece, input.length - off), pieceMessages);
        }

        assertThat(pieceMessages.messages()).isEqualTo(wholeMessages.messages());
        assertThat(pieces.errors()).isEqualTo(whole.errors());
        assertThat(whole.messages() + whole.sysExMessages()).isEqualTo(wholeMessages.messages().size());
        assertThat(whole.invalidCalls()).isZero();
        whole.reset();
        assertThat(whole.inSysEx()).isFalse();
    }
}
