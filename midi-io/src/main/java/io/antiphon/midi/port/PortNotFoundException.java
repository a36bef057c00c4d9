package io.antiphon.midi.port;

/**
 * No port, or several ports, match a name: the message is one sentence; {@link #clause()} is the same finding without
 * its advice, for a caller that reports several sides in one sentence.
 */
public final class PortNotFoundException extends MidiPortException {

    private final String clause;
    private final boolean ambiguous;

    private PortNotFoundException(String message, String clause, boolean ambiguous) {
        super(message);
        this.clause = clause;
        this.ambiguous = ambiguous;
    }

    /** No port matches {@code wanted}; {@code available} names the ports there are (or says there are none). */
    static PortNotFoundException none(String direction, String wanted, String available) {
        return new PortNotFoundException("No MIDI " + direction + " port matches '" + wanted + "'; " + available + ".",
                "no MIDI " + direction + " port matches '" + wanted + "' (" + available + ")", false);
    }

    /** Several ports match {@code wanted}. */
    static PortNotFoundException several(String direction, String wanted, String names) {
        return new PortNotFoundException("'" + wanted + "' matches several MIDI " + direction + " ports " + names + "; give more of the name.",
                "'" + wanted + "' matches several MIDI " + direction + " ports " + names + " (give more of the name)", true);
    }

    /** The finding, lower-case first, without a full stop: "no MIDI input port matches 'x' (the input ports are [...])". */
    public String clause() {
        return clause;
    }

    /** Whether several ports matched (more of the name helps), rather than none (another kind of endpoint may). */
    public boolean ambiguous() {
        return ambiguous;
    }
}
