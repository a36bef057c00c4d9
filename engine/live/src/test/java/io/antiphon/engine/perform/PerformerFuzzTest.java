package io.antiphon.engine.perform;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the performer cores ({@link Performer} in call and jam mode, {@link Harmonizer} in
 * harmonize mode, picked by the first input byte) with Jazzer (README, "Hostile input"): any sequence of messages a
 * hostile or broken input could deliver, out-of-range values included (status bytes of every kind, data values
 * from -256 to 254, so notes outside 21..108 and 0..127, CC values, channels and velocities beyond MIDI), with
 * time moving on between them and the thru switch flipping. Nothing may throw; every message sent out is a
 * channel message with data bytes 0..127; the output invariants ({@link InvariantOut}) hold; all-notes-off
 * silences everything. Input: records of 4 bytes (control, status, data 1, data 2).
 */
class PerformerFuzzTest {

    private static final long MS = 1_000_000L;

    @FuzzTest
    void anyMessagesKeepTheOutputWellFormedAndSilenceable(byte[] input) {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.MODE, input.length > 0 ? (input[0] & 0xFF) % 3 : 0);
        InvariantOut invariants = new InvariantOut(parameters, -1);
        MidiOut out = (time, status, data1, data2) -> {
            assertThat(status).as("status sent").isBetween(0x80, 0xEF);
            assertThat(data1).as("data 1 of %02X", status).isBetween(0, 127);
            assertThat(data2).as("data 2 of %02X", status).isBetween(0, 127);
            invariants.send(time, status, data1, data2);
        };
        PerformerCore performer = (int) parameters.get(Parameter.MODE) == PerformerMode.HARMONIZE.ordinal()
                ? new Harmonizer(TestRollModels.kernel(), 24, parameters, 1, out)
                : new Performer(TestModels.kernel(), parameters, 1, out);
        long now = 0;
        for (int i = 1; i + 4 <= input.length; i += 4) {
            int control = input[i] & 0xFF;
            for (int ms = 0; ms < (control & 0x1F); ms++) {
                now += MS;
                performer.advance(now);
            }
            if ((control & 0x20) != 0) parameters.set(Parameter.THRU, (control >> 6) & 1);
            performer.onMidi(now, input[i + 1] & 0xFF, input[i + 2] * 2, input[i + 3] * 2);
            assertThat(invariants.firstViolation()).isNull();
            if (control == 0xFF) {
                performer.allNotesOff(now);
                assertThat(invariants.sounding()).isZero();
            }
        }
        performer.allNotesOff(now);
        assertThat(invariants.firstViolation()).isNull();
        assertThat(invariants.sounding()).isZero();
    }
}
