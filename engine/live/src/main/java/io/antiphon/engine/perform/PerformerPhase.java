package io.antiphon.engine.perform;

/** What the performer is doing right now. */
public enum PerformerPhase {
    /** Waiting for the human: collecting a call (call-and-response) or waiting for the first note (jam). */
    LISTENING,
    /** Playing an answer to the human's phrase (call-and-response). */
    ANSWERING,
    /** Generating its own part alongside the human (jam). */
    JAMMING,
    /** Adding voices under the human's melody, step by step (harmonize). */
    HARMONIZING
}
