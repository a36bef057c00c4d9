package io.antiphon.engine.perform;

/**
 * A snapshot of the performer, filled by {@link Performer#readStatus} without allocating. Create one and reuse it.
 */
public final class PerformerStatus {

    PerformerMode mode = PerformerMode.CALL_AND_RESPONSE;
    PerformerPhase phase = PerformerPhase.LISTENING;
    double tempoBpm;
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
