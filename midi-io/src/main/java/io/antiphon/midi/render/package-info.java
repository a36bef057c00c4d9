/** Rendering MIDI to a WAV file offline with the JDK's Gervill synthesizer ({@link io.antiphon.midi.render.WavRenderer}). */
package io.antiphon.midi.render;
