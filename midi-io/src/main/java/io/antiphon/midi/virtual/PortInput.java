package io.antiphon.midi.virtual;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.midi.MidiByteParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a virtual port's input thread hands on: each short message its parser finds goes to the receiver connected to the
 * port ({@link VirtualPort#connect}), or nowhere while none is; SysEx is dropped. One {@link ShortMessage} is reused, so
 * one thread at a time calls it (the port's input thread). A message the receiver refuses is dropped and logged at debug
 * level.
 */
final class PortInput implements MidiByteParser.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(PortInput.class);

    private final String system;
    private final ShortMessage message = new ShortMessage();
    private volatile Receiver target;

    /** @param system the MIDI system's name for the log ("ALSA", "CoreMIDI") */
    PortInput(String system) {
        this.system = system;
    }

    /** Hands on the input to {@code receiver} from now on (null: to nowhere). */
    void connect(Receiver receiver) {
        target = receiver;
    }

    @Override
    public void shortMessage(int status, int data1, int data2) {
        Receiver receiver = target;
        if (receiver == null) return;
        try {
            message.setMessage(status, data1, data2);
            receiver.send(message, -1);
        } catch (InvalidMidiDataException | RuntimeException e) {
            LOG.debug("{} input message dropped: {}", system, e.toString());
        }
    }

    @Override
    public void sysEx(byte[] data, int off, int len) {
    }
}
