/**
 * MIDI input and output for Antiphon. This package holds what every kind of endpoint shares: the byte-stream parser
 * ({@link io.antiphon.midi.MidiByteParser}) and the notes a source holds down ({@link io.antiphon.midi.HeldNotes}).
 * By role: {@code file} reads and writes Standard MIDI Files, {@code port} opens and looks after the machine's MIDI
 * ports, {@code render} turns messages into audio with the JDK's synthesizer, {@code net} is network MIDI (RTP-MIDI),
 * {@code virtual} the virtual device, {@code clock} follows a host's MIDI clock, and {@code endpoint} turns what the
 * player names into an open input and output of any of these kinds. Dependencies point one way: {@code endpoint} uses
 * {@code net}, {@code virtual} and {@code port}; {@code net} and {@code virtual} use {@code port}; {@code render} uses
 * {@code file}; all may use this package, which uses none of them.
 */
package io.antiphon.midi;
