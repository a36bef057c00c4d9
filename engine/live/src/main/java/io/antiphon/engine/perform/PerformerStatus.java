package io.antiphon.engine.perform;

/**
 * A snapshot of the performer, filled by {@link Performer#readStatus} without allocating. Create one and reuse it.
 */
public final class PerformerStatus {

    PerformerMode mode = PerformerMode.CALL_AND_RESPONSE;
    PerformerPhase phase = PerformerPhase.LISTENING;
    double tempoBpm;
    ClockSource clock = ClockSource.INTERNAL;
    boolean clockRunning;
    long bar;
    int beat;
    long clockTicks;
    long clockStalls;
    long clockRejectedTempos;
    double temperature;
    double topP;
    int topK;
    int machineNotesSounding;
    int thruNotesSounding;
    int humanKeysDown;
    boolean sustainDown;
    long phraseEndThresholdNanos;
    long modelTick;
    long tokensFed;
    long tokensGenerated;
    long answers;
    long bargeIns;
    long melodyNotes;
    long chords;

    public PerformerMode mode() {
        return mode;
    }

    public PerformerPhase phase() {
        return phase;
    }

    public double tempoBpm() {
        return tempoBpm;
    }

    /** Where musical time comes from. */
    public ClockSource clock() {
        return clock;
    }

    /**
     * Whether the clock runs: always with the internal clock and as master; when following, whether the external
     * transport runs and its ticks arrive.
     */
    public boolean clockRunning() {
        return clockRunning;
    }

    /** The bar under way, counted from 1 at the grid's origin (0 and below before it). */
    public long bar() {
        return bar;
    }

    /** The beat under way in its bar, 1..{@code beats_per_bar}. */
    public int beat() {
        return beat;
    }

    /** External MIDI clock ticks (0xF8) received, followed or not. */
    public long clockTicks() {
        return clockTicks;
    }

    /** Times the followed clock's ticks ceased while its transport ran. */
    public long clockStalls() {
        return clockStalls;
    }

    /** External clock tempi ignored as absurd (see {@code MidiClockFollower}). */
    public long clockRejectedTempos() {
        return clockRejectedTempos;
    }

    public double temperature() {
        return temperature;
    }

    public double topP() {
        return topP;
    }

    public int topK() {
        return topK;
    }

    /** Machine notes sounding now. */
    public int machineNotesSounding() {
        return machineNotesSounding;
    }

    /** Human notes passed to the output by thru that still sound there. */
    public int thruNotesSounding() {
        return thruNotesSounding;
    }

    public int humanKeysDown() {
        return humanKeysDown;
    }

    public boolean sustainDown() {
        return sustainDown;
    }

    /** The silence that would end the human's phrase now (adaptive), in ns. */
    public long phraseEndThresholdNanos() {
        return phraseEndThresholdNanos;
    }

    /** The model's time in ticks (1/24 beat) since the session's first event. */
    public long modelTick() {
        return modelTick;
    }

    /** Tokens the model has been fed, human and machine (harmonize: frames). */
    public long tokensFed() {
        return tokensFed;
    }

    /** Tokens the machine has sampled (harmonize: voice notes started). */
    public long tokensGenerated() {
        return tokensGenerated;
    }

    /** Answers started (call-and-response). */
    public long answers() {
        return answers;
    }

    /** Answers cut short by the human playing. */
    public long bargeIns() {
        return bargeIns;
    }

    /** Melody notes the harmonizer heard (harmonize). */
    public long melodyNotes() {
        return melodyNotes;
    }

    /** Chords the harmonizer drew and sounded under the melody (harmonize). */
    public long chords() {
        return chords;
    }
}
