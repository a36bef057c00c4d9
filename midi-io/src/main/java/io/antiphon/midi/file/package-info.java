/**
 * Standard MIDI Files: reading ({@link io.antiphon.midi.file.MidiFileReader}, refusing a broken file in one sentence),
 * writing ({@link io.antiphon.midi.file.MidiFileWriter}), notes paired from note-ons and note-offs
 * ({@link io.antiphon.midi.file.Note}, {@link io.antiphon.midi.file.NotePairer}) and the tempo map that turns ticks
 * into seconds ({@link io.antiphon.midi.file.TempoMap}).
 */
package io.antiphon.midi.file;
