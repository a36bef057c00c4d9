/**
 * The machine's MIDI ports: listing them ({@link io.antiphon.midi.port.MidiPorts}), choosing one by a part of its name
 * ({@link io.antiphon.midi.port.PortSelector}), and looking after the open ones
 * ({@link io.antiphon.midi.port.PortWatcher}): a port unplugged is waited for and reopened, an output gets all notes
 * off when it comes back ({@link io.antiphon.midi.port.SupervisedOutput}), an input releases what it held
 * ({@link io.antiphon.midi.port.SupervisedInput}).
 */
package io.antiphon.midi.port;
