package io.antiphon.ui;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * An output port that checks what reaches it: no key struck twice without a release between, and counts what sounds.
 * The stepping thread only; allocation-free (it sits on the measured path of the allocation test).
 */
final class PortChecker implements Receiver {

    private final boolean[] down = new boolean[16 * 128];
    private int sounding;
    private long noteOns;
    private String firstViolation;

    @Override
    public void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof ShortMessage m)) return;
        int slot = m.getChannel() * 128 + m.getData1();
        boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
        boolean off = m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
        if (on) {
            noteOns++;
            if (down[slot] && firstViolation == null) firstViolation = "key " + m.getData1() + " on channel " + m.getChannel() + " struck twice";
            if (!down[slot]) sounding++;
            down[slot] = true;
        } else if (off && down[slot]) {
            down[slot] = false;
            sounding--;
        }
    }

    int sounding() {
        return sounding;
    }

    long noteOns() {
        return noteOns;
    }

    String firstViolation() {
        return firstViolation;
    }

    @Override
    public void close() {
    }
}
