/**
 * The virtual MIDI device other programs play into and listen to ({@code play --virtual}), made the way each system
 * allows, since no Java API creates one: an ALSA sequencer client through JNA on Linux, a CoreMIDI virtual source and
 * destination through JNA on macOS, a pair of loopback ports on Windows ({@link io.antiphon.midi.virtual.VirtualPorts}).
 * Native libraries load only on first use; where the device cannot be made, a
 * {@link io.antiphon.midi.virtual.VirtualPortUnavailableException} says why in one sentence. Depends on the root
 * package, {@code port} and JNA; {@code endpoint}'s {@code MidiHub} opens it (docs/design.md, Ports, devices and
 * endpoints).
 */
package io.antiphon.midi.virtual;
