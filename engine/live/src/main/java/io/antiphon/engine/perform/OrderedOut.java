package io.antiphon.engine.perform;

/**
 * The performer's one door to {@link MidiOut}, shared by the machine's notes ({@link SoundingNotes}) and the human's
 * messages passed through ({@link ThruNotes}): send times never decrease, a message stamped before the previous one
 * is sent at the previous one's time, and nothing is stamped before the present (a note whose tick has just passed,
 * such as an answer's first note on the tick of the decision, is stamped now). The output then plays everything in the
 * order the performer sent it, and the scheduler's lateness measures the output, not the tick grid.
 */
final class OrderedOut implements NoteSink {

    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;

    private final MidiOut out;
    private long lastSent = Long.MIN_VALUE;

    OrderedOut(MidiOut out) {
        this.out = out;
    }

    /** The present: later messages are not stamped before it. */
    void notBefore(long nanos) {
        lastSent = Math.max(nanos, lastSent);
    }

    void send(long nanos, int status, int data1, int data2) {
        lastSent = Math.max(nanos, lastSent);
        out.send(lastSent, status, data1, data2);
    }

    @Override
    public void noteOn(long nanos, long tick, int channel, int pitch, int velocity) {
        send(nanos, NOTE_ON | channel, pitch, velocity);
    }

    @Override
    public void release(long nanos, long tick, int channel, int pitch) {
        send(nanos, NOTE_OFF | channel, pitch, 0);
    }

    @Override
    public void cut(long nanos, int channel, int pitch) {
        send(nanos, NOTE_OFF | channel, pitch, 0);
    }
}
