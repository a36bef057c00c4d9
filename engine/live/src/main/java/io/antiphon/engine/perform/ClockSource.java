package io.antiphon.engine.perform;

/** Where the performer's musical time comes from. The ordinal is the {@code clock} parameter's value. */
public enum ClockSource {
    /** The {@code tempo_bpm} parameter; bars count from the session's first instant. */
    INTERNAL,
    /**
     * An external MIDI clock (a DAW's Timing Clock, Start, Continue, Stop, Song Position Pointer): its ticks are the
     * performer's ticks and its song position gives the bars. While its transport is stopped, time runs on at the
     * last tempo received.
     */
    FOLLOW,
    /** The internal clock, sent to the output as MIDI clock (Start, then a Timing Clock every tick), with an optional metronome. */
    MASTER;

    private static final ClockSource[] ALL = values();

    static ClockSource ofIndex(int index) {
        return ALL[index];
    }
}
