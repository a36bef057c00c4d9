/**
 * Following a host's MIDI clock: {@link io.antiphon.midi.clock.MidiClockFollower} turns stamped real-time messages
 * (Timing Clock, Start, Continue, Stop, Song Position Pointer) into a transport state, a song position in ticks of
 * 1/24 quarter note and a robust tempo estimate; {@link io.antiphon.midi.clock.ClockEvent} says what a message changed.
 * A plain object with no threads or wall clock, allocation-free, so the performer thread feeds it on the live path.
 * Depends on the JDK only; the engine's performer cores use it (docs/design.md, Musical time).
 */
package io.antiphon.midi.clock;
