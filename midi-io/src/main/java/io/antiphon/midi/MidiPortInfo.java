package io.antiphon.midi;

/**
 * A MIDI port the system offers, as {@code antiphon doctor} and {@code antiphon devices} show it.
 *
 * @param name        the port's name, by which it is opened
 * @param vendor      the vendor string of the driver or device
 * @param description the driver's description
 * @param version     the driver's version string
 * @param input       whether it sends MIDI to us (a keyboard: it has transmitters)
 * @param output      whether it takes MIDI from us (a synth: it has receivers)
 * @param provider    {@value MidiPorts#COREMIDI4J} or {@value MidiPorts#JAVA_SOUND}
 */
public record MidiPortInfo(String name, String vendor, String description, String version,
                           boolean input, boolean output, String provider) {
}
