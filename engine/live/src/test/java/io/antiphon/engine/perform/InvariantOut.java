package io.antiphon.engine.perform;

/**
 * The output invariants as a {@link MidiOut}: {@link RecordingMidiOut}'s (send times never decrease, a note-on only on
 * a silent key, a note-off only on a sounding one, nothing but channel messages and, from a clock master, the system
 * real-time messages) plus the polyphony limit: a machine note-on never makes more machine notes sound than
 * {@code max_polyphony} allows at that moment.
 */
final class InvariantOut implements MidiOut {

    private final RecordingMidiOut recorder = new RecordingMidiOut(1 << 12, true);
    private final PerformerParameters parameters;
    private final int machineChannel;
    private final boolean[] machineDown = new boolean[128];
    private int machineSounding;
    private String polyphonyViolation;
    private String systemViolation;
    private long lastSystemTime = Long.MIN_VALUE;

    /**
     * @param machineChannel the channel (0..15) only the machine plays on, where polyphony is counted; -1 when the
     *                       human shares the machine's channel (polyphony is then not checked)
     */
    InvariantOut(PerformerParameters parameters, int machineChannel) {
        this.parameters = parameters;
        this.machineChannel = machineChannel;
    }

    @Override
    public void send(long timeNanos, int status, int data1, int data2) {
        if (status >= 0xF0) {
            // clock (0xF8), start (0xFA), continue (0xFB), stop (0xFC) from the clock master; checked for order here
            boolean realTime = status == 0xF8 || status == 0xFA || status == 0xFB || status == 0xFC;
            if (systemViolation == null && (!realTime || timeNanos < lastSystemTime || timeNanos < recorder.lastTime())) {
                systemViolation = "system message " + status + " at " + timeNanos + " ns (out of order or not real-time)";
            }
            lastSystemTime = timeNanos;
            return;
        }
        if (systemViolation == null && timeNanos < lastSystemTime) {
            systemViolation = "a message at " + timeNanos + " ns comes before the clock message sent before it";
        }
        recorder.send(timeNanos, status, data1, data2);
        if ((status & 0x0F) != machineChannel || data1 < 0 || data1 > 127) return;
        int command = status & 0xF0;
        if (command == 0x90 && data2 > 0) {
            if (!machineDown[data1]) machineSounding++;
            machineDown[data1] = true;
            int limit = parameters.maxPolyphony();
            if (machineSounding > limit && polyphonyViolation == null) {
                polyphonyViolation = machineSounding + " machine notes sound at " + timeNanos + " ns, over max_polyphony " + limit;
            }
        } else if (command == 0x80 || command == 0x90) {
            if (machineDown[data1]) machineSounding--;
            machineDown[data1] = false;
        }
    }

    /** The first broken invariant, or null. */
    String firstViolation() {
        String order = recorder.firstViolation();
        if (order != null) return order;
        return systemViolation != null ? systemViolation : polyphonyViolation;
    }

    /** Notes sounding at the output now, human (thru) and machine. */
    int sounding() {
        return recorder.sounding();
    }

    long noteOns() {
        return recorder.noteOns();
    }
}
