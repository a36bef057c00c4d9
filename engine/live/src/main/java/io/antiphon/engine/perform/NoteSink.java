package io.antiphon.engine.perform;

/**
 * Where {@link SoundingNotes} sends the machine's notes: straight to the {@link OrderedOut} (the harmonizer's voices),
 * or through the {@link ExpressionStage}, which gives an answer's notes the player's dynamics and feel.
 */
interface NoteSink {

    /** A note-on the machine plays at {@code tick}, whose time is {@code nanos}; channel 0..15. */
    void noteOn(long nanos, long tick, int channel, int pitch, int velocity);

    /** The release of a note the machine's part ends at {@code tick}, whose time is {@code nanos}. */
    void release(long nanos, long tick, int channel, int pitch);

    /** A note ended now, at {@code nanos}, whatever its part meant (a barge-in, a stop, a key the human takes). */
    void cut(long nanos, int channel, int pitch);
}
