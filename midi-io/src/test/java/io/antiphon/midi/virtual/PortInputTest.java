package io.antiphon.midi.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import org.junit.jupiter.api.Test;

class PortInputTest {

    /** Keeps what it is sent as "status data1 data2" (the message object itself is reused by the sender). */
    private static final class Recorder implements Receiver {
        final List<String> received = new ArrayList<>();

        @Override
        public void send(MidiMessage message, long timeStamp) {
            ShortMessage m = (ShortMessage) message;
            received.add(m.getStatus() + " " + m.getData1() + " " + m.getData2() + " @" + timeStamp);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shortMessagesGoToTheConnectedReceiverWithoutATimeStamp() {
        PortInput input = new PortInput("test");
        Recorder recorder = new Recorder();
        input.connect(recorder);

        input.shortMessage(0x90, 60, 100);
        input.shortMessage(0x80, 60, 0);
        input.sysEx(new byte[] {(byte) 0xF0, 0x7E, (byte) 0xF7}, 0, 3);

        assertThat(recorder.received).containsExactly("144 60 100 @-1", "128 60 0 @-1");
    }

    @Test
    void withNoReceiverOrAfterDisconnectingNothingIsHandedOn() {
        PortInput input = new PortInput("test");
        Recorder recorder = new Recorder();

        input.shortMessage(0x90, 60, 100);
        input.connect(recorder);
        input.shortMessage(0x90, 62, 100);
        input.connect(null);
        input.shortMessage(0x90, 64, 100);

        assertThat(recorder.received).containsExactly("144 62 100 @-1");
    }

    @Test
    void aMessageTheReceiverOrJavaSoundRefusesIsDroppedAndTheNextOneStillPasses() {
        PortInput input = new PortInput("test");
        Recorder recorder = new Recorder();
        boolean[] refuse = {true};
        input.connect(new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (refuse[0]) throw new IllegalStateException("receiver closed");
                recorder.send(message, timeStamp);
            }

            @Override
            public void close() {
            }
        });

        assertThatCode(() -> input.shortMessage(0x90, 60, 100)).doesNotThrowAnyException();
        refuse[0] = false;
        assertThatCode(() -> input.shortMessage(0x90, 200, 100)).as("a data byte over 127").doesNotThrowAnyException();
        input.shortMessage(0x90, 61, 100);

        assertThat(recorder.received).containsExactly("144 61 100 @-1");
    }
}
