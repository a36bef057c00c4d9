package io.antiphon.engine.realtime;

import java.util.SplittableRandom;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.PerformerParameters;

/**
 * An output port that fails now and then, as a real one does when a cable is pulled or a driver hiccups: its
 * {@code send} throws for single messages and for runs of messages (an outage), on a seeded schedule. It checks every
 * message it was handed, sent or not (the device may have got it): a note-on only on a silent (channel, key), a
 * note-off only on a sounding one, at most {@code max_polyphony} notes on the machine's channel at a note-on.
 */
final class FlakyOutputPort implements Receiver {

    private final SplittableRandom random;
    private final double failureRate;
    private final int machineChannel;
    private final PerformerParameters parameters;
    private final boolean[][] down = new boolean[16][128];
    private int sounding;
    private int machineSounding;
    private int outageLeft;
    private long handed;
    private long failures;
    private long noteOns;
    private String violation;

    /**
     * @param failureRate    the chance that a message starts a failure (one in five of them an outage of 1..30 messages)
     * @param machineChannel the channel only the machine plays on, where polyphony is checked
     */
    FlakyOutputPort(long seed, double failureRate, int machineChannel, PerformerParameters parameters) {
        this.random = new SplittableRandom(seed);
        this.failureRate = failureRate;
        this.machineChannel = machineChannel;
        this.parameters = parameters;
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        handed++;
        if (message instanceof ShortMessage m) check(m.getCommand(), m.getChannel(), m.getData1(), m.getData2());
        if (outageLeft == 0 && random.nextDouble() < failureRate) outageLeft = random.nextInt(5) == 0 ? 1 + random.nextInt(30) : 1;
        if (outageLeft > 0) {
            outageLeft--;
            failures++;
            throw new IllegalStateException("the output port failed");
        }
    }

    private void check(int command, int channel, int key, int velocity) {
        if (command == ShortMessage.NOTE_ON && velocity > 0) {
            if (down[channel][key]) violation("note-on of sounding key " + key + " on channel " + channel);
            down[channel][key] = true;
            sounding++;
            noteOns++;
            if (channel == machineChannel && ++machineSounding > parameters.maxPolyphony()) {
                violation(machineSounding + " machine notes sound, over max_polyphony " + parameters.maxPolyphony());
            }
        } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
            if (!down[channel][key]) {
                violation("note-off of silent key " + key + " on channel " + channel);
                return;
            }
            down[channel][key] = false;
            sounding--;
            if (channel == machineChannel) machineSounding--;
        }
    }

    private void violation(String what) {
        if (violation == null) violation = what + " (message " + handed + ")";
    }

    String firstViolation() {
        return violation;
    }

    int sounding() {
        return sounding;
    }

    long failures() {
        return failures;
    }

    long noteOns() {
        return noteOns;
    }

    @Override
    public void close() {
    }
}
