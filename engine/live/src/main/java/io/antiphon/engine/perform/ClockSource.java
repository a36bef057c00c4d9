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
    MASTER,
    /**
     * The player: tempo and beat tracked from the human's own note onsets ({@link BeatTracker}); the ticks follow the
     * player's beats, so the human is heard and answered on the human's grid. Before the beat is found (and with
     * {@code tempo_lock}, for the tempo) {@code tempo_bpm} applies.
     */
    PLAYER;

    private static final ClockSource[] ALL = values();

    static ClockSource ofIndex(int index) {
        return ALL[index];
    }
}
