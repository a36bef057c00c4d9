package io.antiphon.engine.token;

/**
 * A note in the model's musical time: ticks of 1/24 quarter note (the MIDI clock's resolution).
 *
 * @param pitch     MIDI key 21..108
 * @param velocity  1..127
 * @param startTick onset tick
 * @param endTick   release tick, after the onset
 */
public record TimedNote(int pitch, int velocity, long startTick, long endTick) {

    public TimedNote {
        if (!Vocabulary.isPlayable(pitch)) throw new IllegalArgumentException("pitch outside 21..108: " + pitch);
        if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("velocity outside 1..127: " + velocity);
        if (startTick < 0) throw new IllegalArgumentException("negative onset tick: " + startTick);
        if (endTick <= startTick) throw new IllegalArgumentException("note must last at least one tick: " + startTick + ".." + endTick);
    }

    public TimedNote transposed(int semitones) {
        return new TimedNote(pitch + semitones, velocity, startTick, endTick);
    }
}
